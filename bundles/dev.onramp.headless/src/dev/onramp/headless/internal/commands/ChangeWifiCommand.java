/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.headless.internal.commands;

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
import dev.onramp.core.identify.IDeviceIdentifier;
import dev.onramp.core.identify.PortIdentity;
import dev.onramp.core.provisioning.IWifiProvisioner;
import dev.onramp.core.provisioning.ProvisioningResult;
import dev.onramp.core.provisioning.ProvisioningTarget;
import dev.onramp.core.provisioning.WifiCredentials;
import dev.onramp.core.provisioning.WifiNetwork;
import dev.onramp.headless.internal.CommandEnvironment;
import dev.onramp.headless.internal.CommandFailure;
import dev.onramp.headless.internal.CommandLine;
import dev.onramp.headless.internal.CommandResult;
import dev.onramp.headless.internal.CommandRunner;
import dev.onramp.headless.internal.ICommand;

/**
 * {@code onramp change-wifi --port P [--protocol auto|improv|repl] --ssid S ...}: Wi-Fi over USB through whichever
 * {@link IWifiProvisioner} serves the protocol ({@code improv}, {@code repl}). {@code auto} first asks the device what
 * it speaks ({@link IDeviceIdentifier}, as {@code onramp info} does): Improv for an Improv device, the REPL for a
 * MicroPython or pyDirect board; an ESP-IDF console or a silent port ends with what answered and what would work.
 */
@Component(service = ICommand.class, property = CommandRunner.COMMAND_PROPERTY + "=change-wifi") //$NON-NLS-1$
public class ChangeWifiCommand implements ICommand {

	static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(60);
	private static final String HELP = "Run 'onramp change-wifi --help'."; //$NON-NLS-1$

	private static final String PROTOCOLS = "Onramp changes Wi-Fi over USB through Improv serial or the" //$NON-NLS-1$
			+ " MicroPython REPL"; //$NON-NLS-1$

	private final List<IWifiProvisioner> provisioners;
	private final IDeviceIdentifier identifier;

	@Activate
	public ChangeWifiCommand(
			@Reference(service = IWifiProvisioner.class, cardinality = ReferenceCardinality.AT_LEAST_ONE) List<IWifiProvisioner> provisioners,
			@Reference IDeviceIdentifier identifier) {
		this.provisioners = List.copyOf(provisioners);
		this.identifier = identifier;
	}

	@Override
	public CommandResult run(CommandLine commandLine, CommandEnvironment environment, IProgressMonitor monitor)
			throws OnrampException {
		String port = commandLine.value("port").orElseThrow(() -> usage("--port P is required.")); //$NON-NLS-1$ //$NON-NLS-2$
		String protocol = commandLine.value("protocol").orElse("auto"); //$NON-NLS-1$ //$NON-NLS-2$
		Optional<String> wanted = commandLine.value("ssid"); //$NON-NLS-1$
		if (wanted.isEmpty() && !commandLine.has("scan")) { //$NON-NLS-1$
			throw usage("Pass the network with --ssid S (or list the device's networks with --scan)."); //$NON-NLS-1$
		}
		JsonObject data = new JsonObject();
		data.addProperty("port", port); //$NON-NLS-1$
		IWifiProvisioner provisioner;
		if ("auto".equals(protocol)) { //$NON-NLS-1$
			PortIdentity identity = identify(port, monitor);
			data.addProperty("device_kind", identity.kindKey()); //$NON-NLS-1$
			provisioner = provisioner(transportFor(identity, data));
			environment.err().println("The device on " + port + " answered as " + identity.kindKey() //$NON-NLS-1$ //$NON-NLS-2$
					+ ": changing its Wi-Fi over " + provisioner.transport() + "."); //$NON-NLS-1$ //$NON-NLS-2$
		} else {
			provisioner = provisioner(protocol);
			data.add("device_kind", null); //$NON-NLS-1$
		}
		ProvisioningTarget target = new ProvisioningTarget(port, null, null, Optional.empty(), CONNECT_TIMEOUT);
		data.addProperty("protocol", provisioner.transport()); //$NON-NLS-1$
		monitor.beginTask("Changing the Wi-Fi of the device on " + port, IProgressMonitor.UNKNOWN); //$NON-NLS-1$
		if (commandLine.has("scan")) { //$NON-NLS-1$
			return scanResult(provisioner.scan(target, monitor), data);
		}
		String ssid = wanted.get();
		Optional<Secret> password = ProvisionCommand.WifiSecrets.password(commandLine, environment);
		Secret secret = password.isPresent() ? password.get()
				: environment.interactive() ? Prompts.password(ssid, environment) : Secret.of(""); //$NON-NLS-1$
		data.addProperty("ssid", ssid); //$NON-NLS-1$
		ProvisioningResult result;
		try {
			result = provisioner.provision(target, new WifiCredentials(ssid, secret), monitor);
		} catch (OnrampException e) {
			if (e instanceof CommandFailure) {
				throw e;
			}
			throw CommandFailure.of(e, data, List.of());
		} finally {
			secret.destroy();
		}
		data.addProperty("security", result.security()); //$NON-NLS-1$
		result.ipAddress().ifPresentOrElse(ip -> data.addProperty("ip", ip), () -> data.add("ip", null)); //$NON-NLS-1$ //$NON-NLS-2$
		List<String> lines = new ArrayList<>();
		lines.add("The device on " + port + " joined \"" + ssid + "\"" //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
				+ result.ipAddress().map(ip -> " with IP address " + ip).orElse("") + " (" + provisioner.transport() //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
				+ ")."); //$NON-NLS-1$
		data.addProperty("remembered", Boolean.valueOf(result.remembered())); //$NON-NLS-1$
		if (!result.remembered()) {
			lines.add("Stock MicroPython keeps no Wi-Fi setting: the board joined for its running session only and " //$NON-NLS-1$
					+ "forgets the network when it resets (its own boot.py or main.py must connect)."); //$NON-NLS-1$
		}
		return new CommandResult(data, lines);
	}

	/** Port failures pass unchanged; a silent or unreadable line says what Onramp would have talked. */
	private PortIdentity identify(String port, IProgressMonitor monitor) throws OnrampException {
		try {
			return identifier.identify(port, monitor);
		} catch (OnrampException e) {
			if (e.reason() != FailureReason.TIMEOUT) {
				throw e;
			}
			throw new OnrampException(e.reason(), "Cannot tell which protocol the device on " + port //$NON-NLS-1$
					+ " speaks. " + e.getMessage() + ' ' + PROTOCOLS + '.', e.hint().orElse(null), e); //$NON-NLS-1$
		}
	}

	/** @param data the command's data so far, reported with a failure */
	private static String transportFor(PortIdentity identity, JsonObject data) throws OnrampException {
		return switch (identity.kind()) {
		case IMPROV -> "improv"; //$NON-NLS-1$
		case MICROPYTHON, PYDIRECT -> "repl"; //$NON-NLS-1$
		default -> throw new CommandFailure(FailureReason.PROTOCOL_ERROR, "The device on " + identity.port() //$NON-NLS-1$
				+ " answers with an ESP-IDF console" //$NON-NLS-1$
				+ identity.console().map(c -> " (prompt \"" + c.prompt() + "\")").orElse("") //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
				+ ", not Improv serial or a MicroPython REPL. " + PROTOCOLS + '.', //$NON-NLS-1$
				"If its firmware includes ESP-IDF unified provisioning, use 'onramp provision --transport console" //$NON-NLS-1$
						+ " --port " + identity.port() //$NON-NLS-1$
						+ "'; otherwise flash firmware that speaks Improv serial or MicroPython.", //$NON-NLS-1$
				data, List.of());
		};
	}

	private IWifiProvisioner provisioner(String protocol) throws OnrampException {
		if (!"improv".equals(protocol) && !"repl".equals(protocol)) { //$NON-NLS-1$ //$NON-NLS-2$
			throw usage("--protocol takes auto, improv or repl."); //$NON-NLS-1$
		}
		for (IWifiProvisioner candidate : provisioners) {
			if (candidate.transport().equals(protocol)) {
				return candidate;
			}
		}
		throw new OnrampException(FailureReason.NOT_AVAILABLE,
				"Wi-Fi over " + protocol + " is not available in this installation of Onramp.", null); //$NON-NLS-1$ //$NON-NLS-2$
	}

	private static CommandResult scanResult(List<WifiNetwork> networks, JsonObject data) {
		JsonArray array = new JsonArray();
		List<String> lines = new ArrayList<>();
		for (WifiNetwork network : networks) {
			JsonObject entry = new JsonObject();
			entry.addProperty("ssid", network.ssid()); //$NON-NLS-1$
			entry.addProperty("rssi", Integer.valueOf(network.rssi())); //$NON-NLS-1$
			entry.addProperty("secured", Boolean.valueOf(network.secured())); //$NON-NLS-1$
			array.add(entry);
			lines.add(String.format("%-32s %5d %s", network.ssid(), Integer.valueOf(network.rssi()), //$NON-NLS-1$
					network.secured() ? "secured" : "open")); //$NON-NLS-1$ //$NON-NLS-2$
		}
		data.add("networks", array); //$NON-NLS-1$
		return new CommandResult(data, lines);
	}

	private static OnrampException usage(String message) {
		return new OnrampException(FailureReason.USAGE, message, HELP);
	}
}
