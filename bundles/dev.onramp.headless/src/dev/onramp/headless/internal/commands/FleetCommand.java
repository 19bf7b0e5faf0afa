/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.headless.internal.commands;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

import org.eclipse.core.runtime.IProgressMonitor;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import com.google.gson.JsonObject;

import dev.onramp.core.ExitCode;
import dev.onramp.core.FailureReason;
import dev.onramp.core.OnrampException;
import dev.onramp.core.Secret;
import dev.onramp.core.certs.KeyType;
import dev.onramp.core.certs.TrustMode;
import dev.onramp.core.provisioning.IReprovisioner;
import dev.onramp.core.provisioning.IWifiProvisioner;
import dev.onramp.core.provisioning.ProvisioningResult;
import dev.onramp.core.provisioning.ProvisioningTarget;
import dev.onramp.core.provisioning.ProvisioningTransport;
import dev.onramp.core.provisioning.ReprovisionRequest;
import dev.onramp.core.provisioning.ReprovisionResult;
import dev.onramp.core.provisioning.WifiCredentials;
import dev.onramp.core.serial.IByteChannel;
import dev.onramp.core.serial.ISerialPortService;
import dev.onramp.headless.internal.CommandEnvironment;
import dev.onramp.headless.internal.CommandFailure;
import dev.onramp.headless.internal.CommandLine;
import dev.onramp.headless.internal.CommandResult;
import dev.onramp.headless.internal.CommandRunner;
import dev.onramp.headless.internal.ICommand;

/**
 * {@code onramp fleet <manifest.csv> [--parallel N] [--report FILE] [--resume] [--dry-run] [--row-timeout S] ...}:
 * every row of a manifest through the same services as the single-device commands. A row that has not finished
 * after the row timeout is stopped and reported as timed out. Exit code: 0 when every row succeeded, else the exit
 * code of the most frequent failure class among the rows (on a tie, the lower code); the report has each row's own.
 */
@Component(service = ICommand.class, property = CommandRunner.COMMAND_PROPERTY + "=fleet") //$NON-NLS-1$
public class FleetCommand implements ICommand {

	static final Duration DEFAULT_ROW_TIMEOUT = Duration.ofMinutes(3);
	static final Duration DEVICE_TIMEOUT = Duration.ofSeconds(90);
	static final Duration REACH_TIMEOUT = Duration.ofSeconds(5);
	static final int MAX_PARALLEL = 64;
	private static final int BAUD_RATE = 115200;

	private final ISerialPortService ports;
	private final ProvisioningServices services;

	@Activate
	public FleetCommand(@Reference ISerialPortService ports, @Reference ProvisioningServices services) {
		this.ports = ports;
		this.services = services;
	}

	@Override
	public CommandResult run(CommandLine commandLine, CommandEnvironment environment, IProgressMonitor monitor)
			throws OnrampException {
		Path manifestFile = Path.of(commandLine.arguments().get(0));
		int parallel = parallel(commandLine.value("parallel").orElse("1")); //$NON-NLS-1$ //$NON-NLS-2$
		Duration rowTimeout = rowTimeout(commandLine.value("row-timeout")); //$NON-NLS-1$
		Optional<Path> reportFile = commandLine.value("report").map(Path::of); //$NON-NLS-1$
		boolean resume = commandLine.has("resume"); //$NON-NLS-1$
		boolean dryRun = commandLine.has("dry-run"); //$NON-NLS-1$
		if (resume && reportFile.isEmpty()) {
			throw ProvisionCommand.usage("--resume needs --report FILE: the report of the run to resume."); //$NON-NLS-1$
		}
		FleetManifest manifest = FleetManifest.parse(read(manifestFile));
		Optional<Secret> defaultPassword = ProvisionCommand.WifiSecrets.password(commandLine, environment);
		Map<String, JsonObject> done = resume ? FleetReport.okRows(reportFile.get()) : Map.of();
		monitor.beginTask((dryRun ? "Checking " : "Running ") + manifest.rows().size() + " rows of " + manifestFile //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
				+ " (" + parallel + " at a time)", IProgressMonitor.UNKNOWN); //$NON-NLS-1$ //$NON-NLS-2$
		FleetRunner.RowAction action = dryRun ? (row, m) -> reach(row, environment, defaultPassword)
				: (row, m) -> apply(row, environment, defaultPassword, rowTimeout, m);
		List<FleetReport.Outcome> outcomes;
		try {
			outcomes = new FleetRunner(parallel, rowTimeout, environment.err()).run(manifest.rows(), done, action,
					monitor);
		} finally {
			defaultPassword.ifPresent(Secret::destroy);
		}
		JsonObject report = FleetReport.toJson(outcomes, dryRun);
		if (reportFile.isPresent()) {
			FleetReport.write(reportFile.get(), report);
		}
		List<String> lines = table(outcomes, dryRun);
		reportFile.ifPresent(file -> lines.add("Report: " + file)); //$NON-NLS-1$
		int exitCode = FleetReport.exitCode(outcomes);
		if (exitCode == ExitCode.SUCCESS) {
			return new CommandResult(report, lines);
		}
		long failed = outcomes.stream().filter(o -> !o.ok()).count();
		throw new CommandFailure(FleetReport.reasonFor(outcomes, exitCode),
				failed + " of " + outcomes.size() + " rows failed" + (dryRun ? " the dry run" : "") + ".", //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$ //$NON-NLS-5$
				reportFile.isPresent() ? "Fix them and run again with --resume to skip the rows that are done." //$NON-NLS-1$
						: "Each row's error says why; --report FILE keeps them, and --resume skips the rows that are done.", //$NON-NLS-1$
				report, lines);
	}

	/**
	 * Runs one row. The device's own time limits never exceed the row timeout: a blocking read on a device that
	 * accepted the connection and went silent ends with the row, not after the longer device time-out.
	 */
	private JsonObject apply(FleetManifest.Row row, CommandEnvironment environment, Optional<Secret> defaultPassword,
			Duration rowTimeout, IProgressMonitor monitor) throws OnrampException {
		JsonObject results = new JsonObject();
		if (row.protocol().equals("reprovision")) { //$NON-NLS-1$
			IReprovisioner service = services.reprovisioner().orElse(null);
			if (service == null) {
				throw new OnrampException(FailureReason.NOT_AVAILABLE,
						"Re-provisioning is not available in this installation of Onramp.", null); //$NON-NLS-1$
			}
			ReprovisionRequest request = new ReprovisionRequest(row.target(),
					row.trust().orElse("ca").equals("self-signed") ? TrustMode.SELF_SIGNED : TrustMode.CA, //$NON-NLS-1$ //$NON-NLS-2$
					row.hostname(), List.of(), KeyType.EC_P256, OptionalInt.empty(), true,
					shorter(ReprovisionRequest.DEFAULT_WAIT, rowTimeout));
			if (row.httpsPort().isPresent()) {
				request = request.withHttpsPort(row.httpsPort().getAsInt());
			}
			ReprovisionResult result = service.reprovision(request, monitor);
			results.addProperty("hostname", result.hostname()); //$NON-NLS-1$
			results.addProperty("url", result.url()); //$NON-NLS-1$
			results.addProperty("fingerprint_sha256", result.fingerprintSha256()); //$NON-NLS-1$
			results.addProperty("not_after", result.notAfter().toString()); //$NON-NLS-1$
			results.addProperty("verified", Boolean.valueOf(result.verified())); //$NON-NLS-1$
			results.addProperty("found_by", result.foundBy()); //$NON-NLS-1$
			result.ipAddress().ifPresentOrElse(ip -> results.addProperty("ip", ip), () -> results.add("ip", null)); //$NON-NLS-1$ //$NON-NLS-2$
			return results;
		}
		IWifiProvisioner provisioner = provisioner(row);
		String ssid = row.ssid().orElseThrow();
		try (Secret password = password(row, environment, defaultPassword);
				Secret pop = row.pop().map(Secret::of).orElse(null)) {
			ProvisioningTarget target = new ProvisioningTarget(row.address(), "auto", row.username().orElse(null), //$NON-NLS-1$
					Optional.ofNullable(pop), shorter(DEVICE_TIMEOUT, rowTimeout), row.transport());
			ProvisioningResult result = provisioner.provision(target, new WifiCredentials(ssid, password), monitor);
			results.addProperty("ssid", result.ssid()); //$NON-NLS-1$
			results.addProperty("security", result.security()); //$NON-NLS-1$
			if (row.protocol().equals("provision")) { //$NON-NLS-1$
				results.addProperty("transport", row.transport().id()); //$NON-NLS-1$
			}
			result.ipAddress().ifPresentOrElse(ip -> results.addProperty("ip", ip), () -> results.add("ip", null)); //$NON-NLS-1$ //$NON-NLS-2$
			return results;
		}
	}

	/** A dry run: the row's secrets are at hand and its target answers; nothing is sent to the device. */
	private JsonObject reach(FleetManifest.Row row, CommandEnvironment environment, Optional<Secret> defaultPassword)
			throws OnrampException {
		if (!row.protocol().equals("reprovision")) { //$NON-NLS-1$
			provisioner(row);
			password(row, environment, defaultPassword).destroy();
		} else if (services.reprovisioner().isEmpty()) {
			throw new OnrampException(FailureReason.NOT_AVAILABLE,
					"Re-provisioning is not available in this installation of Onramp.", null); //$NON-NLS-1$
		}
		JsonObject results = new JsonObject();
		// a BLE row is not discovered here: discovery takes seconds per device, and the row's own run reports it
		if (row.protocol().equals("provision") && row.transport() == ProvisioningTransport.SOFTAP) { //$NON-NLS-1$
			int colon = row.target().lastIndexOf(':');
			String host = row.target().substring(0, colon);
			int port = Integer.parseInt(row.target().substring(colon + 1));
			try (Socket socket = new Socket()) {
				socket.connect(new InetSocketAddress(host.replace("[", "").replace("]", ""), port), //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
						(int) REACH_TIMEOUT.toMillis());
			} catch (IOException e) {
				throw new OnrampException(FailureReason.DEVICE_UNREACHABLE,
						"Nothing answers at " + row.target() + " (" + e.getMessage() + ").", //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
						"Join the device's SoftAP network, or check the address and port."); //$NON-NLS-1$
			}
		} else {
			try (IByteChannel channel = ports.open(row.address(), BAUD_RATE)) {
				results.addProperty("port", channel.name()); //$NON-NLS-1$
			}
		}
		results.addProperty("reachable", Boolean.TRUE); //$NON-NLS-1$
		return results;
	}

	private IWifiProvisioner provisioner(FleetManifest.Row row) throws OnrampException {
		String transport = row.protocol().equals("provision") ? "protocomm" : row.protocol(); //$NON-NLS-1$ //$NON-NLS-2$
		return services.provisioner(transport).orElseThrow(() -> new OnrampException(FailureReason.NOT_AVAILABLE,
				"Wi-Fi over " + transport + " is not available in this installation of Onramp.", null)); //$NON-NLS-1$ //$NON-NLS-2$
	}

	private static Secret password(FleetManifest.Row row, CommandEnvironment environment,
			Optional<Secret> defaultPassword) throws OnrampException {
		if (row.passwordEnv().isPresent()) {
			String value = environment.environment().get(row.passwordEnv().get());
			if (value == null) {
				throw new OnrampException(FailureReason.USAGE, "Manifest line " + row.line() + ": password_env names " //$NON-NLS-1$ //$NON-NLS-2$
						+ row.passwordEnv().get() + ", which is not set.", null); //$NON-NLS-1$
			}
			return Secret.of(value);
		}
		return defaultPassword.map(secret -> Secret.of(secret.chars())).orElseGet(() -> Secret.of("")); //$NON-NLS-1$
	}

	private static List<String> table(List<FleetReport.Outcome> outcomes, boolean dryRun) {
		List<String> lines = new ArrayList<>();
		lines.add(String.format(Locale.ROOT, "%-20s %-11s %-8s %9s  %s", "NAME", "PROTOCOL", "OUTCOME", "TIME", //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$ //$NON-NLS-5$
				dryRun ? "DETAIL" : "RESULT")); //$NON-NLS-1$ //$NON-NLS-2$
		for (FleetReport.Outcome outcome : outcomes) {
			String outcomeText = outcome.skipped() ? "skipped" : outcome.ok() ? "ok" : "failed"; //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
			String detail = outcome.error().map(e -> e.reason().key() + ": " + e.getMessage()) //$NON-NLS-1$
					.orElseGet(() -> detail(outcome.results(), dryRun));
			lines.add(String.format(Locale.ROOT, "%-20s %-11s %-8s %7d ms  %s", outcome.name(), outcome.protocol(), //$NON-NLS-1$
					outcomeText, Long.valueOf(outcome.durationMs()), detail));
		}
		long ok = outcomes.stream().filter(FleetReport.Outcome::ok).count();
		lines.add(ok + " of " + outcomes.size() + " rows ok" + (dryRun ? " (dry run: nothing was changed)" : "") //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$
				+ "."); //$NON-NLS-1$
		return lines;
	}

	private static String detail(JsonObject results, boolean dryRun) {
		if (dryRun) {
			return "reachable"; //$NON-NLS-1$
		}
		if (results.has("url")) { //$NON-NLS-1$
			return results.get("url").getAsString(); //$NON-NLS-1$
		}
		return results.has("ip") && !results.get("ip").isJsonNull() ? "ip " + results.get("ip").getAsString() : ""; //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$ //$NON-NLS-5$
	}

	private static int parallel(String text) throws OnrampException {
		try {
			int value = Integer.parseInt(text);
			if (value >= 1 && value <= MAX_PARALLEL) {
				return value;
			}
		} catch (NumberFormatException e) {
			// reported below
		}
		throw ProvisionCommand.usage("--parallel takes a number from 1 to " + MAX_PARALLEL + "."); //$NON-NLS-1$ //$NON-NLS-2$
	}

	private static Duration rowTimeout(Optional<String> text) throws OnrampException {
		if (text.isEmpty()) {
			return DEFAULT_ROW_TIMEOUT;
		}
		try {
			int seconds = Integer.parseInt(text.get());
			if (seconds > 0) {
				return Duration.ofSeconds(seconds);
			}
		} catch (NumberFormatException e) {
			// reported below
		}
		throw ProvisionCommand.usage("--row-timeout takes a positive whole number of seconds (default " //$NON-NLS-1$
				+ DEFAULT_ROW_TIMEOUT.toSeconds() + ")."); //$NON-NLS-1$
	}

	private static Duration shorter(Duration a, Duration b) {
		return a.compareTo(b) <= 0 ? a : b;
	}

	private static String read(Path manifest) throws OnrampException {
		try {
			return Files.readString(manifest, StandardCharsets.UTF_8);
		} catch (IOException | RuntimeException e) {
			throw new OnrampException(FailureReason.USAGE, "Cannot read the manifest " + manifest + ".", //$NON-NLS-1$ //$NON-NLS-2$
					"Give the path of a CSV file with a header row (name,protocol,target,...)."); //$NON-NLS-1$
		}
	}
}
