/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.provisioning.internal.identify;

import java.nio.charset.StandardCharsets;

import dev.onramp.fuzz.Decoding;
import dev.onramp.fuzz.Fuzz;
import dev.onramp.fuzz.Mutations;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * What a port says when Onramp identifies the device on it: ESP-IDF logs, console prompts, {@code help} and
 * {@code version} output, boot logs with the station MAC, MicroPython banners, and line noise.
 */
class IdentifyFuzzTest {

	@Property(seed = Fuzz.SEED)
	void transcriptsAreReadWithoutFailing(@ForAll("transcripts") byte[] transcript) {
		Decoding.check("identify.transcript", transcript.length, () -> { //$NON-NLS-1$
			LineEvidence evidence = LineEvidence.of(transcript);
			evidence.hint();
			evidence.waitsForInput();
			evidence.silent();
			evidence.garbage();
			evidence.espIdfLog();
			evidence.lastLine();
			evidence.sample();
			evidence.stationMac();
			String clean = ConsoleText.clean(ConsoleText.text(transcript));
			ConsoleText.commands(clean);
			ConsoleText.fields(clean);
			ConsoleText.bootLogValue(clean, "App version"); //$NON-NLS-1$
			return ConsoleText.lastPrompt(clean);
		});
	}

	@Provide
	Arbitrary<byte[]> transcripts() {
		Arbitrary<byte[]> valid = Arbitraries.of(
				"ets Jun  8 2016 00:22:57\r\n\u001b[0;32mI (588) wifi:mode : sta (24:0a:c4:00:11:22)\u001b[0m\r\nI (30) cpu_start: Project name:     console\r\nI (31) cpu_start: App version:      1.0\r\nesp32> ", //$NON-NLS-1$
				"help\r\nversion \r\n  Get version of chip and SDK\r\nwifi_join  <ssid> [<pass>]\r\n  Join WiFi AP\r\n\r\nesp32> version\r\nIDF Version:v5.5\r\nChip info:\r\n\tmodel:ESP32-S3\r\nesp32> ", //$NON-NLS-1$
				"MicroPython v1.27.0 on 2026-01-01; ESP32 module with ESP32\r\nType \"help()\" for more information.\r\n>>> ", //$NON-NLS-1$
				"raw REPL; CTRL-B to exit\r\n>", "Type 'help' to get the list of commands.\r\n[esp32]> ") //$NON-NLS-1$ //$NON-NLS-2$
				.map(s -> s.getBytes(StandardCharsets.ISO_8859_1));
		return Mutations.mutated(valid, "esp32> ", "\u001b[", "wifi:mode : sta (", "I (1) x: ", ">>> ", ":", "\n"); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$ //$NON-NLS-5$ //$NON-NLS-6$ //$NON-NLS-7$
	}
}
