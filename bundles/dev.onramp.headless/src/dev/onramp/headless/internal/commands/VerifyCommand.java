/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.headless.internal.commands;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.eclipse.core.runtime.IProgressMonitor;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

import dev.onramp.core.FailureReason;
import dev.onramp.core.OnrampException;
import dev.onramp.core.certs.CertificateReport;
import dev.onramp.core.certs.ICertificateVerifier;
import dev.onramp.core.certs.ServedCertificate;
import dev.onramp.core.certs.VerificationRequest;
import dev.onramp.headless.internal.CommandEnvironment;
import dev.onramp.headless.internal.CommandFailure;
import dev.onramp.headless.internal.CommandLine;
import dev.onramp.headless.internal.CommandResult;
import dev.onramp.headless.internal.CommandRunner;
import dev.onramp.headless.internal.ICommand;

/**
 * {@code onramp verify <https-url> [--fingerprint SHA256 | --ca FILE]}: a TLS handshake with the device, the served
 * certificate reported, and whether it is the expected one. Without either option, the local CA is the judge.
 */
@Component(service = ICommand.class, property = CommandRunner.COMMAND_PROPERTY + "=verify") //$NON-NLS-1$
public class VerifyCommand implements ICommand {

	private final ICertificateVerifier verifier;

	@Activate
	public VerifyCommand(@Reference ICertificateVerifier verifier) {
		this.verifier = verifier;
	}

	@Override
	public CommandResult run(CommandLine commandLine, CommandEnvironment environment, IProgressMonitor monitor)
			throws OnrampException {
		VerificationRequest request = request(commandLine);
		monitor.beginTask("Checking the certificate served by " + request.url(), 1); //$NON-NLS-1$
		CertificateReport report = verifier.check(request);
		monitor.worked(1);
		JsonObject data = toJson(request, report);
		List<String> lines = describe(request, report);
		FailureReason failure = report.outcome().failure();
		if (failure != null) {
			throw new CommandFailure(failure, report.detail(), hint(report), data, lines);
		}
		return new CommandResult(data, lines);
	}

	private static VerificationRequest request(CommandLine commandLine) throws OnrampException {
		URI url;
		try {
			url = new URI(commandLine.arguments().get(0));
		} catch (URISyntaxException e) {
			throw usage("'" + commandLine.arguments().get(0) + "' is not a URL."); //$NON-NLS-1$ //$NON-NLS-2$
		}
		if (commandLine.has("fingerprint") && commandLine.has("ca")) { //$NON-NLS-1$ //$NON-NLS-2$
			throw usage("Give --fingerprint or --ca, not both."); //$NON-NLS-1$
		}
		VerificationRequest request;
		try {
			Optional<String> fingerprint = commandLine.value("fingerprint"); //$NON-NLS-1$
			Optional<String> caFile = commandLine.value("ca"); //$NON-NLS-1$
			request = fingerprint.map(f -> VerificationRequest.pinned(url, normalizeFingerprint(f)))
					.orElseGet(() -> caFile.map(f -> VerificationRequest.againstCaFile(url, Path.of(f)))
							.orElseGet(() -> VerificationRequest.againstLocalCa(url)));
		} catch (IllegalArgumentException e) {
			throw usage(e.getMessage() + "."); //$NON-NLS-1$
		}
		Optional<String> ip = commandLine.value("ip"); //$NON-NLS-1$
		if (ip.isPresent()) {
			request = request.connectingTo(address(ip.get()));
		}
		Optional<String> timeout = commandLine.value("timeout"); //$NON-NLS-1$
		if (timeout.isPresent()) {
			request = request.withTimeout(seconds(timeout.get()));
		}
		return request;
	}

	/** Accepts the forms people paste: {@code AB:CD:...}, lower case, with spaces. */
	static String normalizeFingerprint(String text) {
		String hex = text.replace(":", "").replace(" ", "").toLowerCase(Locale.ROOT); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$
		if (!hex.matches("[0-9a-f]{64}")) { //$NON-NLS-1$
			throw new IllegalArgumentException("A SHA-256 fingerprint has 64 hex digits"); //$NON-NLS-1$
		}
		return hex;
	}

	private static InetAddress address(String text) throws OnrampException {
		if (!text.matches("[0-9a-fA-F:.]+")) { //$NON-NLS-1$
			throw usage("--ip takes an IP address, not a name: " + text); //$NON-NLS-1$
		}
		try {
			return InetAddress.getByName(text);
		} catch (UnknownHostException e) {
			throw usage("--ip takes an IP address: " + text); //$NON-NLS-1$
		}
	}

	static Duration seconds(String text) throws OnrampException {
		try {
			double seconds = Double.parseDouble(text);
			if (seconds > 0 && seconds <= 3600) {
				return Duration.ofMillis((long) (seconds * 1000));
			}
		} catch (NumberFormatException e) {
			// reported below
		}
		throw usage("--timeout takes a number of seconds between 0 and 3600."); //$NON-NLS-1$
	}

	private static OnrampException usage(String message) {
		return new OnrampException(FailureReason.USAGE, message, "Run 'onramp verify --help'."); //$NON-NLS-1$
	}

	private static String hint(CertificateReport report) {
		return switch (report.outcome()) {
		case DIFFERENT_CERTIFICATE -> "Re-provision the device, or check that the address reaches the right device."; //$NON-NLS-1$
		case EXPIRED -> "Re-provision the device to give it a new certificate."; //$NON-NLS-1$
		case UNTRUSTED -> "Check that the device was blessed by this CA ('onramp ca show'), or pin it with --fingerprint."; //$NON-NLS-1$
		case HOSTNAME_MISMATCH -> "Use the host name the certificate was issued for, or re-provision with --hostname."; //$NON-NLS-1$
		case UNREACHABLE -> "Check that the device is on the network; if its .local name does not resolve, add --ip."; //$NON-NLS-1$
		case MATCH -> null;
		};
	}

	private static List<String> describe(VerificationRequest request, CertificateReport report) {
		List<String> lines = new ArrayList<>();
		lines.add(request.url() + ": " + report.outcome().name().toLowerCase(Locale.ROOT).replace('_', ' ')); //$NON-NLS-1$
		report.served().ifPresent(served -> {
			lines.add("  Subject:  " + served.subject()); //$NON-NLS-1$
			lines.add("  Names:    " + String.join(", ", served.subjectAlternativeNames())); //$NON-NLS-1$ //$NON-NLS-2$
			lines.add("  Issuer:   " + served.issuer()); //$NON-NLS-1$
			lines.add("  Valid:    " + served.notBefore() + " to " + served.notAfter()); //$NON-NLS-1$ //$NON-NLS-2$
			lines.add("  SHA-256:  " + served.fingerprintSha256()); //$NON-NLS-1$
		});
		return lines;
	}

	private static JsonObject toJson(VerificationRequest request, CertificateReport report) {
		JsonObject json = new JsonObject();
		json.addProperty("url", request.url().toString()); //$NON-NLS-1$
		json.addProperty("outcome", report.outcome().name().toLowerCase(Locale.ROOT)); //$NON-NLS-1$
		json.addProperty("verified", Boolean.valueOf(report.matches())); //$NON-NLS-1$
		json.addProperty("detail", report.detail()); //$NON-NLS-1$
		json.add("certificate", report.served().map(VerifyCommand::toJson).orElse(null)); //$NON-NLS-1$
		return json;
	}

	private static JsonObject toJson(ServedCertificate served) {
		JsonObject json = new JsonObject();
		json.addProperty("subject", served.subject()); //$NON-NLS-1$
		JsonArray names = new JsonArray();
		served.subjectAlternativeNames().forEach(names::add);
		json.add("subject_alternative_names", names); //$NON-NLS-1$
		json.addProperty("issuer", served.issuer()); //$NON-NLS-1$
		json.addProperty("not_before", served.notBefore().toString()); //$NON-NLS-1$
		json.addProperty("not_after", served.notAfter().toString()); //$NON-NLS-1$
		json.addProperty("fingerprint_sha256", served.fingerprintSha256()); //$NON-NLS-1$
		json.addProperty("serial", served.serialHex()); //$NON-NLS-1$
		json.addProperty("chain_length", Integer.valueOf(served.chainLength())); //$NON-NLS-1$
		return json;
	}
}
