/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.core.identify;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What an ESP-IDF console ({@code esp_console} REPL) told about the device: from its {@code help} and
 * {@code version} commands, and from the application's boot log when the port saw it.
 *
 * @param prompt     the prompt without its trailing space, for example {@code esp32>}
 * @param commands   the commands {@code help} lists; empty when the console has no {@code help}
 * @param idfVersion the ESP-IDF release, for example {@code v5.5}
 * @param chip       the chip model, for example {@code ESP32-S3}
 * @param revision   the chip revision number as {@code version} prints it
 * @param cores      the number of CPU cores
 * @param features   the chip features as {@code version} lists them, for example
 *                   {@code 802.11bgn/BLE/External-Flash:8 MB}
 * @param project    the application's project name, from the boot log
 * @param appVersion the application's version, from the boot log
 */
public record EspIdfConsoleInfo(String prompt, List<String> commands, Optional<String> idfVersion,
		Optional<String> chip, Optional<Integer> revision, Optional<Integer> cores, Optional<String> features,
		Optional<String> project, Optional<String> appVersion) {

	public EspIdfConsoleInfo {
		Objects.requireNonNull(prompt);
		commands = List.copyOf(commands);
		Objects.requireNonNull(idfVersion);
		Objects.requireNonNull(chip);
		Objects.requireNonNull(revision);
		Objects.requireNonNull(cores);
		Objects.requireNonNull(features);
		Objects.requireNonNull(project);
		Objects.requireNonNull(appVersion);
	}
}
