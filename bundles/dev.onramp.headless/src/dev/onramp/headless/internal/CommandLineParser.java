/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.headless.internal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.onramp.core.FailureReason;
import dev.onramp.core.OnrampException;

/**
 * Parses {@code onramp [global options] <command> [arguments] [options]}. Options take {@code --name value} or
 * {@code --name=value}; global options may stand anywhere; {@code --} ends option parsing.
 */
public final class CommandLineParser {

	private static final String DASHES = "--"; //$NON-NLS-1$

	public CommandLine parse(String[] args) throws OnrampException {
		CommandSpec command = null;
		List<String> arguments = new ArrayList<>();
		Map<String, List<String>> options = new LinkedHashMap<>();
		Map<String, String> globals = new LinkedHashMap<>();
		boolean optionsEnded = false;
		for (int i = 0; i < args.length; i++) {
			String arg = args[i];
			if (!optionsEnded && arg.equals(DASHES)) {
				optionsEnded = true;
			} else if (!optionsEnded && arg.startsWith(DASHES)) {
				String name = arg.substring(2);
				String inlineValue = null;
				int equals = name.indexOf('=');
				if (equals >= 0) {
					inlineValue = name.substring(equals + 1);
					name = name.substring(0, equals);
				}
				Optional<OptionSpec> global = find(CommandCatalog.GLOBAL_OPTIONS, name);
				Optional<OptionSpec> own = command == null ? Optional.empty() : command.option(name);
				String typedName = name;
				OptionSpec spec = own.or(() -> global).orElseThrow(() -> unknownOption(typedName, commandName(args)));
				String value = null;
				if (spec.takesValue()) {
					if (inlineValue != null) {
						value = inlineValue;
					} else if (i + 1 < args.length) {
						value = args[++i];
					} else {
						throw usage("Option " + spec.usage() + " needs a value.", commandName(args)); //$NON-NLS-1$ //$NON-NLS-2$
					}
				} else if (inlineValue != null) {
					throw usage("Option --" + name + " takes no value.", commandName(args)); //$NON-NLS-1$ //$NON-NLS-2$
				}
				if (own.isPresent()) {
					List<String> values = options.computeIfAbsent(name, n -> new ArrayList<>());
					if (!spec.repeatable() && !values.isEmpty()) {
						throw usage("Option --" + name + " may be given only once.", commandName(args)); //$NON-NLS-1$ //$NON-NLS-2$
					}
					if (value != null) {
						values.add(value);
					}
				} else {
					globals.put(name, value == null ? "" : value); //$NON-NLS-1$
				}
			} else if (command == null) {
				command = CommandCatalog.command(arg).orElseThrow(() -> new OnrampException(FailureReason.USAGE,
						"Unknown command '" + arg + "'.", "Run 'onramp --help' to list the commands.")); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
			} else {
				arguments.add(arg);
			}
		}
		boolean help = globals.containsKey("help"); //$NON-NLS-1$
		boolean version = globals.containsKey("version"); //$NON-NLS-1$
		if (command != null && !help && !version) {
			check(command, arguments, options);
		}
		Optional<Path> dataDirectory = Optional.ofNullable(globals.get("data-dir")).map(Path::of); //$NON-NLS-1$
		return new CommandLine(Optional.ofNullable(command), arguments, options, globals.containsKey("json"), //$NON-NLS-1$
				globals.containsKey("verbose"), help, version, dataDirectory); //$NON-NLS-1$
	}

	private static void check(CommandSpec command, List<String> arguments, Map<String, List<String>> options)
			throws OnrampException {
		if (arguments.size() < command.minArguments()) {
			throw usage("Missing argument: onramp " + command.name() + " " + command.arguments() + ".", //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
					command.name());
		}
		if (arguments.size() > command.maxArguments()) {
			// the extra argument may be a mistyped secret: never echo it
			throw usage("Too many arguments: 'onramp " + command.name() + "' takes at most " //$NON-NLS-1$ //$NON-NLS-2$
					+ command.maxArguments() + ".", command.name()); //$NON-NLS-1$
		}
		if (!command.choices().isEmpty() && !command.choices().contains(arguments.get(0))) {
			throw usage("'" + arguments.get(0) + "' is not one of " + String.join(", ", command.choices()) + ".", //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$
					command.name());
		}
		for (OptionSpec option : command.options()) {
			if (option.required() && !options.containsKey(option.name())) {
				throw usage("Option " + option.usage() + " is required.", command.name()); //$NON-NLS-1$ //$NON-NLS-2$
			}
		}
	}

	private static Optional<OptionSpec> find(List<OptionSpec> specs, String name) {
		return specs.stream().filter(o -> o.name().equals(name)).findFirst();
	}

	private static String commandName(String[] args) {
		for (String arg : args) {
			if (!arg.startsWith(DASHES) && CommandCatalog.command(arg).isPresent()) {
				return arg;
			}
		}
		return null;
	}

	/** Names the option without its value, which may be a secret ({@code --password=...}). */
	private static OnrampException unknownOption(String name, String command) {
		return usage("Unknown option --" + name + (command == null ? "" : " for '" + command + "'") + ".", command); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$ //$NON-NLS-5$
	}

	private static OnrampException usage(String message, String command) {
		String help = command == null ? "onramp --help" : "onramp " + command + " --help"; //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
		return new OnrampException(FailureReason.USAGE, message, "Run '" + help + "' to see what it accepts."); //$NON-NLS-1$ //$NON-NLS-2$
	}
}
