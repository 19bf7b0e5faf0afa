/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.headless.internal.commands;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

import org.eclipse.core.runtime.IProgressMonitor;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import com.google.gson.JsonObject;

import dev.onramp.core.FailureReason;
import dev.onramp.core.OnrampException;
import dev.onramp.core.certs.KeyType;
import dev.onramp.core.certs.TrustMode;
import dev.onramp.core.provisioning.IReprovisioner;
import dev.onramp.core.provisioning.ReprovisionRequest;
import dev.onramp.core.provisioning.ReprovisionResult;
import dev.onramp.headless.internal.CommandEnvironment;
import dev.onramp.headless.internal.CommandFailure;
import dev.onramp.headless.internal.CommandLine;
import dev.onramp.headless.internal.CommandResult;
import dev.onramp.headless.internal.CommandRunner;
import dev.onramp.headless.internal.ICommand;

/**
 * {@code onramp reprovision --port P [--trust ca|self-signed] [--hostname H] [--ip A]... [--key ec-p256|rsa-2048]
 * [--days N] [--no-reset] [--wait S]}: the pyDirect blessing through {@link IReprovisioner}.
 */
@Component(service = ICommand.class, property = CommandRunner.COMMAND_PROPERTY + "=reprovision") //$NON-NLS-1$
public class ReprovisionCommand implements ICommand {

	private static final String HELP = "Run 'onramp reprovision --help'."; //$NON-NLS-1$

	private final IReprovisioner reprovisioner;

	@Activate
	public ReprovisionCommand(@Reference IReprovisioner reprovisioner) {
		this.reprovisioner = reprovisioner;
	}

	@Override
	public CommandResult run(CommandLine commandLine, CommandEnvironment environment, IProgressMonitor monitor)
			throws OnrampException {
		ReprovisionRequest request = request(commandLine);
		JsonObject data = new JsonObject();
		data.addProperty("port", request.port()); //$NON-NLS-1$
		data.addProperty("trust", request.trust() == TrustMode.CA ? "ca" : "self-signed"); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
		ReprovisionResult result;
		try {
			result = reprovisioner.reprovision(request, monitor);
		} catch (OnrampException e) {
			if (e instanceof CommandFailure) {
				throw e;
			}
			data.addProperty("verified", Boolean.FALSE); //$NON-NLS-1$
			throw CommandFailure.of(e, data, List.of());
		}
		data.addProperty("hostname", result.hostname()); //$NON-NLS-1$
		data.addProperty("url", result.url()); //$NON-NLS-1$
		data.addProperty("fingerprint_sha256", result.fingerprintSha256()); //$NON-NLS-1$
		data.addProperty("not_after", result.notAfter().toString()); //$NON-NLS-1$
		data.addProperty("verified", Boolean.valueOf(result.verified())); //$NON-NLS-1$
		result.ipAddress().ifPresentOrElse(ip -> data.addProperty("ip", ip), () -> data.add("ip", null)); //$NON-NLS-1$ //$NON-NLS-2$
		data.addProperty("found_by", result.foundBy()); //$NON-NLS-1$
		List<String> lines = new ArrayList<>();
		lines.add("Installed a certificate for " + result.hostname() + ".local (SHA-256 " + result.fingerprintSha256() //$NON-NLS-1$ //$NON-NLS-2$
				+ ", valid until " + result.notAfter() + ")."); //$NON-NLS-1$ //$NON-NLS-2$
		if (result.verified()) {
			lines.add("After its reset the device serves exactly this certificate (found by " + result.foundBy() //$NON-NLS-1$
					+ result.ipAddress().map(ip -> " at " + ip).orElse("") + ")."); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
		} else {
			lines.add("Not reset (--no-reset): the device serves the new certificate after its next reset."); //$NON-NLS-1$
		}
		lines.add("Connect to " + result.url()); //$NON-NLS-1$
		return new CommandResult(data, lines);
	}

	static ReprovisionRequest request(CommandLine commandLine) throws OnrampException {
		String port = commandLine.value("port").orElseThrow(() -> usage("--port P is required.")); //$NON-NLS-1$ //$NON-NLS-2$
		TrustMode trust = switch (commandLine.value("trust").orElse("ca")) { //$NON-NLS-1$ //$NON-NLS-2$
		case "ca" -> TrustMode.CA; //$NON-NLS-1$
		case "self-signed" -> TrustMode.SELF_SIGNED; //$NON-NLS-1$
		default -> throw usage("--trust takes ca or self-signed."); //$NON-NLS-1$
		};
		KeyType key;
		try {
			key = KeyType.fromCliName(commandLine.value("key").orElse(KeyType.EC_P256.cliName())); //$NON-NLS-1$
		} catch (IllegalArgumentException e) {
			throw usage("--key takes ec-p256 or rsa-2048."); //$NON-NLS-1$
		}
		List<InetAddress> addresses = new ArrayList<>();
		for (String ip : commandLine.values("ip")) { //$NON-NLS-1$
			addresses.add(ipLiteral(ip));
		}
		OptionalInt days = OptionalInt.empty();
		if (commandLine.value("days").isPresent()) { //$NON-NLS-1$
			days = OptionalInt.of(positive(commandLine.value("days").get(), "--days")); //$NON-NLS-1$ //$NON-NLS-2$
		}
		Duration wait = ReprovisionRequest.DEFAULT_WAIT;
		if (commandLine.value("wait").isPresent()) { //$NON-NLS-1$
			wait = Duration.ofSeconds(positive(commandLine.value("wait").get(), "--wait")); //$NON-NLS-1$ //$NON-NLS-2$
		}
		Optional<String> hostname = commandLine.value("hostname"); //$NON-NLS-1$
		ReprovisionRequest request = new ReprovisionRequest(port, trust, hostname, addresses, key, days,
				!commandLine.has("no-reset"), wait); //$NON-NLS-1$
		if (commandLine.value("https-port").isPresent()) { //$NON-NLS-1$
			int httpsPort = positive(commandLine.value("https-port").get(), "--https-port"); //$NON-NLS-1$ //$NON-NLS-2$
			if (httpsPort > 65535) {
				throw usage("--https-port takes a port number, 1 to 65535."); //$NON-NLS-1$
			}
			request = request.withHttpsPort(httpsPort);
		}
		return request;
	}

	private static InetAddress ipLiteral(String text) throws OnrampException {
		if (!text.matches("[0-9.]+|[0-9a-fA-F:]+")) { //$NON-NLS-1$
			throw usage("--ip takes an IP address, not '" + text + "'."); //$NON-NLS-1$ //$NON-NLS-2$
		}
		try {
			return InetAddress.getByName(text);
		} catch (UnknownHostException e) {
			throw usage("--ip takes an IP address, not '" + text + "'."); //$NON-NLS-1$ //$NON-NLS-2$
		}
	}

	private static int positive(String text, String option) throws OnrampException {
		try {
			int value = Integer.parseInt(text);
			if (value > 0) {
				return value;
			}
		} catch (NumberFormatException e) {
			// reported below
		}
		throw usage(option + " takes a positive whole number."); //$NON-NLS-1$
	}

	private static OnrampException usage(String message) {
		return new OnrampException(FailureReason.USAGE, message, HELP);
	}
}
