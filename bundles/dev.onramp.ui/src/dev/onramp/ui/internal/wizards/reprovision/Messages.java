/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.ui.internal.wizards.reprovision;

import org.eclipse.osgi.util.NLS;

final class Messages extends NLS {

	private static final String BUNDLE_NAME = "dev.onramp.ui.internal.wizards.reprovision.messages"; //$NON-NLS-1$

	public static String IdentityPage_badHostname;
	public static String IdentityPage_badPort;
	public static String IdentityPage_description;
	public static String IdentityPage_ec;
	public static String IdentityPage_hostname;
	public static String IdentityPage_hostnameHint;
	public static String IdentityPage_httpsPort;
	public static String IdentityPage_httpsPortHint;
	public static String IdentityPage_keyType;
	public static String IdentityPage_notRead;
	public static String IdentityPage_note;
	public static String IdentityPage_read;
	public static String IdentityPage_readCancelled;
	public static String IdentityPage_reading;
	public static String IdentityPage_rsa;
	public static String IdentityPage_title;
	public static String IdentityPage_validity;
	public static String ReprovisionWizard_bug;
	public static String ReprovisionWizard_cancelled;
	public static String ReprovisionWizard_job;
	public static String ReprovisionWizard_title;
	public static String SecurityWarning_ca;
	public static String SecurityWarning_caNew;
	public static String SecurityWarning_caTrust;
	public static String SecurityWarning_connect;
	public static String SecurityWarning_fallback;
	public static String SecurityWarning_fallbackLink;
	public static String SecurityWarning_found;
	public static String SecurityWarning_foundAt;
	public static String SecurityWarning_messageCa;
	public static String SecurityWarning_messageSelfSigned;
	public static String SecurityWarning_restarting;
	public static String SecurityWarning_selfSigned;
	public static String SecurityWarning_selfSignedChrome;
	public static String SecurityWarning_selfSignedFirefox;
	public static String SecurityWarning_selfSignedOnce;
	public static String SecurityWarning_title;
	public static String SecurityWarning_window;
	public static String Services_missing;
	public static String Services_missingHint;
	public static String SummaryPage_caIssuer;
	public static String SummaryPage_caIssuerNamed;
	public static String SummaryPage_caToBeCreated;
	public static String SummaryPage_description;
	public static String SummaryPage_ec;
	public static String SummaryPage_issuer;
	public static String SummaryPage_key;
	public static String SummaryPage_rsa;
	public static String SummaryPage_sans;
	public static String SummaryPage_sansValue;
	public static String SummaryPage_selfIssued;
	public static String SummaryPage_steps;
	public static String SummaryPage_subject;
	public static String SummaryPage_title;
	public static String SummaryPage_validity;
	public static String SummaryPage_validityValue;
	public static String SummaryPage_whatHappens;
	public static String TrustPage_caChecking;
	public static String TrustPage_caExists;
	public static String TrustPage_caJob;
	public static String TrustPage_caLink;
	public static String TrustPage_caMissing;
	public static String TrustPage_caUnknown;
	public static String TrustPage_description;
	public static String TrustPage_localCa;
	public static String TrustPage_localCaBrowser;
	public static String TrustPage_selfSigned;
	public static String TrustPage_selfSignedBrowser;
	public static String TrustPage_title;

	static {
		NLS.initializeMessages(BUNDLE_NAME, Messages.class);
	}

	private Messages() {
	}
}
