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
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.eclipse.core.runtime.IProgressMonitor;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

import dev.onramp.core.FailureReason;
import dev.onramp.core.OnrampException;
import dev.onramp.core.Secret;
import dev.onramp.core.provisioning.IProtocommProvisioner;
import dev.onramp.core.provisioning.IProtocommSession;
import dev.onramp.core.provisioning.IQrPayloadReader;
import dev.onramp.core.provisioning.ProtocommOutcome;
import dev.onramp.core.provisioning.ProvisioningTarget;
import dev.onramp.core.provisioning.ProvisioningTransport;
import dev.onramp.core.provisioning.QrPayload;
import dev.onramp.core.provisioning.WifiCredentials;
import dev.onramp.core.provisioning.WifiNetwork;
import dev.onramp.headless.internal.CommandEnvironment;
import dev.onramp.headless.internal.CommandFailure;
import dev.onramp.headless.internal.CommandLine;
import dev.onramp.headless.internal.CommandResult;
import dev.onramp.headless.internal.CommandRunner;
import dev.onramp.headless.internal.ICommand;
import dev.onramp.headless.internal.web.BrowserOpener;
import dev.onramp.headless.internal.web.PageMode;
import dev.onramp.headless.internal.web.ProvisioningPage;

/**
 * {@code onramp provision [<pop>] ...}: ESP-IDF unified provisioning over SoftAP HTTP, as
 * {@code esp-rainmaker-cli provision <pop>} does it, with the failures explained and a wrong password correctable
 * without a factory reset.
 */
@Component(service = ICommand.class, property = CommandRunner.COMMAND_PROPERTY + "=provision") //$NON-NLS-1$
public class ProvisionCommand implements ICommand {

	static final String DEFAULT_ENDPOINT = "192.168.4.1:80"; //$NON-NLS-1$
	static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(90);
	/** How long {@code --qrcode-port} listens to the boot log (a reset comes after a few seconds). */
	static final Duration QR_TIMEOUT = Duration.ofSeconds(20);
	static final Duration PAGE_TIMEOUT = Duration.ofMinutes(15);
	private static final String HELP = "Run 'onramp provision --help'."; //$NON-NLS-1$

	private final IProtocommProvisioner provisioner;
	private final IQrPayloadReader qrCodes;

	public ProvisionCommand(IProtocommProvisioner provisioner) {
		this(provisioner, null);
	}

	/** @param qrCodes reads {@code --qrcode}, {@code --qrcode-env} and {@code --qrcode-port}; may be missing */
	@Activate
	public ProvisionCommand(@Reference IProtocommProvisioner provisioner,
			@Reference(cardinality = ReferenceCardinality.OPTIONAL) IQrPayloadReader qrCodes) {
		this.provisioner = provisioner;
		this.qrCodes = qrCodes;
	}

	@Override
	public CommandResult run(CommandLine commandLine, CommandEnvironment environment, IProgressMonitor monitor)
			throws OnrampException {
		Optional<QrPayload> qr = qrPayload(commandLine, environment, monitor);
		ProvisioningTarget target = target(commandLine, environment, qr);
		boolean scanOnly = commandLine.has("scan"); //$NON-NLS-1$
		Optional<String> userId = commandLine.value("user-id"); //$NON-NLS-1$
		Optional<String> secretKey = commandLine.value("secret-key"); //$NON-NLS-1$
		if (userId.isPresent() != secretKey.isPresent()) {
			throw usage("RainMaker association needs both --user-id and --secret-key."); //$NON-NLS-1$
		}
		Optional<String> ssid = commandLine.value("ssid"); //$NON-NLS-1$
		Optional<Secret> password = WifiSecrets.password(commandLine, environment);
		Optional<PageMode> page = page(commandLine, environment, scanOnly || ssid.isPresent());
		if (!scanOnly && ssid.isEmpty() && page.isEmpty() && !environment.interactive()) {
			throw usage("Without a terminal, pass the network with --ssid S and its password with --password-env VAR or --password-file F (or list the device's networks with --scan), or pick it on a local web page with --browser."); //$NON-NLS-1$
		}
		monitor.beginTask("Provisioning the device " + switch (target.transport()) { //$NON-NLS-1$
		case SOFTAP -> "at " + target.address(); //$NON-NLS-1$
		case CONSOLE -> "on " + target.address(); //$NON-NLS-1$
		case BLE -> target.address() + " over Bluetooth"; //$NON-NLS-1$
		}, IProgressMonitor.UNKNOWN);
		try (IProtocommSession session = provisioner.open(target, monitor)) {
			JsonObject data = new JsonObject();
			data.addProperty("endpoint", target.address()); //$NON-NLS-1$
			data.addProperty("transport", target.transport().id()); //$NON-NLS-1$
			if (target.transport() == ProvisioningTransport.CONSOLE) {
				data.addProperty("port", target.address()); //$NON-NLS-1$
			}
			if (target.transport() == ProvisioningTransport.BLE) {
				data.addProperty("device_name", target.address()); //$NON-NLS-1$
			}
			qr.ifPresent(payload -> data.add("qrcode", qrSummary(payload))); //$NON-NLS-1$
			data.addProperty("security", session.security()); //$NON-NLS-1$
			data.addProperty("proto_version", session.protocolInfo().version()); //$NON-NLS-1$
			if (scanOnly) {
				return scanResult(session.scan(monitor), data);
			}
			if (page.isPresent()) {
				return pageFlow(session, page.get(), commandLine, userId, secretKey, data, environment, monitor);
			}
			String network = ssid.isPresent() ? ssid.get() : Prompts.pickNetwork(session.scan(monitor), environment);
			Secret secret = password.isPresent() ? password.get()
					: environment.interactive() ? Prompts.password(network, environment) : Secret.of(""); //$NON-NLS-1$
			if (userId.isPresent()) {
				try (Secret key = Secret.of(secretKey.get())) {
					data.addProperty("node_id", session.associateUser(userId.get(), key, monitor)); //$NON-NLS-1$
				}
			}
			data.addProperty("ssid", network); //$NON-NLS-1$
			ProtocommOutcome outcome = apply(session, network, secret, environment, monitor, data);
			return result(outcome, data);
		}
	}

	/** @return the page to serve instead of the terminal's prompts (the seed's flow), if any */
	private static Optional<PageMode> page(CommandLine commandLine, CommandEnvironment environment, boolean networkKnown)
			throws OnrampException {
		boolean browser = commandLine.has("browser"); //$NON-NLS-1$
		boolean noBrowser = commandLine.has("no-browser"); //$NON-NLS-1$
		if (browser && noBrowser) {
			throw usage("Give --browser or --no-browser, not both."); //$NON-NLS-1$
		}
		return networkKnown ? Optional.empty()
				: PageMode.choose(browser, noBrowser, environment.environment(), System.getProperty("os.name", "")); //$NON-NLS-1$ //$NON-NLS-2$
	}

	private static CommandResult pageFlow(IProtocommSession session, PageMode mode, CommandLine commandLine,
			Optional<String> userId, Optional<String> secretKey, JsonObject data, CommandEnvironment environment,
			IProgressMonitor monitor) throws OnrampException {
		if (userId.isPresent()) {
			try (Secret key = Secret.of(secretKey.get())) {
				data.addProperty("node_id", session.associateUser(userId.get(), key, monitor)); //$NON-NLS-1$
			}
		}
		// the person has --timeout, or a quarter of an hour, to complete the page
		Duration personTimeout = commandLine.value("timeout").isPresent() //$NON-NLS-1$
				? seconds(commandLine.value("timeout").get()) //$NON-NLS-1$
				: PAGE_TIMEOUT;
		ProtocommOutcome outcome = new ProvisioningPage(session, environment.err(), BrowserOpener.forSystem())
				.run(mode, personTimeout, data, monitor);
		return result(outcome, data);
	}

	private static ProtocommOutcome apply(IProtocommSession session, String network, Secret first,
			CommandEnvironment environment, IProgressMonitor monitor, JsonObject data) throws OnrampException {
		Secret secret = first;
		while (true) {
			try {
				return session.provision(new WifiCredentials(network, secret), monitor);
			} catch (OnrampException e) {
				if (e.reason() == FailureReason.WIFI_AUTH_FAILED && environment.interactive()) {
					// on a terminal the person can correct the password; the device needs no factory reset
					Optional<Secret> again = Prompts.retryPassword(network, environment);
					if (again.isPresent()) {
						secret.destroy();
						secret = again.get();
						session.resetAfterFailure(monitor);
						continue;
					}
				}
				if (e instanceof CommandFailure) {
					throw e;
				}
				throw CommandFailure.of(e, data, List.of());
			}
		}
	}

	private static CommandResult result(ProtocommOutcome outcome, JsonObject data) {
		List<String> lines = new ArrayList<>();
		data.addProperty("confirmed", Boolean.valueOf(outcome.confirmed())); //$NON-NLS-1$
		outcome.result().ipAddress().ifPresent(ip -> data.addProperty("ip", ip)); //$NON-NLS-1$
		if (outcome.result().ipAddress().isEmpty()) {
			data.add("ip", null); //$NON-NLS-1$
		}
		String ssid = outcome.result().ssid();
		if (outcome.confirmed()) {
			lines.add("The device joined \"" + ssid + "\"" //$NON-NLS-1$ //$NON-NLS-2$
					+ outcome.result().ipAddress().map(ip -> " with IP address " + ip).orElse("") + "."); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
		} else {
			data.addProperty("status", "unknown"); //$NON-NLS-1$ //$NON-NLS-2$
			lines.add("The credentials for \"" + ssid + "\" were applied, then the device closed the connection."); //$NON-NLS-1$ //$NON-NLS-2$
			lines.add("It has probably joined the network and left provisioning mode: check the device on the network (for example 'onramp discover')."); //$NON-NLS-1$
		}
		if (data.has("node_id")) { //$NON-NLS-1$
			lines.add("RainMaker node " + data.get("node_id").getAsString() + " is associated with the user."); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
		}
		lines.add("Security " + data.get("security").getAsString() + ", provisioning " //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
				+ data.get("proto_version").getAsString() + "."); //$NON-NLS-1$ //$NON-NLS-2$
		return new CommandResult(data, lines);
	}

	private static CommandResult scanResult(List<WifiNetwork> networks, JsonObject data) {
		JsonArray array = new JsonArray();
		List<String> lines = new ArrayList<>();
		lines.add(String.format("%-32s %5s %4s %s", "SSID", "RSSI", "CH", "SECURITY")); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$ //$NON-NLS-5$
		for (WifiNetwork network : networks) {
			JsonObject entry = new JsonObject();
			entry.addProperty("ssid", network.ssid()); //$NON-NLS-1$
			entry.addProperty("rssi", Integer.valueOf(network.rssi())); //$NON-NLS-1$
			entry.addProperty("channel", Integer.valueOf(network.channel())); //$NON-NLS-1$
			entry.addProperty("secured", Boolean.valueOf(network.secured())); //$NON-NLS-1$
			array.add(entry);
			lines.add(String.format("%-32s %5d %4d %s", network.ssid(), Integer.valueOf(network.rssi()), //$NON-NLS-1$
					Integer.valueOf(network.channel()), network.secured() ? "secured" : "open")); //$NON-NLS-1$ //$NON-NLS-2$
		}
		data.add("networks", array); //$NON-NLS-1$
		return new CommandResult(data, lines);
	}

	/**
	 * Where the device is and how to reach it: explicit options first, then the QR payload, then the defaults (SoftAP
	 * at 192.168.4.1:80).
	 */
	private static ProvisioningTarget target(CommandLine commandLine, CommandEnvironment environment,
			Optional<QrPayload> qr) throws OnrampException {
		String security = commandLine.value("sec").orElse("auto"); //$NON-NLS-1$ //$NON-NLS-2$
		if (!List.of("auto", "0", "1", "2").contains(security)) { //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$
			throw usage("--sec takes auto, 0, 1 or 2."); //$NON-NLS-1$
		}
		Duration timeout = commandLine.value("timeout").isPresent() //$NON-NLS-1$
				? seconds(commandLine.value("timeout").get()) //$NON-NLS-1$
				: DEFAULT_TIMEOUT;
		ProvisioningTransport transport = transport(commandLine, qr);
		String address = switch (transport) {
		case SOFTAP -> commandLine.value("endpoint").orElse(DEFAULT_ENDPOINT); //$NON-NLS-1$
		case CONSOLE -> {
			if (commandLine.has("endpoint")) { //$NON-NLS-1$
				throw usage("--endpoint is for --transport softap; the console transport takes --port P."); //$NON-NLS-1$
			}
			yield commandLine.value("port").orElseThrow( //$NON-NLS-1$
					() -> usage("--transport console needs the device's serial port: --port P (a device path, socket://HOST:PORT or rfc2217://HOST:PORT).")); //$NON-NLS-1$
		}
		case BLE -> {
			if (commandLine.has("endpoint")) { //$NON-NLS-1$
				throw usage("--endpoint is for --transport softap; the BLE transport takes --device-name NAME."); //$NON-NLS-1$
			}
			// an explicit name wins over the QR payload's
			yield commandLine.value("device-name").or(() -> qr.map(QrPayload::name)).orElseThrow( //$NON-NLS-1$
					() -> usage("--transport ble needs the name the device advertises: --device-name PROV_xxxxxx (printed by the device and in its QR code).")); //$NON-NLS-1$
		}
		};
		if (transport != ProvisioningTransport.BLE && commandLine.has("device-name")) { //$NON-NLS-1$
			throw usage("--device-name is for --transport ble."); //$NON-NLS-1$
		}
		if (transport != ProvisioningTransport.CONSOLE && commandLine.has("port")) { //$NON-NLS-1$
			throw usage("--port is for --transport console."); //$NON-NLS-1$
		}
		Optional<Secret> pop = pop(commandLine, environment);
		if (pop.isEmpty() && qr.isPresent()) {
			pop = qr.get().proofOfPossession();
		}
		String username = commandLine.value("username").orElse(qr.flatMap(QrPayload::username).orElse(null)); //$NON-NLS-1$
		return new ProvisioningTarget(address, security, username, pop, timeout, transport);
	}

	private static ProvisioningTransport transport(CommandLine commandLine, Optional<QrPayload> qr)
			throws OnrampException {
		Optional<String> named = commandLine.value("transport"); //$NON-NLS-1$
		if (named.isPresent()) {
			return ProvisioningTransport.of(named.get())
					.orElseThrow(() -> usage("--transport takes softap, console or ble, not " + named.get() + ".")); //$NON-NLS-1$ //$NON-NLS-2$
		}
		if (commandLine.has("device-name")) { //$NON-NLS-1$
			return ProvisioningTransport.BLE; // the only transport that takes a device name
		}
		return qr.flatMap(QrPayload::transport).orElse(ProvisioningTransport.SOFTAP);
	}

	/** The QR payload from {@code --qrcode}, {@code --qrcode-env} or {@code --qrcode-port}, at most one of them. */
	private Optional<QrPayload> qrPayload(CommandLine commandLine, CommandEnvironment environment,
			IProgressMonitor monitor) throws OnrampException {
		int sources = (commandLine.has("qrcode") ? 1 : 0) + (commandLine.has("qrcode-env") ? 1 : 0) //$NON-NLS-1$ //$NON-NLS-2$
				+ (commandLine.has("qrcode-port") ? 1 : 0); //$NON-NLS-1$
		if (sources == 0) {
			return Optional.empty();
		}
		if (sources > 1) {
			throw usage("Give the QR payload once: with --qrcode JSON, --qrcode-env VAR or --qrcode-port P."); //$NON-NLS-1$
		}
		if (qrCodes == null) {
			throw new OnrampException(FailureReason.NOT_AVAILABLE,
					"Reading provisioning QR payloads is not available in this installation of Onramp.", //$NON-NLS-1$
					"Give the device's proof of possession and address instead."); //$NON-NLS-1$
		}
		Optional<String> text = commandLine.value("qrcode"); //$NON-NLS-1$
		if (text.isPresent()) {
			return Optional.of(qrCodes.decode(text.get()));
		}
		Optional<String> variable = commandLine.value("qrcode-env"); //$NON-NLS-1$
		if (variable.isPresent()) {
			try (Secret json = WifiSecrets.fromEnvironment(variable.get(), environment, "--qrcode-env")) { //$NON-NLS-1$
				return Optional.of(qrCodes.decode(json.reveal()));
			}
		}
		Duration timeout = commandLine.value("timeout").isPresent() //$NON-NLS-1$
				? seconds(commandLine.value("timeout").get()) //$NON-NLS-1$
				: QR_TIMEOUT;
		return Optional.of(qrCodes.readFromBootLog(commandLine.value("qrcode-port").get(), timeout, monitor)); //$NON-NLS-1$
	}

	/** What reports may say of the payload: never its proof of possession. */
	private static JsonObject qrSummary(QrPayload payload) {
		JsonObject summary = new JsonObject();
		summary.addProperty("name", payload.name()); //$NON-NLS-1$
		summary.addProperty("transport", payload.transport().map(ProvisioningTransport::id).orElse(null)); //$NON-NLS-1$
		summary.addProperty("version", payload.version()); //$NON-NLS-1$
		return summary;
	}

	private static Optional<Secret> pop(CommandLine commandLine, CommandEnvironment environment)
			throws OnrampException {
		int sources = (commandLine.arguments().isEmpty() ? 0 : 1) + (commandLine.has("pop-env") ? 1 : 0) //$NON-NLS-1$
				+ (commandLine.has("pop-file") ? 1 : 0); //$NON-NLS-1$
		if (sources > 1) {
			throw usage("Give the proof of possession once: as the argument, with --pop-env or with --pop-file."); //$NON-NLS-1$
		}
		if (!commandLine.arguments().isEmpty()) {
			return Optional.of(Secret.of(commandLine.arguments().get(0)));
		}
		Optional<String> variable = commandLine.value("pop-env"); //$NON-NLS-1$
		if (variable.isPresent()) {
			return Optional.of(WifiSecrets.fromEnvironment(variable.get(), environment, "--pop-env")); //$NON-NLS-1$
		}
		Optional<String> file = commandLine.value("pop-file"); //$NON-NLS-1$
		if (file.isPresent()) {
			return Optional.of(WifiSecrets.fromFile(file.get(), "--pop-file")); //$NON-NLS-1$
		}
		return Optional.empty();
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

	static OnrampException usage(String message) {
		return new OnrampException(FailureReason.USAGE, message, HELP);
	}

	/** Secrets from the places CLI.md allows: an environment variable or a file, never a plain argument. */
	static final class WifiSecrets {

		private WifiSecrets() {
		}

		static Optional<Secret> password(CommandLine commandLine, CommandEnvironment environment)
				throws OnrampException {
			if (commandLine.has("password-env") && commandLine.has("password-file")) { //$NON-NLS-1$ //$NON-NLS-2$
				throw usage("Give --password-env or --password-file, not both."); //$NON-NLS-1$
			}
			Optional<String> variable = commandLine.value("password-env"); //$NON-NLS-1$
			if (variable.isPresent()) {
				return Optional.of(fromEnvironment(variable.get(), environment, "--password-env")); //$NON-NLS-1$
			}
			Optional<String> file = commandLine.value("password-file"); //$NON-NLS-1$
			if (file.isPresent()) {
				return Optional.of(fromFile(file.get(), "--password-file")); //$NON-NLS-1$
			}
			return Optional.empty();
		}

		static Secret fromEnvironment(String variable, CommandEnvironment environment, String option)
				throws OnrampException {
			String value = environment.environment().get(variable);
			if (value == null) {
				throw usage(option + " names the environment variable " + variable + ", which is not set."); //$NON-NLS-1$ //$NON-NLS-2$
			}
			return Secret.of(value);
		}

		static Secret fromFile(String name, String option) throws OnrampException {
			try {
				String text = Files.readString(Path.of(name), StandardCharsets.UTF_8);
				// a file written by echo ends with a newline that is not part of the secret
				return Secret.of(text.endsWith("\r\n") ? text.substring(0, text.length() - 2) //$NON-NLS-1$
						: text.endsWith("\n") ? text.substring(0, text.length() - 1) : text); //$NON-NLS-1$
			} catch (IOException | RuntimeException e) {
				throw usage(option + " cannot read the file " + name + "."); //$NON-NLS-1$ //$NON-NLS-2$
			}
		}
	}
}
