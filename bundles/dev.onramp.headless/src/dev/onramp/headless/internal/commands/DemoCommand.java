/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.headless.internal.commands;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.Stream;

import org.eclipse.core.runtime.IProgressMonitor;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

import dev.onramp.core.DataDirectory;
import dev.onramp.core.FailureReason;
import dev.onramp.core.OnrampException;
import dev.onramp.core.Secret;
import dev.onramp.core.certs.KeyType;
import dev.onramp.core.certs.TrustMode;
import dev.onramp.core.provisioning.IReprovisioner;
import dev.onramp.core.provisioning.IWifiProvisioner;
import dev.onramp.core.provisioning.ProvisioningResult;
import dev.onramp.core.provisioning.ProvisioningTarget;
import dev.onramp.core.provisioning.ReprovisionRequest;
import dev.onramp.core.provisioning.ReprovisionResult;
import dev.onramp.core.provisioning.WifiCredentials;
import dev.onramp.headless.internal.CommandEnvironment;
import dev.onramp.headless.internal.CommandFailure;
import dev.onramp.headless.internal.CommandLine;
import dev.onramp.headless.internal.CommandResult;
import dev.onramp.headless.internal.CommandRunner;
import dev.onramp.headless.internal.ICommand;

/**
 * {@code onramp demo}: the whole journey on simulated devices, on 127.0.0.1 only, without hardware, root or socat.
 * An ESP-IDF security 2 device gets Wi-Fi with a proof of possession, an Improv device over
 * {@code socket://127.0.0.1:PORT} (the real serial path), a pyDirect device over the REPL on {@code rfc2217://} (its main.py ignores Ctrl-C: Onramp resets it through RTS); then the pyDirect device
 * is re-provisioned from the local CA and its HTTPS checked. Steps whose service is not installed say so; none is
 * faked. The secrets are random per run and never printed.
 */
@Component(service = ICommand.class, property = CommandRunner.COMMAND_PROPERTY + "=demo") //$NON-NLS-1$
public class DemoCommand implements ICommand {

	/** The discovery service's interface override: mDNS on loopback only, never on the machine's real networks. */
	static final String DISCOVERY_INTERFACES = "dev.onramp.discovery.interfaces"; //$NON-NLS-1$
	static final String DEMO_SSID = "OnrampDemo"; //$NON-NLS-1$
	static final Duration STEP_TIMEOUT = Duration.ofSeconds(30);
	static final Duration REPROVISION_WAIT = Duration.ofSeconds(30);

	/** The data directory {@link #prepare} made for this process, if it made one. */
	private static volatile Path temporaryDataDirectory;

	private final ProvisioningServices services;

	@Activate
	public DemoCommand(@Reference ProvisioningServices services) {
		this.services = services;
	}

	/**
	 * The simulated devices come with the optional feature "Onramp simulated devices"; the headless product has it,
	 * an IDE may not. The simulator's packages are optional imports, so this bundle resolves without them.
	 */
	private static void requireSimulatedDevices() throws OnrampException {
		try {
			Class.forName("dev.onramp.simulator.SimulatorServer", false, DemoCommand.class.getClassLoader()); //$NON-NLS-1$
		} catch (ClassNotFoundException | LinkageError e) {
			throw new OnrampException(FailureReason.USAGE,
					"The demo runs on simulated devices, and they are not installed here.", //$NON-NLS-1$
					"Install the optional feature \"Onramp simulated devices\" from the Onramp update site."); //$NON-NLS-1$
		}
	}

	/** One line of the summary. */
	record Step(String device, String transport, String outcome, long durationMs, String detail,
			Optional<OnrampException> error) {
	}

	/**
	 * Called by the application before any service starts, which is when the services read these settings: mDNS
	 * on loopback only; without {@code --data-dir} or {@code ONRAMP_DATA_DIR}, the demo's CA and inventory go to a
	 * fresh temporary folder, never into the user's own.
	 */
	public static Optional<Path> prepare(String[] args, Map<String, String> environment) {
		boolean demo = false;
		boolean dataDirectoryGiven = false;
		for (String arg : args) {
			dataDirectoryGiven |= arg.equals("--data-dir") || arg.startsWith("--data-dir="); //$NON-NLS-1$ //$NON-NLS-2$
			demo |= arg.equals("demo"); //$NON-NLS-1$
		}
		if (!demo) {
			return Optional.empty();
		}
		if (System.getProperty(DISCOVERY_INTERFACES) == null) {
			System.setProperty(DISCOVERY_INTERFACES, "lo"); //$NON-NLS-1$
		}
		if (dataDirectoryGiven || System.getProperty(DataDirectory.PROPERTY) != null
				|| environment.get(DataDirectory.ENVIRONMENT_VARIABLE) != null) {
			return Optional.empty();
		}
		try {
			Path scratch = Files.createTempDirectory("onramp-demo-"); //$NON-NLS-1$
			System.setProperty(DataDirectory.PROPERTY, scratch.toString());
			temporaryDataDirectory = scratch;
			return Optional.of(scratch);
		} catch (IOException e) {
			// the demo reports the data directory it got
			return Optional.empty();
		}
	}

	/** Removes the temporary data directory of {@link #prepare}, once the run and its services are done with it. */
	public static void removeTemporaryDataDirectory(Path scratch) {
		try (Stream<Path> walk = Files.walk(scratch)) {
			walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
		} catch (IOException | UncheckedIOException e) {
			System.err.println("onramp: could not remove the demo's temporary data directory " + scratch); //$NON-NLS-1$
		}
	}

	@Override
	public CommandResult run(CommandLine commandLine, CommandEnvironment environment, IProgressMonitor monitor)
			throws OnrampException {
		long start = System.nanoTime();
		String previousInterfaces = System.getProperty(DISCOVERY_INTERFACES);
		if (previousInterfaces == null) {
			System.setProperty(DISCOVERY_INTERFACES, "lo"); //$NON-NLS-1$
		}
		monitor.beginTask("Onramp demo on simulated devices (127.0.0.1)", 4); //$NON-NLS-1$
		List<Step> steps = new ArrayList<>();
		JsonObject data = new JsonObject();
		requireSimulatedDevices();
		try (Secret pop = Secret.of(random(8)); Secret password = Secret.of(random(12))) {
			DemoDevices.run(this, pop, password, steps, data, monitor);
		} catch (IOException e) {
			throw new OnrampException(FailureReason.INTERNAL,
					"The simulated devices could not start on 127.0.0.1: " + e.getMessage(), null, e); //$NON-NLS-1$
		} finally {
			if (previousInterfaces == null) {
				System.clearProperty(DISCOVERY_INTERFACES);
			}
		}
		long wallMs = (System.nanoTime() - start) / 1_000_000;
		boolean temporary = environment.dataDirectory().toAbsolutePath().equals(temporaryDataDirectory);
		data.addProperty("data_dir", environment.dataDirectory().toAbsolutePath().toString()); //$NON-NLS-1$
		data.addProperty("data_dir_temporary", Boolean.valueOf(temporary)); //$NON-NLS-1$
		data.addProperty("wall_ms", Long.valueOf(wallMs)); //$NON-NLS-1$
		data.add("devices", json(steps)); //$NON-NLS-1$
		List<String> lines = summary(steps, data, environment.dataDirectory(), temporary, wallMs);
		Optional<OnrampException> failure = steps.stream().flatMap(s -> s.error().stream()).findFirst();
		if (failure.isPresent()) {
			OnrampException first = failure.get();
			throw CommandFailure.of(first, "The demo failed: " + first.getMessage(), data, lines); //$NON-NLS-1$
		}
		return new CommandResult(data, lines);
	}

	Step wifi(String device, String transport, String address, Optional<Secret> pop, Secret password,
			IProgressMonitor monitor) {
		IWifiProvisioner provisioner = services.provisioner(transport).orElse(null);
		if (provisioner == null) {
			return new Step(device, transport, "skipped", 0, //$NON-NLS-1$
					"skipped: " + (transport.equals("repl") ? "REPL" : transport) + " Wi-Fi not installed", //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$
					Optional.empty());
		}
		long start = System.nanoTime();
		try (Secret copy = Secret.of(password.chars())) {
			ProvisioningResult result = provisioner.provision(
					new ProvisioningTarget(address, transport.equals("protocomm") ? "2" : null, null, pop, STEP_TIMEOUT), //$NON-NLS-1$ //$NON-NLS-2$
					new WifiCredentials(DEMO_SSID, copy), monitor);
			return new Step(device, transport, "ok", elapsed(start), "joined " + result.ssid() //$NON-NLS-1$ //$NON-NLS-2$
					+ result.ipAddress().map(ip -> " as " + ip).orElse(""), Optional.empty()); //$NON-NLS-1$ //$NON-NLS-2$
		} catch (OnrampException e) {
			return new Step(device, transport, "failed", elapsed(start), e.reason().key() + ": " + e.getMessage(), //$NON-NLS-1$ //$NON-NLS-2$
					Optional.of(e));
		}
	}

	Step reprovision(String device, String port, int httpsPort, JsonObject data, IProgressMonitor monitor) {
		IReprovisioner service = services.reprovisioner().orElse(null);
		if (service == null) {
			return new Step(device, "reprovision", "not available", 0, //$NON-NLS-1$ //$NON-NLS-2$
					"not available: re-provisioning is not installed in this runtime", Optional.empty()); //$NON-NLS-1$
		}
		long start = System.nanoTime();
		try {
			ReprovisionResult result = service.reprovision(new ReprovisionRequest(port, TrustMode.CA,
					Optional.empty(), List.of(), KeyType.EC_P256, OptionalInt.empty(), true, REPROVISION_WAIT)
					.withHttpsPort(httpsPort), monitor);
			data.addProperty("url", result.url()); //$NON-NLS-1$
			data.addProperty("hostname", result.hostname()); //$NON-NLS-1$
			data.addProperty("fingerprint_sha256", result.fingerprintSha256()); //$NON-NLS-1$
			data.addProperty("verified", Boolean.valueOf(result.verified())); //$NON-NLS-1$
			data.addProperty("found_by", result.foundBy()); //$NON-NLS-1$
			result.ipAddress().ifPresent(ip -> data.addProperty("ip", ip)); //$NON-NLS-1$
			if (!result.verified()) {
				OnrampException e = new OnrampException(FailureReason.CERTIFICATE_MISMATCH,
						"The device did not serve the new certificate after its reset.", null); //$NON-NLS-1$
				return new Step(device, "reprovision", "failed", elapsed(start), e.getMessage(), Optional.of(e)); //$NON-NLS-1$ //$NON-NLS-2$
			}
			return new Step(device, "reprovision", "ok", elapsed(start), //$NON-NLS-1$ //$NON-NLS-2$
					"HTTPS verified, SHA-256 " + abbreviate(result.fingerprintSha256()), Optional.empty()); //$NON-NLS-1$
		} catch (OnrampException e) {
			return new Step(device, "reprovision", "failed", elapsed(start), e.reason().key() + ": " + e.getMessage(), //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
					Optional.of(e));
		}
	}

	private static List<String> summary(List<Step> steps, JsonObject data, Path dataDirectory, boolean temporary,
			long wallMs) {
		List<String> lines = new ArrayList<>();
		lines.add(String.format(Locale.ROOT, "%-24s %-12s %-14s %9s  %s", "DEVICE", "TRANSPORT", "OUTCOME", "TIME", //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$ //$NON-NLS-5$
				"DETAIL")); //$NON-NLS-1$
		for (Step step : steps) {
			lines.add(String.format(Locale.ROOT, "%-24s %-12s %-14s %6d ms  %s", step.device(), step.transport(), //$NON-NLS-1$
					step.outcome(), Long.valueOf(step.durationMs()), step.detail()));
		}
		if (data.has("url")) { //$NON-NLS-1$
			String foundBy = data.get("found_by").getAsString(); //$NON-NLS-1$
			String how = switch (foundBy) {
			case "mdns" -> "found again over mDNS on loopback"; //$NON-NLS-1$ //$NON-NLS-2$
			case "ip" -> "found again by its IP address" //$NON-NLS-1$ //$NON-NLS-2$
					+ (data.has("ip") ? " " + data.get("ip").getAsString() : "") //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$
					+ (loopbackMulticast() ? ", which answered before its mDNS announcement arrived (IP fallback)" //$NON-NLS-1$
							: " (IP fallback: multicast is off on loopback, so mDNS cannot answer)"); //$NON-NLS-1$
			default -> "not looked up again (" + foundBy + ")"; //$NON-NLS-1$ //$NON-NLS-2$
			};
			lines.add("Connect to " + data.get("url").getAsString() + " \u2014 " + how + "."); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$
		}
		lines.add("Data directory (CA and inventory): " + dataDirectory.toAbsolutePath() //$NON-NLS-1$
				+ (temporary ? " (temporary, removed when the demo ends; --data-dir DIR keeps it)" : "")); //$NON-NLS-1$ //$NON-NLS-2$
		lines.add("Demo finished in " + wallMs + " ms; all simulated devices stopped."); //$NON-NLS-1$ //$NON-NLS-2$
		return lines;
	}

	private static boolean loopbackMulticast() {
		try {
			NetworkInterface loopback = NetworkInterface.getByName("lo"); //$NON-NLS-1$
			return loopback != null && loopback.isUp() && loopback.supportsMulticast();
		} catch (SocketException e) {
			return false;
		}
	}

	private static JsonArray json(List<Step> steps) {
		JsonArray array = new JsonArray();
		for (Step step : steps) {
			JsonObject entry = new JsonObject();
			entry.addProperty("device", step.device()); //$NON-NLS-1$
			entry.addProperty("transport", step.transport()); //$NON-NLS-1$
			entry.addProperty("outcome", step.outcome()); //$NON-NLS-1$
			entry.addProperty("ok", Boolean.valueOf(step.error().isEmpty())); //$NON-NLS-1$
			entry.addProperty("duration_ms", Long.valueOf(step.durationMs())); //$NON-NLS-1$
			entry.addProperty("detail", step.detail()); //$NON-NLS-1$
			if (step.error().isPresent()) {
				JsonObject error = new JsonObject();
				error.addProperty("code", Integer.valueOf(step.error().get().reason().exitCode())); //$NON-NLS-1$
				error.addProperty("reason", step.error().get().reason().key()); //$NON-NLS-1$
				error.addProperty("message", step.error().get().getMessage()); //$NON-NLS-1$
				entry.add("error", error); //$NON-NLS-1$
			}
			array.add(entry);
		}
		return array;
	}

	private static String abbreviate(String fingerprint) {
		return fingerprint.length() > 23 ? fingerprint.substring(0, 23) + "\u2026" : fingerprint; //$NON-NLS-1$
	}

	private static long elapsed(long start) {
		return (System.nanoTime() - start) / 1_000_000;
	}

	private static String random(int bytes) {
		byte[] value = new byte[bytes];
		new SecureRandom().nextBytes(value);
		return HexFormat.of().formatHex(value);
	}
}
