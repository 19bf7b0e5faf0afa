/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.provisioning.internal.bless;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.eclipse.core.runtime.ILog;
import org.eclipse.core.runtime.SubMonitor;

import dev.onramp.core.FailureReason;
import dev.onramp.core.Hostnames;
import dev.onramp.core.OnrampException;
import dev.onramp.core.Remedy;
import dev.onramp.core.certs.CertificateProfiles;
import dev.onramp.core.certs.CertificateRequest;
import dev.onramp.core.certs.IssuedCertificate;
import dev.onramp.core.certs.TrustMode;
import dev.onramp.core.provisioning.ReprovisionRequest;
import dev.onramp.core.repl.DeviceIdentity;
import dev.onramp.core.repl.IReplSession;
import dev.onramp.core.repl.ReplacedFile;
import dev.onramp.core.repl.snippets.BoardSnippets;

/**
 * The steps of the pyDirect blessing (PROTOCOLS.md §4) in the device's raw REPL session, before any reset:
 * identifying the board, the certificate request for it, installing the certificate and key, enabling HTTPS. The
 * certificate and key replace the old pair together ({@link dev.onramp.core.repl.IDeviceFileSystem#replaceTogether}):
 * written beside it, checked on the device, then swapped in, so that the board holds the old pair or the new one,
 * never a mix. The private key exists in clear only in the upload buffer, cleared afterwards, and is never part of a
 * message.
 */
final class ReplBlessing {

	/**
	 * What the device said about itself before the blessing.
	 *
	 * @param certFile where its web server reads the certificate (pyDirect: {@code server.https_cert_file})
	 * @param keyFile  where it reads the key ({@code server.https_key_file})
	 */
	record Board(DeviceIdentity identity, String hostname, Optional<String> ip, String certFile, String keyFile) {

		/** @return the page to open once the board is back: pyDirect boots into its setup server */
		String page() {
			return identity.pyDirect() ? "setup" : ""; //$NON-NLS-1$ //$NON-NLS-2$
		}
	}

	private ReplBlessing() {
	}

	static Board identify(IReplSession session, ReprovisionRequest request) throws OnrampException {
		DeviceIdentity identity = session.identify();
		String hostname = request.hostname().map(Hostnames::withoutLocalSuffix)
				.or(() -> identity.hostname().map(Hostnames::withoutLocalSuffix))
				.or(() -> identity.mac().map(mac -> mac.pyDirectHostname()))
				.orElseThrow(() -> new OnrampException(FailureReason.USAGE,
						"The device on " + request.port() + " reports no host name.", //$NON-NLS-1$ //$NON-NLS-2$
						"Give the host name to certify.")); //$NON-NLS-1$
		if (!Hostnames.isValidDeviceHostname(hostname)) {
			throw new OnrampException(FailureReason.USAGE, "'" + hostname + "' is not a valid device host name.", //$NON-NLS-1$ //$NON-NLS-2$
					"Use letters, digits and inner hyphens, at most 63 characters."); //$NON-NLS-1$
		}
		Optional<String> ip = Optional.empty();
		var station = session.exec(BoardSnippets.STATION_STATE);
		if (station.ok()) {
			String[] parts = station.stdout().strip().split("\\s+"); //$NON-NLS-1$
			if (parts.length == 2 && parts[0].equals("True") && !parts[1].equals("0.0.0.0")) { //$NON-NLS-1$ //$NON-NLS-2$
				ip = Optional.of(parts[1]);
			}
		}
		String certFile = Reprovisioner.CERT_PATH;
		String keyFile = Reprovisioner.KEY_PATH;
		if (identity.pyDirect()) {
			String[] files = session.execOrThrow(BoardSnippets.PYDIRECT_HTTPS_FILES, "Reading where the board keeps its certificate") //$NON-NLS-1$
					.strip().split("\\r?\\n"); //$NON-NLS-1$
			if (files.length != 2 || !files[0].strip().startsWith("/") || !files[1].strip().startsWith("/")) { //$NON-NLS-1$ //$NON-NLS-2$
				throw new OnrampException(FailureReason.PROTOCOL_ERROR,
						"The board's settings name no usable certificate and key files (" + String.join(", ", files) //$NON-NLS-1$ //$NON-NLS-2$
								+ ").", //$NON-NLS-1$
						"Set server.https_cert_file and server.https_key_file to absolute paths on the board, or reinstall its firmware."); //$NON-NLS-1$
			}
			certFile = files[0].strip();
			keyFile = files[1].strip();
		}
		return new Board(identity, hostname, ip, certFile, keyFile);
	}

	static CertificateRequest certificateRequest(ReprovisionRequest request, Board board) throws OnrampException {
		List<InetAddress> addresses = new ArrayList<>(request.ipAddresses());
		if (board.ip().isPresent()) {
			try {
				InetAddress ip = InetAddress.getByName(board.ip().get());
				if (!addresses.contains(ip)) {
					addresses.add(ip);
				}
			} catch (UnknownHostException e) {
				// not an address literal: leave it out of the certificate
			}
		}
		int days = request.validityDays().orElse(request.trust() == TrustMode.CA
				? CertificateProfiles.DEFAULT_CA_VALIDITY_DAYS
				: CertificateProfiles.PYDIRECT_VALIDITY_DAYS);
		if (days <= 0 || days > CertificateProfiles.maxValidityDays(request.trust())) {
			throw new OnrampException(FailureReason.USAGE, "The certificate's validity must be between 1 and " //$NON-NLS-1$
					+ CertificateProfiles.maxValidityDays(request.trust()) + " days for this trust mode.", //$NON-NLS-1$
					request.trust() == TrustMode.CA
							? "Browsers reject CA-issued server certificates valid for more than 825 days." //$NON-NLS-1$
							: null).withRemedy(Remedy.VALIDITY_DAYS);
		}
		return new CertificateRequest(board.hostname(), addresses, request.keyType(), days, request.trust());
	}

	static void install(IReplSession session, Board board, IssuedCertificate issued, SubMonitor monitor)
			throws OnrampException {
		SubMonitor sub = SubMonitor.convert(monitor, 1);
		byte[] chain = issued.certificateChainPem().getBytes(StandardCharsets.US_ASCII);
		byte[] key = issued.privateKeyPem().utf8();
		try {
			// written beside the old pair, checked on the device, then swapped in together (IDeviceFileSystem)
			session.files().replaceTogether(
					List.of(new ReplacedFile(board.certFile(), chain), new ReplacedFile(board.keyFile(), key)));
		} finally {
			Arrays.fill(key, (byte) 0);
		}
		sub.split(1);
	}

	/**
	 * As pyDirect's installer does before its reset: HTTPS on and setup mode, so that the board boots into its setup
	 * server, where the user sets the device password.
	 */
	static void enterSetupMode(IReplSession session, Board board, ReprovisionRequest request) throws OnrampException {
		if (!board.identity().pyDirect()) {
			ILog.of(Reprovisioner.class).warn("The device on " + request.port() //$NON-NLS-1$
					+ " has no pyDirect settings module: HTTPS must be enabled by its own firmware"); //$NON-NLS-1$
			return;
		}
		Optional<String> newName = board.identity().hostname().map(Hostnames::withoutLocalSuffix)
				.equals(Optional.of(board.hostname())) ? Optional.empty() : Optional.of(board.hostname());
		String saved = session.execOrThrow(BoardSnippets.enterPyDirectSetupMode(newName),
				"Turning on HTTPS and setup mode in the board's settings").strip(); //$NON-NLS-1$
		if (!saved.endsWith("True")) { //$NON-NLS-1$
			throw new OnrampException(FailureReason.PROTOCOL_ERROR,
					"The board could not save its settings (it printed \"" + saved + "\").", //$NON-NLS-1$ //$NON-NLS-2$
					"Check that the board's file system is not full, then re-provision again."); //$NON-NLS-1$
		}
	}
}
