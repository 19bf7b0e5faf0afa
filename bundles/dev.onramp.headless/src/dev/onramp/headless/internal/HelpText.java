/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.headless.internal;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/** The help pages: every command of the catalogue, and one page a command. */
final class HelpText {

	private HelpText() {
	}

	static String overview(String version, Set<String> available) {
		StringBuilder text = new StringBuilder();
		text.append("onramp ").append(version).append(" - bring ESP32-class devices onto a network with an identity\n\n"); //$NON-NLS-1$ //$NON-NLS-2$
		text.append("Usage: onramp [--json] [--data-dir DIR] [--verbose] <command> [arguments] [options]\n\n"); //$NON-NLS-1$
		text.append("Commands:\n"); //$NON-NLS-1$
		for (CommandSpec command : CommandCatalog.commands()) {
			String marker = available.contains(command.name()) ? "" : " (not available yet)"; //$NON-NLS-1$ //$NON-NLS-2$
			text.append(String.format(Locale.ROOT, "  %-13s %s%s%n", command.name(), command.summary(), marker)); //$NON-NLS-1$
		}
		text.append("\nGlobal options:\n"); //$NON-NLS-1$
		appendOptions(text, CommandCatalog.GLOBAL_OPTIONS);
		text.append("\nExit codes: 0 success, 1 internal error, 2 usage error, 3 device or port unreachable,\n" //$NON-NLS-1$
				+ "4 security handshake rejected, 5 Wi-Fi authentication failed, 6 Wi-Fi network not found,\n" //$NON-NLS-1$
				+ "7 timed out, 8 certificate verification failed.\n" //$NON-NLS-1$
				+ "Secrets (PoP, Wi-Fi passwords) never go on the command line as options: use --pop-env,\n" //$NON-NLS-1$
				+ "--pop-file, --password-env, --password-file, or answer the prompt on a terminal.\n\n" //$NON-NLS-1$
				+ "Run 'onramp <command> --help' for the options of a command.\n"); //$NON-NLS-1$
		return text.toString();
	}

	static String command(CommandSpec command, boolean available) {
		StringBuilder text = new StringBuilder();
		text.append("Usage: ").append(command.synopsis()).append(" [options]\n\n"); //$NON-NLS-1$ //$NON-NLS-2$
		text.append(command.summary()).append(".\n"); //$NON-NLS-1$
		if (!available) {
			text.append("This command is not available yet in this installation.\n"); //$NON-NLS-1$
		}
		if (!command.options().isEmpty()) {
			text.append("\nOptions:\n"); //$NON-NLS-1$
			appendOptions(text, command.options());
		}
		text.append("\nGlobal options:\n"); //$NON-NLS-1$
		appendOptions(text, CommandCatalog.GLOBAL_OPTIONS);
		return text.toString();
	}

	private static void appendOptions(StringBuilder text, List<OptionSpec> options) {
		for (OptionSpec option : options) {
			String usage = option.usage() + (option.repeatable() ? " ..." : ""); //$NON-NLS-1$ //$NON-NLS-2$
			String description = option.description() + (option.required() ? " (required)" : ""); //$NON-NLS-1$ //$NON-NLS-2$
			text.append(String.format(Locale.ROOT, "  %-28s %s%n", usage, description)); //$NON-NLS-1$
		}
	}
}
