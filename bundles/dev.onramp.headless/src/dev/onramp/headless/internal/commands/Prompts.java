/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.headless.internal.commands;

import java.io.Console;
import java.io.PrintStream;
import java.util.List;
import java.util.Optional;

import dev.onramp.core.FailureReason;
import dev.onramp.core.OnrampException;
import dev.onramp.core.Secret;
import dev.onramp.core.provisioning.WifiNetwork;
import dev.onramp.headless.internal.CommandEnvironment;

/** Questions to a person at a terminal: pick a network, type a password without echo. */
final class Prompts {

	private Prompts() {
	}

	private static Console console() throws OnrampException {
		Console console = System.console();
		if (console == null) {
			throw new OnrampException(FailureReason.USAGE, "No terminal to ask on.", //$NON-NLS-1$
					"Pass --ssid S and --password-env VAR or --password-file F."); //$NON-NLS-1$
		}
		return console;
	}

	static String pickNetwork(List<WifiNetwork> networks, CommandEnvironment environment) throws OnrampException {
		Console console = console();
		PrintStream err = environment.err();
		err.println("Networks the device sees:"); //$NON-NLS-1$
		for (int i = 0; i < networks.size(); i++) {
			WifiNetwork network = networks.get(i);
			err.printf("  %2d) %-32s %4d dBm  ch %-3d %s%n", Integer.valueOf(i + 1), network.ssid(), //$NON-NLS-1$
					Integer.valueOf(network.rssi()), Integer.valueOf(network.channel()),
					network.secured() ? "" : "open"); //$NON-NLS-1$ //$NON-NLS-2$
		}
		int other = networks.size() + 1;
		err.printf("  %2d) other network (hidden SSID)%n", Integer.valueOf(other)); //$NON-NLS-1$
		while (true) {
			String answer = console.readLine("Network [1-%d]: ", Integer.valueOf(other)); //$NON-NLS-1$
			if (answer == null) {
				throw OnrampException.of(FailureReason.CANCELLED);
			}
			try {
				int choice = Integer.parseInt(answer.trim());
				if (choice >= 1 && choice <= networks.size()) {
					return networks.get(choice - 1).ssid();
				}
				if (choice == other) {
					String ssid = console.readLine("SSID: "); //$NON-NLS-1$
					if (ssid == null) {
						throw OnrampException.of(FailureReason.CANCELLED);
					}
					if (!ssid.isEmpty()) {
						return ssid;
					}
				}
			} catch (NumberFormatException e) {
				// ask again
			}
			err.println("Type one of the numbers above."); //$NON-NLS-1$
		}
	}

	static Secret password(String ssid, CommandEnvironment environment) throws OnrampException {
		char[] typed = console().readPassword("Password for \"%s\" (empty for an open network): ", ssid); //$NON-NLS-1$
		if (typed == null) {
			throw OnrampException.of(FailureReason.CANCELLED);
		}
		Secret secret = Secret.of(typed);
		java.util.Arrays.fill(typed, '\0');
		return secret;
	}

	static Optional<Secret> retryPassword(String ssid, CommandEnvironment environment) throws OnrampException {
		environment.err().println("The network \"" + ssid + "\" rejected the password."); //$NON-NLS-1$ //$NON-NLS-2$
		char[] typed = console().readPassword("Type it again to retry (empty to give up): "); //$NON-NLS-1$
		if (typed == null || typed.length == 0) {
			return Optional.empty();
		}
		Secret secret = Secret.of(typed);
		java.util.Arrays.fill(typed, '\0');
		return Optional.of(secret);
	}
}
