/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.provisioning.internal.identify;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.eclipse.core.runtime.IProgressMonitor;

import dev.onramp.core.OnrampException;
import dev.onramp.core.identify.EspIdfConsoleInfo;
import dev.onramp.core.identify.PortIdentity;

/**
 * An ESP-IDF console ({@code esp_console} REPL): Enter brings its prompt; {@code help} lists the commands, and
 * {@code version} (ESP-IDF's system commands) runs only when {@code help} lists it. No other command is sent: an
 * application's own commands may do anything. The project, the application version and the MAC come from the boot
 * log when the port saw one (opening a port often resets the board).
 */
final class EspIdfConsoleProbe implements Probe {

	static final Duration PROMPT = Duration.ofMillis(1500);
	static final Duration COMMAND = Duration.ofSeconds(3);

	@Override
	public String protocol() {
		return "ESP-IDF console"; //$NON-NLS-1$
	}

	@Override
	public boolean suits(LineEvidence evidence) {
		return evidence.hint() == LineEvidence.Hint.ESP_IDF_CONSOLE;
	}

	@Override
	public Optional<PortIdentity> identify(ProbeLine line, String port, IProgressMonitor monitor)
			throws OnrampException {
		ConsoleDialogue console = new ConsoleDialogue(line);
		Optional<String> prompt = console.enter(PROMPT);
		if (prompt.isEmpty()) {
			return Optional.empty();
		}
		List<String> commands = console.run("help", COMMAND).map(ConsoleText::commands).orElse(List.of()); //$NON-NLS-1$
		Map<String, String> version = commands.contains("version") //$NON-NLS-1$
				? console.run("version", COMMAND).map(ConsoleText::fields).orElse(Map.of()) //$NON-NLS-1$
				: Map.of();
		LineEvidence seen = LineEvidence.of(line.transcript());
		String boot = seen.text();
		EspIdfConsoleInfo info = new EspIdfConsoleInfo(prompt.get(), commands,
				value(version, "idf version").or(() -> ConsoleText.bootLogValue(boot, "ESP-IDF")), //$NON-NLS-1$ //$NON-NLS-2$
				value(version, "model"), number(version, "revision number"), number(version, "cores"), //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
				value(version, "feature").map(f -> f.startsWith("/") ? f.substring(1) : f), //$NON-NLS-1$ //$NON-NLS-2$
				ConsoleText.bootLogValue(boot, "Project name"), ConsoleText.bootLogValue(boot, "App version")); //$NON-NLS-1$ //$NON-NLS-2$
		return Optional.of(PortIdentity.console(port, info, seen.stationMac()));
	}

	private static Optional<String> value(Map<String, String> fields, String key) {
		return Optional.ofNullable(fields.get(key));
	}

	private static Optional<Integer> number(Map<String, String> fields, String key) {
		try {
			return value(fields, key).map(Integer::valueOf);
		} catch (NumberFormatException e) {
			return Optional.empty();
		}
	}
}
