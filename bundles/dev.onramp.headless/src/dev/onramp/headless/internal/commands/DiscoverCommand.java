/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.headless.internal.commands;

import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.eclipse.core.runtime.IProgressMonitor;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

import dev.onramp.core.FailureReason;
import dev.onramp.core.OnrampException;
import dev.onramp.core.discovery.DiscoveredService;
import dev.onramp.core.discovery.IDiscoveryService;
import dev.onramp.headless.internal.CommandEnvironment;
import dev.onramp.headless.internal.CommandLine;
import dev.onramp.headless.internal.CommandResult;
import dev.onramp.headless.internal.CommandRunner;
import dev.onramp.headless.internal.ICommand;

/**
 * {@code onramp discover [--timeout S] [--interface NAME]...}: the devices announced over mDNS, one entry per host
 * with its addresses and services.
 */
@Component(service = ICommand.class, property = CommandRunner.COMMAND_PROPERTY + "=discover") //$NON-NLS-1$
public class DiscoverCommand implements ICommand {

	static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(3);

	private final IDiscoveryService discovery;

	@Activate
	public DiscoverCommand(@Reference IDiscoveryService discovery) {
		this.discovery = discovery;
	}

	@Override
	public CommandResult run(CommandLine commandLine, CommandEnvironment environment, IProgressMonitor monitor)
			throws OnrampException {
		Duration timeout = timeout(commandLine.value("timeout")); //$NON-NLS-1$
		Set<String> interfaces = new LinkedHashSet<>(commandLine.values("interface")); //$NON-NLS-1$
		List<DiscoveredService> services = discovery.browse(timeout, interfaces, monitor);

		Map<String, List<DiscoveredService>> byHost = new LinkedHashMap<>();
		for (DiscoveredService service : services) {
			String host = service.hostname().isEmpty() ? service.instanceName() : service.hostname();
			byHost.computeIfAbsent(host, h -> new ArrayList<>()).add(service);
		}
		JsonArray devices = new JsonArray();
		List<String> lines = new ArrayList<>();
		byHost.forEach((host, group) -> {
			devices.add(toJson(group));
			lines.addAll(toLines(group));
		});
		if (byHost.isEmpty()) {
			lines.add("No devices announced themselves over mDNS within " + timeout.toSeconds() + " s" //$NON-NLS-1$ //$NON-NLS-2$
					+ (interfaces.isEmpty() ? "." : " on " + String.join(", ", interfaces) + ".")); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$
			lines.add("Check that the devices are powered and on this network, try a longer --timeout, or name the" //$NON-NLS-1$
					+ " network interface with --interface."); //$NON-NLS-1$
		}
		JsonObject data = new JsonObject();
		data.add("devices", devices); //$NON-NLS-1$
		return new CommandResult(data, lines);
	}

	static Duration timeout(Optional<String> value) throws OnrampException {
		if (value.isEmpty()) {
			return DEFAULT_TIMEOUT;
		}
		try {
			double seconds = Double.parseDouble(value.get());
			if (seconds > 0 && seconds <= 3600) {
				return Duration.ofMillis(Math.round(seconds * 1000));
			}
		} catch (NumberFormatException e) {
			// reported below
		}
		throw new OnrampException(FailureReason.USAGE,
				"--timeout takes a number of seconds between 0 and 3600, not '" + value.get() + "'."); //$NON-NLS-1$ //$NON-NLS-2$
	}

	private static String hostOf(List<DiscoveredService> group) {
		String hostname = group.get(0).hostname();
		return hostname.isEmpty() ? null : hostname + ".local"; //$NON-NLS-1$
	}

	private static List<String> addresses(List<DiscoveredService> group) {
		return group.stream().flatMap(s -> s.addresses().stream()).map(InetAddress::getHostAddress).distinct()
				.toList();
	}

	static JsonObject toJson(List<DiscoveredService> group) {
		JsonObject device = new JsonObject();
		device.addProperty("name", group.get(0).instanceName()); //$NON-NLS-1$
		device.addProperty("hostname", hostOf(group)); //$NON-NLS-1$
		JsonArray addresses = new JsonArray();
		addresses(group).forEach(addresses::add);
		device.add("addresses", addresses); //$NON-NLS-1$
		JsonArray services = new JsonArray();
		for (DiscoveredService service : group) {
			JsonObject json = new JsonObject();
			json.addProperty("type", service.serviceType()); //$NON-NLS-1$
			json.addProperty("name", service.instanceName()); //$NON-NLS-1$
			json.addProperty("port", Integer.valueOf(service.port())); //$NON-NLS-1$
			JsonObject txt = new JsonObject();
			service.txt().entrySet().stream().sorted(Map.Entry.comparingByKey())
					.forEach(e -> txt.addProperty(e.getKey(), e.getValue()));
			json.add("txt", txt); //$NON-NLS-1$
			json.addProperty("interface", service.interfaceName()); //$NON-NLS-1$
			services.add(json);
		}
		device.add("services", services); //$NON-NLS-1$
		return device;
	}

	private static List<String> toLines(List<DiscoveredService> group) {
		List<String> lines = new ArrayList<>();
		String host = hostOf(group);
		lines.add(group.get(0).instanceName() + "  " + (host == null ? "(no host name)" : host) + "  " //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
				+ String.join(", ", addresses(group))); //$NON-NLS-1$
		for (DiscoveredService service : group) {
			String txt = service.txt().entrySet().stream().sorted(Map.Entry.comparingByKey())
					.map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(" ")); //$NON-NLS-1$ //$NON-NLS-2$
			lines.add(String.format(Locale.ROOT, "    %-28s port %-5d %s", service.serviceType(), //$NON-NLS-1$
					Integer.valueOf(service.port()), txt).stripTrailing());
		}
		return lines;
	}
}
