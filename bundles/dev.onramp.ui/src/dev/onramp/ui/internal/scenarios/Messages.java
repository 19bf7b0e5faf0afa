/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.ui.internal.scenarios;

import org.eclipse.osgi.util.NLS;

final class Messages extends NLS {

	private static final String BUNDLE_NAME = "dev.onramp.ui.internal.scenarios.messages"; //$NON-NLS-1$

	public static String Browsers_failed;
	public static String ConnectDevice_continue;
	public static String ConnectDevice_heading;
	public static String ConnectDevice_message;
	public static String ConnectDevice_nothingFits;
	public static String ConnectDevice_title;
	public static String Outcome_openPage;
	public static String Remedy_endpoint;
	public static String Remedy_moreTime;
	public static String Remedy_networkInterface;
	public static String Remedy_pop;
	public static String Remedy_scheme;
	public static String Remedy_srp;
	public static String Remedy_validityDays;
	public static String Remedy_dataDirectory;
	public static String Remedy_certificateAddresses;
	public static String Remedy_verificationReference;
	public static String Remedy_newCertificateAuthority;
	public static String Remedy_serialPort;
	public static String RememberedPops_noStorage;
	public static String ScenarioDialog_password;
	public static String ScenarioDialog_passwordHint;
	public static String ScenarioDialog_ssid;
	public static String ScenarioDialog_ssidHint;
	public static String ScenarioJob_bug;
	public static String ScenarioJob_bugText;
	public static String ScenarioJob_cancelled;
	public static String ScenarioJob_done;
	public static String Scenario_changeWifi;
	public static String Scenario_changeWifiDescription;
	public static String Scenario_provision;
	public static String Scenario_provisionDescription;
	public static String Scenario_reprovision;
	public static String Scenario_reprovisionDescription;
	public static String Scenario_verify;
	public static String Scenario_verifyDescription;
	public static String Services_missing;
	public static String Services_missingHint;
	public static String Services_notRunning;
	public static String Verify_failedTitle;
	public static String Verify_hintDifferent;
	public static String Verify_hintExpired;
	public static String Verify_hintHostname;
	public static String Verify_hintUnreachable;
	public static String Verify_hintUntrusted;
	public static String Verify_job;
	public static String Verify_match;
	public static String Verify_mismatch;
	public static String Verify_mismatchTitle;
	public static String Verify_served;
	public static String Verify_task;
	public static String Verify_title;

	static {
		NLS.initializeMessages(BUNDLE_NAME, Messages.class);
	}

	private Messages() {
	}
}
