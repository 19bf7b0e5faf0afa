/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.ui.internal.views.properties;

import org.eclipse.osgi.util.NLS;

final class Messages extends NLS {

	private static final String BUNDLE_NAME = "dev.onramp.ui.internal.views.properties.messages"; //$NON-NLS-1$

	public static String Category_device;
	public static String Category_network;
	public static String Category_usb;
	public static String Category_certificate;
	public static String Property_name;
	public static String Property_runs;
	public static String Property_state;
	public static String Property_identificationHint;
	public static String Property_chip;
	public static String Property_firmware;
	public static String Property_machine;
	public static String Property_hostname;
	public static String Property_mac;
	public static String Property_ipAddress;
	public static String Property_web;
	public static String Property_provisioning;
	public static String Property_mdns;
	public static String Property_port;
	public static String Property_stablePath;
	public static String Property_vidPid;
	public static String Property_serialNumber;
	public static String Property_manufacturer;
	public static String Property_product;
	public static String Property_bridge;
	public static String Property_subject;
	public static String Property_fingerprint;
	public static String Property_serial;
	public static String Property_keyType;
	public static String Property_trust;
	public static String Property_issued;
	public static String Property_expires;
	public static String Property_validity;
	public static String KeyType_ecP256;
	public static String KeyType_rsa2048;
	public static String Trust_ca;
	public static String Trust_selfSigned;

	static {
		NLS.initializeMessages(BUNDLE_NAME, Messages.class);
	}

	private Messages() {
	}
}
