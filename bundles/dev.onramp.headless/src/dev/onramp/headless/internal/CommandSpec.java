/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.headless.internal;

import java.util.List;
import java.util.Optional;

/**
 * What a command of the {@code onramp} contract accepts: its options and positional arguments. The catalogue of
 * specs exists independently of the commands' implementations, so usage and help are complete even where a
 * service is not installed.
 *
 * @param name        the command word, for example {@code provision}
 * @param arguments   the positional arguments in help form, for example {@code [<pop>]}
 * @param summary     one line for the command list
 * @param options     the accepted options besides the global ones
 * @param minArguments the fewest positional arguments
 * @param maxArguments the most positional arguments
 * @param choices     allowed values of the first positional argument (sub-commands such as {@code init}), or empty
 */
public record CommandSpec(String name, String arguments, String summary, List<OptionSpec> options, int minArguments,
		int maxArguments, List<String> choices) {

	public CommandSpec {
		options = List.copyOf(options);
		choices = List.copyOf(choices);
	}

	public Optional<OptionSpec> option(String optionName) {
		return options.stream().filter(o -> o.name().equals(optionName)).findFirst();
	}

	/** @return {@code onramp info --port P} */
	public String synopsis() {
		StringBuilder text = new StringBuilder("onramp ").append(name); //$NON-NLS-1$
		if (!arguments.isEmpty()) {
			text.append(' ').append(arguments);
		}
		for (OptionSpec option : options) {
			if (option.required()) {
				text.append(' ').append(option.usage());
			}
		}
		return text.toString();
	}
}
