/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.certs.internal;

import org.eclipse.osgi.util.NLS;

/** User-facing sentences of the certificate services. */
final class Messages extends NLS {

	private static final String BUNDLE_NAME = "dev.onramp.certs.internal.messages"; //$NON-NLS-1$

	public static String CaKeyStore_unreadable;
	public static String CaKeyStore_unreadableHint;
	public static String CaKeyStore_wrongPassword;
	public static String CaKeyStore_wrongPasswordHint;
	public static String CaKeyStore_corrupted;
	public static String CaKeyStore_corruptedHint;
	public static String CaKeyStore_appeared;
	public static String CaKeyStore_cannotWrite;
	public static String CaKeyStore_cannotWriteHint;
	public static String CaKeyStore_permissionsTightened;
	public static String CaKeyStore_cannotRetire;
	public static String CaKeyStore_cannotRestore;
	public static String Ca_rotated;
	public static String Ca_created;
	public static String Ca_none;
	public static String Ca_noneHint;
	public static String Ca_passwordMissing;
	public static String Ca_passwordMissingHint;
	public static String EnvironmentPassword_description;
	public static String EnvironmentPassword_missing;
	public static String SecureStorage_description;
	public static String SecureStorage_unavailable;
	public static String SecureStorage_failed;
	public static String SecureStorage_hint;
	public static String Inventory_cannotRead;
	public static String Inventory_cannotWrite;
	public static String Inventory_corrupted;
	public static String Inventory_corruptedHint;
	public static String Issue_invalidHostname;
	public static String Issue_invalidHostnameHint;
	public static String Issue_notLocal;
	public static String Issue_notLocalHint;
	public static String Issue_validityTooLong;
	public static String ConnectAddress_unresolved;
	public static String ConnectAddress_noMdns;
	public static String ConnectAddress_mdnsFailed;
	public static String TlsProbe_unresolved;
	public static String TlsProbe_timeout;
	public static String TlsProbe_reset;
	public static String TlsProbe_handshakeFailed;
	public static String TlsProbe_connectFailed;
	public static String Verify_caFileUnreadable;
	public static String Verify_noLocalCa;
	public static String Verify_noLocalCaHint;
	public static String Verify_differentCertificate;
	public static String Verify_expired;
	public static String Verify_pinnedMatch;
	public static String Verify_trustedMatch;
	public static String Verify_untrusted;
	public static String Verify_uncheckableNames;
	public static String Verify_notServerCertificate;
	public static String Verify_hostnameMismatch;

	static {
		NLS.initializeMessages(BUNDLE_NAME, Messages.class);
	}

	private Messages() {
	}
}
