/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.headless.internal.commands;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.eclipse.core.runtime.IProgressMonitor;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import com.google.gson.JsonObject;

import dev.onramp.core.FailureReason;
import dev.onramp.core.OnrampException;
import dev.onramp.core.certs.CaInfo;
import dev.onramp.core.certs.CaKeyAlgorithm;
import dev.onramp.core.certs.ICertificateAuthority;
import dev.onramp.headless.internal.CommandEnvironment;
import dev.onramp.headless.internal.CommandLine;
import dev.onramp.headless.internal.CommandResult;
import dev.onramp.headless.internal.CommandRunner;
import dev.onramp.headless.internal.ICommand;

/** {@code onramp ca init|show|export}: the local certificate authority that the user trusts once. */
@Component(service = ICommand.class, property = CommandRunner.COMMAND_PROPERTY + "=ca") //$NON-NLS-1$
public class CaCommand implements ICommand {

	private final ICertificateAuthority authority;

	@Activate
	public CaCommand(@Reference ICertificateAuthority authority) {
		this.authority = authority;
	}

	@Override
	public CommandResult run(CommandLine commandLine, CommandEnvironment environment, IProgressMonitor monitor)
			throws OnrampException {
		return switch (commandLine.arguments().get(0)) {
		case "init" -> init(commandLine); //$NON-NLS-1$
		case "show" -> show(); //$NON-NLS-1$
		default -> export(commandLine);
		};
	}

	private CommandResult init(CommandLine commandLine) throws OnrampException {
		CaKeyAlgorithm algorithm;
		try {
			algorithm = CaKeyAlgorithm.fromCliName(commandLine.value("key").orElse(CaKeyAlgorithm.EC_P256.cliName())); //$NON-NLS-1$
		} catch (IllegalArgumentException e) {
			throw new OnrampException(FailureReason.USAGE, e.getMessage(), "Run 'onramp ca --help'."); //$NON-NLS-1$
		}
		boolean existed = authority.info().isPresent();
		CaInfo info = authority.initialize(algorithm);
		List<String> lines = new ArrayList<>();
		lines.add(existed ? "The local certificate authority already exists; it was kept." //$NON-NLS-1$
				: "Created the local certificate authority."); //$NON-NLS-1$
		lines.addAll(describe(info));
		lines.add("Next: 'onramp ca export --out onramp-ca.pem' and trust that file once on each computer and phone."); //$NON-NLS-1$
		JsonObject data = toJson(info);
		data.addProperty("created", Boolean.valueOf(!existed)); //$NON-NLS-1$
		return new CommandResult(data, lines);
	}

	private CommandResult show() throws OnrampException {
		Optional<CaInfo> info = authority.info();
		if (info.isEmpty()) {
			throw new OnrampException(FailureReason.USAGE, "There is no local certificate authority yet.", //$NON-NLS-1$
					"Create one with 'onramp ca init' (or let 'onramp reprovision' create it on first use)."); //$NON-NLS-1$
		}
		return new CommandResult(toJson(info.get()), describe(info.get()));
	}

	private CommandResult export(CommandLine commandLine) throws OnrampException {
		CaInfo info = authority.info().orElseThrow(() -> new OnrampException(FailureReason.USAGE,
				"There is no local certificate authority to export.", "Create one with 'onramp ca init'.")); //$NON-NLS-1$ //$NON-NLS-2$
		JsonObject data = toJson(info);
		List<String> lines = new ArrayList<>();
		Optional<Path> out = commandLine.value("out").map(Path::of); //$NON-NLS-1$
		String pem = authority.exportPem();
		if (out.isEmpty()) {
			data.addProperty("pem", pem); //$NON-NLS-1$
			lines.add(pem.stripTrailing());
			return new CommandResult(data, lines);
		}
		Path file = out.get().toAbsolutePath();
		boolean der = isDerName(file);
		try {
			Files.createDirectories(file.getParent());
			if (der) {
				Files.write(file, authority.exportDer());
			} else {
				Files.writeString(file, pem, StandardCharsets.US_ASCII);
			}
		} catch (IOException e) {
			throw new OnrampException(FailureReason.USAGE, "Cannot write " + file + ": " + e.getMessage(), //$NON-NLS-1$ //$NON-NLS-2$
					"Choose a folder you can write to.", e); //$NON-NLS-1$
		}
		String instructions = authority.trustInstructions(file);
		data.addProperty("file", file.toString()); //$NON-NLS-1$
		data.addProperty("format", der ? "der" : "pem"); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
		data.addProperty("trust_instructions", instructions); //$NON-NLS-1$
		lines.add("Wrote the CA certificate to " + file + (der ? " (DER)." : " (PEM).")); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
		lines.add("SHA-256 fingerprint: " + info.fingerprintSha256()); //$NON-NLS-1$
		lines.add(""); //$NON-NLS-1$
		lines.add(instructions.stripTrailing());
		return new CommandResult(data, lines);
	}

	private static boolean isDerName(Path file) {
		String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
		return name.endsWith(".der") || name.endsWith(".cer") || name.endsWith(".crt.der"); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
	}

	private static List<String> describe(CaInfo info) {
		return List.of("Subject:     " + info.subject(), //$NON-NLS-1$
				"Key:         " + info.keyAlgorithm().cliName(), //$NON-NLS-1$
				"Valid:       " + info.notBefore() + " to " + info.notAfter(), //$NON-NLS-1$ //$NON-NLS-2$
				"SHA-256:     " + info.fingerprintSha256(), //$NON-NLS-1$
				"Certificate: " + info.certificateFile()); //$NON-NLS-1$
	}

	private static JsonObject toJson(CaInfo info) {
		JsonObject json = new JsonObject();
		json.addProperty("subject", info.subject()); //$NON-NLS-1$
		json.addProperty("key", info.keyAlgorithm().cliName()); //$NON-NLS-1$
		json.addProperty("fingerprint_sha256", info.fingerprintSha256()); //$NON-NLS-1$
		json.addProperty("not_before", info.notBefore().toString()); //$NON-NLS-1$
		json.addProperty("not_after", info.notAfter().toString()); //$NON-NLS-1$
		json.addProperty("certificate_file", info.certificateFile().toString()); //$NON-NLS-1$
		return json;
	}
}
