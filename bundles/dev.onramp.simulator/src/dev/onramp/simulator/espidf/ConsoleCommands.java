/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.simulator.espidf;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.onramp.core.OnrampException;

/**
 * The commands a simulated console registers, in registration order: {@code help} (as {@code esp_console} registers
 * it), then ESP-IDF's common system commands ({@code free}, {@code heap}, {@code version} when configured,
 * {@code restart}, {@code log_level}), printing what their ESP-IDF implementations print.
 */
final class ConsoleCommands {

	/** How a command ended. */
	enum Outcome {
		/** returned 0 */
		OK,
		/** returned non-zero */
		FAILED,
		/** no such command */
		UNKNOWN,
		/** {@code esp_restart()}: the application boots again */
		RESTART
	}

	/** Where a command prints. */
	interface Output {
		/** printf to stdout ({@code \n} goes out as {@code \r\n}) */
		void print(String text) throws OnrampException;

		void log(char level, String tag, String message) throws OnrampException;
	}

	@FunctionalInterface
	private interface Handler {
		Outcome run(String[] argv, Output out) throws OnrampException;
	}

	private record Command(String hint, String help, Handler handler) {
	}

	private final EspIdfConsoleConfig config;
	private final Map<String, Command> commands = new LinkedHashMap<>();

	ConsoleCommands(EspIdfConsoleConfig config) {
		this.config = config;
		commands.put("help", new Command(" [<string>] [-v <0|1>]", //$NON-NLS-1$ //$NON-NLS-2$
				"Print the summary of all registered commands if no arguments are given,\n  otherwise print summary of given command.\n" //$NON-NLS-1$
						+ "      <string>  Name of command\n  -v, --verbose=<0|1>  If specified, list console commands with given verbose level", //$NON-NLS-1$
				this::help));
		commands.put("free", new Command("", "Get the current size of free heap memory", //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
				(argv, out) -> print(out, "298164\n"))); //$NON-NLS-1$
		commands.put("heap", new Command("", //$NON-NLS-1$ //$NON-NLS-2$
				"Get minimum size of free heap memory that was available during program execution", //$NON-NLS-1$
				(argv, out) -> print(out, "min heap size: 291532\n"))); //$NON-NLS-1$
		if (config.versionCommand()) {
			commands.put("version", new Command("", "Get version of chip and SDK", this::version)); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
		}
		commands.put("restart", new Command("", "Software reset of the chip", (argv, out) -> { //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
			out.log('I', "cmd_system_common", "Restarting"); //$NON-NLS-1$ //$NON-NLS-2$
			return Outcome.RESTART;
		}));
		commands.put("log_level", new Command(" <tag|*> <none|error|warn|debug|verbose>", //$NON-NLS-1$ //$NON-NLS-2$
				"Set log level for all tags or a specific tag.", ConsoleCommands::logLevel)); //$NON-NLS-1$
	}

	/** Runs a command line already split into words ({@code esp_console_run}). */
	Outcome run(String[] argv, Output out) throws OnrampException {
		Command command = commands.get(argv[0]);
		return command == null ? Outcome.UNKNOWN : command.handler().run(argv, out);
	}

	private static Outcome print(Output out, String text) throws OnrampException {
		out.print(text);
		return Outcome.OK;
	}

	private Outcome help(String[] argv, Output out) throws OnrampException {
		if (argv.length == 1) {
			for (Map.Entry<String, Command> entry : commands.entrySet()) {
				describe(entry.getKey(), entry.getValue(), out);
			}
			return Outcome.OK;
		}
		Command command = commands.get(argv[1]);
		if (command == null) {
			out.print("help: Unrecognized option '" + argv[1] //$NON-NLS-1$
					+ "'. Please use correct command as argument or type 'help' only to print help for all commands\n"); //$NON-NLS-1$
			return Outcome.FAILED;
		}
		describe(argv[1], command, out);
		return Outcome.OK;
	}

	/** {@code print_arg_help}: the command and its hint, then the help indented by two. */
	private static void describe(String name, Command command, Output out) throws OnrampException {
		out.print(name + " " + command.hint() + "\n  " + command.help() + "\n\n"); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
	}

	/** {@code get_version} of ESP-IDF's system commands, whose lines end in {@code \r\n} before the conversion. */
	private Outcome version(String[] argv, Output out) throws OnrampException {
		out.print("IDF Version:" + config.idfVersion() + "\r\n"); //$NON-NLS-1$ //$NON-NLS-2$
		out.print("Chip info:\r\n"); //$NON-NLS-1$
		out.print("\tmodel:" + config.model() + "\r\n"); //$NON-NLS-1$ //$NON-NLS-2$
		out.print("\tcores:" + config.cores() + "\r\n"); //$NON-NLS-1$ //$NON-NLS-2$
		out.print("\tfeature:" + config.features() + "\r\n"); //$NON-NLS-1$ //$NON-NLS-2$
		out.print("\trevision number:" + config.revision() + "\r\n"); //$NON-NLS-1$ //$NON-NLS-2$
		return Outcome.OK;
	}

	private static Outcome logLevel(String[] argv, Output out) throws OnrampException {
		if (argv.length != 3) {
			out.print("log_level: missing option " + (argv.length == 1 ? "<tag|*>" : "<none|error|warn|debug|verbose>") //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
					+ "\n"); //$NON-NLS-1$
			return Outcome.FAILED;
		}
		return Outcome.OK;
	}
}
