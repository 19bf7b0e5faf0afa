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
 * {@link IWifiProvisioner} serves the protocol ({@code improv}, {@code repl}). {@code auto} takes Improv when it is
 * installed, else the REPL.
 */
@Component(service = ICommand.class, property = CommandRunner.COMMAND_PROPERTY + "=change-wifi") //$NON-NLS-1$
public class ChangeWifiCommand implements ICommand {

	static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(60);
	private static final String HELP = "Run 'onramp change-wifi --help'."; //$NON-NLS-1$

	private final List<IWifiProvisioner> provisioners;

	@Activate
	public ChangeWifiCommand(
			@Reference(service = IWifiProvisioner.class, cardinality = ReferenceCardinality.AT_LEAST_ONE) List<IWifiProvisioner> provisioners) {
		this.provisioners = List.copyOf(provisioners);
	}

	@Override
	public CommandResult run(CommandLine commandLine, CommandEnvironment environment, IProgressMonitor monitor)
			throws OnrampException {
		String port = commandLine.value("port").orElseThrow(() -> usage("--port P is required.")); //$NON-NLS-1$ //$NON-NLS-2$
		IWifiProvisioner provisioner = provisioner(commandLine.value("protocol").orElse("auto")); //$NON-NLS-1$ //$NON-NLS-2$
		ProvisioningTarget target = new ProvisioningTarget(port, null, null, Optional.empty(), CONNECT_TIMEOUT);
		JsonObject data = new JsonObject();
		data.addProperty("port", port); //$NON-NLS-1$
		data.addProperty("protocol", provisioner.transport()); //$NON-NLS-1$
		monitor.beginTask("Changing the Wi-Fi of the device on " + port, IProgressMonitor.UNKNOWN); //$NON-NLS-1$
		if (commandLine.has("scan")) { //$NON-NLS-1$
			return scanResult(provisioner.scan(target, monitor), data);
		}
		String ssid = commandLine.value("ssid") //$NON-NLS-1$
				.orElseThrow(() -> usage("Pass the network with --ssid S (or list the device's networks with --scan).")); //$NON-NLS-1$
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
			throw new CommandFailure(e.reason(), e.getMessage(), e.hint().orElse(null), data, List.of());
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

	private IWifiProvisioner provisioner(String protocol) throws OnrampException {
		List<String> order = switch (protocol) {
		case "auto" -> List.of("improv", "repl"); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
		case "improv", "repl" -> List.of(protocol); //$NON-NLS-1$ //$NON-NLS-2$
		default -> throw usage("--protocol takes auto, improv or repl."); //$NON-NLS-1$
		};
		for (String transport : order) {
			for (IWifiProvisioner candidate : provisioners) {
				if (candidate.transport().equals(transport)) {
					return candidate;
				}
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
