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

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.SubMonitor;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import com.google.gson.JsonObject;

import dev.onramp.core.FailureReason;
import dev.onramp.core.OnrampException;
import dev.onramp.core.repl.DeviceIdentity;
import dev.onramp.core.repl.IReplService;
import dev.onramp.core.repl.IReplSession;
import dev.onramp.core.repl.ReplOptions;
import dev.onramp.core.serial.ISerialPortService;
import dev.onramp.headless.internal.CommandEnvironment;
import dev.onramp.headless.internal.CommandLine;
import dev.onramp.headless.internal.CommandResult;
import dev.onramp.headless.internal.CommandRunner;
import dev.onramp.headless.internal.ICommand;

/**
 * {@code onramp info --port P}: identifies the MicroPython / pyDirect device on a port (interrupting its program,
 * which the device restarts on its next reset).
 */
@Component(service = ICommand.class, property = CommandRunner.COMMAND_PROPERTY + "=info") //$NON-NLS-1$
public class InfoCommand implements ICommand {

	private static final int BAUD_RATE = 115200;

	private final ISerialPortService serialPorts;
	private final IReplService repl;

	@Activate
	public InfoCommand(@Reference ISerialPortService serialPorts, @Reference IReplService repl) {
		this.serialPorts = serialPorts;
		this.repl = repl;
	}

	@Override
	public String name() {
		return "info"; //$NON-NLS-1$
	}

	@Override
	public CommandResult run(CommandLine commandLine, CommandEnvironment environment, IProgressMonitor monitor)
			throws OnrampException {
		String port = commandLine.value("port") //$NON-NLS-1$
				.orElseThrow(() -> new OnrampException(FailureReason.USAGE, "info needs --port P.")); //$NON-NLS-1$
		SubMonitor sub = SubMonitor.convert(monitor, "Identifying the device on " + port, 2); //$NON-NLS-1$
		DeviceIdentity identity;
		try (IReplSession session = repl.connect(() -> serialPorts.open(port, BAUD_RATE), ReplOptions.defaults(),
				sub.split(1))) {
			identity = session.identify();
			sub.worked(1);
		}
		JsonObject data = new JsonObject();
		data.addProperty("port", port); //$NON-NLS-1$
		data.addProperty("kind", identity.kind()); //$NON-NLS-1$
		data.addProperty("implementation", identity.implementation()); //$NON-NLS-1$
		data.addProperty("version", identity.version()); //$NON-NLS-1$
		data.addProperty("machine", identity.machine()); //$NON-NLS-1$
		data.addProperty("mac", identity.mac().map(Object::toString).orElse(null)); //$NON-NLS-1$
		data.addProperty("hostname", identity.hostname().orElse(null)); //$NON-NLS-1$
		List<String> lines = new ArrayList<>();
		lines.add(port + ": " + (identity.pyDirect() ? "pyDirect" : "MicroPython") + " device"); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$
		lines.add("  implementation  " + identity.implementation() + " " + identity.version()); //$NON-NLS-1$ //$NON-NLS-2$
		lines.add("  board           " + identity.machine()); //$NON-NLS-1$
		lines.add("  MAC             " + identity.mac().map(Object::toString).orElse("(unknown: no network module)")); //$NON-NLS-1$ //$NON-NLS-2$
		identity.hostname().ifPresent(h -> lines.add("  hostname        " + h + " (" + h + ".local)")); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
		return new CommandResult(data, lines);
	}
}
