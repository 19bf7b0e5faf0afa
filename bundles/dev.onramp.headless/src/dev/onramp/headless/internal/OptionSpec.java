/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.headless.internal;

/**
 * One {@code --option} of a command.
 *
 * @param name        without the dashes, for example {@code port}
 * @param valueName   what the value is called in help ({@code P}), or {@code null} for a flag
 * @param repeatable  whether it may be given more than once ({@code --ip A --ip B})
 * @param required    whether the command cannot run without it
 * @param description one line for the help text
 */
public record OptionSpec(String name, String valueName, boolean repeatable, boolean required, String description) {

	public static OptionSpec flag(String name, String description) {
		return new OptionSpec(name, null, false, false, description);
	}

	public static OptionSpec value(String name, String valueName, String description) {
		return new OptionSpec(name, valueName, false, false, description);
	}

	public static OptionSpec required(String name, String valueName, String description) {
		return new OptionSpec(name, valueName, false, true, description);
	}

	public static OptionSpec repeatable(String name, String valueName, String description) {
		return new OptionSpec(name, valueName, true, false, description);
	}

	public boolean takesValue() {
		return valueName != null;
	}

	/** @return {@code --port P} or {@code --json} */
	public String usage() {
		return takesValue() ? "--" + name + " " + valueName : "--" + name; //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
	}
}
