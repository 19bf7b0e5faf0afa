/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.simulator.espidf;

import java.util.Objects;
import java.util.Optional;

import dev.onramp.core.MacAddress;

/**
 * What a simulated ESP-IDF console application is and prints.
 *
 * @param prompt         as passed to {@code esp_console_new_repl_uart} ({@code esp32>}); the console prints it with
 *                       a space after it
 * @param model          the chip model {@code version} prints ({@code ESP32}, {@code ESP32-S3})
 * @param cores          CPU cores
 * @param features       as {@code version} prints them ({@code /802.11bgn/BLE/External-Flash:8 MB})
 * @param revision       the chip revision number ({@code 301} for v3.1)
 * @param idfVersion     the ESP-IDF release ({@code v5.5})
 * @param project        the project name in the boot log
 * @param appVersion     the application version in the boot log
 * @param stationMac     when present, the application starts Wi-Fi at boot and the driver logs this MAC
 * @param versionCommand whether ESP-IDF's {@code version} command is registered
 * @param colours        whether log lines carry ANSI colours ({@code CONFIG_LOG_COLORS})
 */
public record EspIdfConsoleConfig(String prompt, String model, int cores, String features, int revision,
		String idfVersion, String project, String appVersion, Optional<MacAddress> stationMac, boolean versionCommand,
		boolean colours) {

	public EspIdfConsoleConfig {
		Objects.requireNonNull(prompt);
		Objects.requireNonNull(model);
		Objects.requireNonNull(features);
		Objects.requireNonNull(idfVersion);
		Objects.requireNonNull(project);
		Objects.requireNonNull(appVersion);
		Objects.requireNonNull(stationMac);
	}

	/** @return ESP-IDF's {@code console} example on an ESP32 (v3.1) with Wi-Fi started, prompt {@code esp32>} */
	public static EspIdfConsoleConfig defaults() {
		return new EspIdfConsoleConfig("esp32>", "ESP32", 2, "/802.11bgn/BLE/BT/External-Flash:4 MB", 301, "v5.5", //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$
				"console", "1.0", Optional.of(MacAddress.parse("24:0a:c4:5e:11:02")), true, true); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
	}

	public EspIdfConsoleConfig withPrompt(String value) {
		return new EspIdfConsoleConfig(value, model, cores, features, revision, idfVersion, project, appVersion,
				stationMac, versionCommand, colours);
	}

	public EspIdfConsoleConfig withChip(String newModel, int newCores, String newFeatures, int newRevision) {
		return new EspIdfConsoleConfig(prompt, newModel, newCores, newFeatures, newRevision, idfVersion, project,
				appVersion, stationMac, versionCommand, colours);
	}

	/** @param value empty for an application that does not start Wi-Fi (its boot log shows no MAC) */
	public EspIdfConsoleConfig withStationMac(Optional<MacAddress> value) {
		return new EspIdfConsoleConfig(prompt, model, cores, features, revision, idfVersion, project, appVersion,
				value, versionCommand, colours);
	}

	public EspIdfConsoleConfig withVersionCommand(boolean value) {
		return new EspIdfConsoleConfig(prompt, model, cores, features, revision, idfVersion, project, appVersion,
				stationMac, value, colours);
	}

	public EspIdfConsoleConfig withColours(boolean value) {
		return new EspIdfConsoleConfig(prompt, model, cores, features, revision, idfVersion, project, appVersion,
				stationMac, versionCommand, value);
	}
}
