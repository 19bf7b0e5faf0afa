/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.headless.internal;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A parsed {@code onramp} command line. Values are as typed; commands validate their meaning.
 *
 * @param command   the command word, or empty for {@code onramp --help} / {@code --version}
 * @param arguments positional arguments after the command
 * @param options   command options by name (without dashes); flags map to an empty list
 */
public record CommandLine(Optional<CommandSpec> command, List<String> arguments, Map<String, List<String>> options,
		boolean json, boolean verbose, boolean help, boolean version, Optional<Path> dataDirectory) {

	public CommandLine {
		arguments = List.copyOf(arguments);
		options = Map.copyOf(options);
	}

	public boolean has(String option) {
		return options.containsKey(option);
	}

	/** @return the value of a single-valued option */
	public Optional<String> value(String option) {
		List<String> values = options.get(option);
		return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(values.size() - 1));
	}

	/** @return every value of a repeatable option, in order */
	public List<String> values(String option) {
		return options.getOrDefault(option, List.of());
	}
}
