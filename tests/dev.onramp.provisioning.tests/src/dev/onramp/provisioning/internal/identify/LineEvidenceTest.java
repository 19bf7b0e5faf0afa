/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.provisioning.internal.identify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

/**
 * What the output a device printed on its own says before anything is sent: which output makes the REPL go first,
 * and which leaves the default order (Improv first) or points at the console. The texts are as the devices print
 * them: an ESP32's ROM lines, ESP-IDF log lines, ESPHome's log format, MicroPython's traceback.
 */
class LineEvidenceTest {

	private static final String ROM = "ets Jul 29 2019 12:21:46\r\n\r\nrst:0x1 (POWERON_RESET),boot:0x13 (SPI_FAST_FLASH_BOOT)\r\n"
			+ "configsip: 0, SPIWP:0xee\r\nclk_drv:0x00,q_drv:0x00,d_drv:0x00,cs0_drv:0x00,hd_drv:0x00,wp_drv:0x00\r\n"
			+ "mode:DIO, clock div:2\r\nload:0x3fff0030,len:4728\r\nload:0x40078000,len:14876\r\nentry 0x4008061c\r\n";

	@Test
	void aProgramPrintingPlainTextLineAfterLineMakesTheReplGoFirst() {
		LineEvidence seen = evidence(ROM + "app: starting\r\n" + ticks(1, LineEvidence.RUNNING_LINES));
		assertEquals(LineEvidence.Hint.RUNNING_TEXT, seen.hint());
		assertEquals(true, new ReplProbe(null).suits(seen));
		assertFalse(new ImprovProbe().suits(seen));
		assertFalse(new EspIdfConsoleProbe().suits(seen));
	}

	@Test
	void fewerLinesOrTheBootLoadersOwnAreNoRunningProgram() {
		assertEquals(LineEvidence.Hint.NONE, evidence(ROM).hint(), "the ROM's lines are not the application's");
		assertEquals(LineEvidence.Hint.NONE,
				evidence(ROM + "app: starting\r\n" + ticks(1, LineEvidence.RUNNING_LINES - 2)).hint(),
				"one line fewer than needed");
		assertEquals(LineEvidence.Hint.NONE,
				evidence(ticks(1, LineEvidence.RUNNING_LINES - 1) + "main.py: app running, t").hint(),
				"a line still arriving does not count");
	}

	@Test
	void espIdfLogLinesAreNoRunningTextProgram() {
		StringBuilder log = new StringBuilder(ROM);
		for (int i = 0; i < 2 * LineEvidence.RUNNING_LINES; i++) {
			log.append("\u001B[0;32mI (").append(300 + i).append(") sensor: reading ").append(i).append("\u001B[0m\r\n");
		}
		assertEquals(LineEvidence.Hint.NONE, evidence(log.toString()).hint());
		assertEquals(LineEvidence.Hint.NONE,
				evidence(ticks(1, LineEvidence.RUNNING_LINES) + "W (1200) wifi: beacon timeout\r\n").hint(),
				"a log line among the last lines breaks the run");
	}

	@Test
	void esphomeLogLinesLeaveImprovFirst() {
		StringBuilder log = new StringBuilder();
		for (int i = 0; i < 2 * LineEvidence.RUNNING_LINES; i++) {
			log.append("[D][sensor:094]: 'Temperature': Sending state ").append(20 + i).append(".5 C\r\n");
		}
		assertEquals(LineEvidence.Hint.NONE, evidence(log.toString()).hint());
	}

	@Test
	void aConsoleCheckingForATerminalIsNeverTakenForARunningProgram() {
		assertEquals(LineEvidence.Hint.NONE,
				evidence(ticks(1, LineEvidence.RUNNING_LINES) + "\u001B[5n").hint(),
				"bytes sent now would be taken for the terminal's answer");
	}

	@Test
	void aConsolePromptAfterPlainTextPointsAtTheConsole() {
		assertEquals(LineEvidence.Hint.ESP_IDF_CONSOLE,
				evidence(ticks(1, LineEvidence.RUNNING_LINES) + "\r\nesp32> ").hint());
	}

	@Test
	void aTracebackOrASoftRebootIsMicroPython() {
		assertEquals(LineEvidence.Hint.MICROPYTHON, evidence("Traceback (most recent call last):\r\n"
				+ "  File \"main.py\", line 12, in <module>\r\nKeyboardInterrupt: \r\n").hint());
		assertEquals(LineEvidence.Hint.MICROPYTHON, evidence("MPY: soft reboot\r\n").hint());
	}

	@Test
	void pyDirectsBootBannerIsMicroPythonAtTheMomentCtrlCStillReachesTheRepl() {
		assertEquals(LineEvidence.Hint.MICROPYTHON, evidence(ROM + "System booting...\r\n").hint());
	}

	@Test
	void garbageIsNoRunningProgram() {
		byte[] noise = new byte[400];
		for (int i = 0; i < noise.length; i++) {
			noise[i] = (byte) (i % 7 == 0 ? '\n' : 0x80 + i % 100);
		}
		assertEquals(LineEvidence.Hint.NONE, LineEvidence.of(noise).hint());
	}

	private static String ticks(int from, int count) {
		StringBuilder lines = new StringBuilder();
		for (int i = from; i < from + count; i++) {
			lines.append("main.py: app running, tick ").append(i).append("\r\n");
		}
		return lines.toString();
	}

	private static LineEvidence evidence(String output) {
		return LineEvidence.of(output.getBytes(StandardCharsets.ISO_8859_1));
	}
}
