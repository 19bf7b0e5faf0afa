/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.core;

/** How a device can be reached. */
public enum EndpointKind {
	/** A serial line: a device path ({@code /dev/ttyUSB0}, {@code COM3}), {@code socket://host:port} or {@code rfc2217://host:port}. */
	SERIAL,
	/** An ESP-IDF provisioning endpoint, {@code host:port} (SoftAP default {@code 192.168.4.1:80}). */
	PROVISIONING_HTTP,
	/** A web interface, {@code http://...} or {@code https://...}. */
	WEB,
	/** An mDNS service instance, {@code <instance>._<service>._tcp.local.}. */
	MDNS_SERVICE
}
