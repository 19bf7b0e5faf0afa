/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.headless.internal.commands;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.eclipse.core.runtime.IProgressMonitor;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import com.google.gson.JsonObject;

import dev.onramp.core.FailureReason;
import dev.onramp.core.OnrampException;
import dev.onramp.core.identify.EspIdfConsoleInfo;
import dev.onramp.core.identify.IDeviceIdentifier;
import dev.onramp.core.identify.ImprovDeviceInfo;
import dev.onramp.core.identify.PortIdentity;
import dev.onramp.core.repl.DeviceIdentity;
import dev.onramp.headless.internal.CommandEnvironment;
import dev.onramp.headless.internal.CommandLine;
import dev.onramp.headless.internal.CommandResult;
import dev.onramp.headless.internal.CommandRunner;
import dev.onramp.headless.internal.ICommand;

/**
 * {@code onramp info --port P}: identifies the device on a port: a MicroPython / pyDirect board (its program is
 * interrupted until its next reset), an Improv Wi-Fi device or an ESP-IDF console. Every kind prints the same JSON
 * keys, {@code null} where the kind does not tell.
 */
@Component(service = ICommand.class, property = CommandRunner.COMMAND_PROPERTY + "=info") //$NON-NLS-1$
public class InfoCommand implements ICommand {

	private static final String UNKNOWN = "(unknown)"; //$NON-NLS-1$

	private final IDeviceIdentifier identifier;

	@Activate
	public InfoCommand(@Reference IDeviceIdentifier identifier) {
		this.identifier = identifier;
	}

	@Override
	public CommandResult run(CommandLine commandLine, CommandEnvironment environment, IProgressMonitor monitor)
			throws OnrampException {
		String port = commandLine.value("port") //$NON-NLS-1$
				.orElseThrow(() -> new OnrampException(FailureReason.USAGE, "info needs --port P.")); //$NON-NLS-1$
		PortIdentity identity = identifier.identify(port, monitor);
		return new CommandResult(json(identity), text(identity));
	}

	private static JsonObject json(PortIdentity identity) {
		Optional<DeviceIdentity> repl = identity.micropython();
		Optional<ImprovDeviceInfo> improv = identity.improv();
		Optional<EspIdfConsoleInfo> console = identity.console();
		JsonObject data = new JsonObject();
		data.addProperty("port", identity.port()); //$NON-NLS-1$
		data.addProperty("kind", identity.kindKey()); //$NON-NLS-1$
		data.addProperty("implementation", repl.map(DeviceIdentity::implementation).orElse(null)); //$NON-NLS-1$
		data.addProperty("version", repl.map(DeviceIdentity::version) //$NON-NLS-1$
				.or(() -> improv.flatMap(ImprovDeviceInfo::version))
				.or(() -> console.flatMap(EspIdfConsoleInfo::appVersion)).orElse(null));
		data.addProperty("machine", repl.map(DeviceIdentity::machine).orElse(null)); //$NON-NLS-1$
		data.addProperty("mac", identity.mac().map(Object::toString).orElse(null)); //$NON-NLS-1$
		data.addProperty("hostname", identity.hostname().orElse(null)); //$NON-NLS-1$
		data.addProperty("chip", identity.chip().orElse(null)); //$NON-NLS-1$
		data.addProperty("firmware", improv.flatMap(ImprovDeviceInfo::firmware) //$NON-NLS-1$
				.or(() -> console.flatMap(EspIdfConsoleInfo::project)).orElse(null));
		data.addProperty("device_name", improv.flatMap(ImprovDeviceInfo::deviceName).orElse(null)); //$NON-NLS-1$
		data.addProperty("os_name", improv.flatMap(ImprovDeviceInfo::osName).orElse(null)); //$NON-NLS-1$
		data.addProperty("os_version", improv.flatMap(ImprovDeviceInfo::osVersion).orElse(null)); //$NON-NLS-1$
		data.addProperty("improv_state", improv.flatMap(ImprovDeviceInfo::state).orElse(null)); //$NON-NLS-1$
		data.addProperty("idf_version", console.flatMap(EspIdfConsoleInfo::idfVersion).orElse(null)); //$NON-NLS-1$
		data.addProperty("chip_revision", console.flatMap(EspIdfConsoleInfo::revision).orElse(null)); //$NON-NLS-1$
		data.addProperty("cores", console.flatMap(EspIdfConsoleInfo::cores).orElse(null)); //$NON-NLS-1$
		data.addProperty("features", console.flatMap(EspIdfConsoleInfo::features).orElse(null)); //$NON-NLS-1$
		data.addProperty("prompt", console.map(EspIdfConsoleInfo::prompt).orElse(null)); //$NON-NLS-1$
		return data;
	}

	private static List<String> text(PortIdentity identity) {
		List<String> lines = new ArrayList<>();
		identity.micropython().ifPresent(repl -> {
			lines.add(identity.port() + ": " + (repl.pyDirect() ? "pyDirect" : "MicroPython") + " device"); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$
			lines.add(row("implementation", repl.implementation() + " " + repl.version())); //$NON-NLS-1$ //$NON-NLS-2$
			lines.add(row("board", repl.machine())); //$NON-NLS-1$
			lines.add(row("MAC", identity.mac().map(Object::toString).orElse("(unknown: no network module)"))); //$NON-NLS-1$ //$NON-NLS-2$
		});
		identity.improv().ifPresent(improv -> {
			lines.add(identity.port() + ": Improv Wi-Fi device"); //$NON-NLS-1$
			lines.add(row("firmware", join(improv.firmware(), improv.version()))); //$NON-NLS-1$
			lines.add(row("chip", identity.chip().orElse(UNKNOWN))); //$NON-NLS-1$
			lines.add(row("device name", improv.deviceName().orElse(UNKNOWN))); //$NON-NLS-1$
			improv.osName().ifPresent(os -> lines.add(row("OS", join(improv.osName(), improv.osVersion())))); //$NON-NLS-1$
			lines.add(row("Improv state", improv.state().orElse(UNKNOWN))); //$NON-NLS-1$
			lines.add(row("MAC", identity.mac().map(Object::toString).orElse("(unknown: Improv does not report it)"))); //$NON-NLS-1$ //$NON-NLS-2$
		});
		identity.console().ifPresent(console -> {
			lines.add(identity.port() + ": ESP-IDF console (prompt \"" + console.prompt() + " \")"); //$NON-NLS-1$ //$NON-NLS-2$
			lines.add(row("ESP-IDF", console.idfVersion().orElse(UNKNOWN))); //$NON-NLS-1$
			lines.add(row("chip", identity.chip().orElse(UNKNOWN) //$NON-NLS-1$
					+ console.revision().map(r -> ", revision " + r).orElse("") //$NON-NLS-1$ //$NON-NLS-2$
					+ console.cores().map(c -> ", " + c + (c == 1 ? " core" : " cores")).orElse(""))); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$
			console.features().ifPresent(f -> lines.add(row("features", f))); //$NON-NLS-1$
			if (console.project().isPresent()) {
				lines.add(row("application", join(console.project(), console.appVersion()))); //$NON-NLS-1$
			}
			lines.add(row("MAC", identity.mac().map(Object::toString) //$NON-NLS-1$
					.orElse("(unknown: the console has no command for it and no boot log was seen)"))); //$NON-NLS-1$
			lines.add(row("commands", console.commands().isEmpty() ? "(no help command)" //$NON-NLS-1$ //$NON-NLS-2$
					: String.join(" ", console.commands()))); //$NON-NLS-1$
		});
		identity.hostname().ifPresent(h -> lines.add(row("hostname", h + " (" + h + ".local)"))); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
		return lines;
	}

	private static String row(String label, String value) {
		return String.format("  %-15s %s", label, value); //$NON-NLS-1$
	}

	private static String join(Optional<String> first, Optional<String> second) {
		return first.orElse(UNKNOWN) + second.map(s -> " " + s).orElse(""); //$NON-NLS-1$ //$NON-NLS-2$
	}
}
