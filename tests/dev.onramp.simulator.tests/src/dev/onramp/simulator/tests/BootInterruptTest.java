/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.simulator.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.onramp.core.serial.IByteChannel;
import dev.onramp.simulator.SimulatedMicroPythonDevice;
import dev.onramp.simulator.SimulatorOptions;

/**
 * Ctrl-C on a pyDirect board as the published main.py takes it: only right after the boot output does it reach the
 * REPL; main.py's loop catches KeyboardInterrupt and starts its servers again. A plain MicroPython main.py stops.
 */
class BootInterruptTest {

	private static final Duration WAIT = Duration.ofSeconds(5);
	/** How long a swallowed Ctrl-C is given to turn into a REPL after all (it must not). */
	private static final Duration NO_REPL = Duration.ofSeconds(1);
	private static final String TICK = "main.py: pyDirect running, tick";

	private SimulatedMicroPythonDevice device;

	@AfterEach
	void tearDown() {
		if (device != null) {
			device.close();
		}
	}

	private DeviceConsole boot(SimulatorOptions options) {
		device = SimulatedMicroPythonDevice.withTemporaryFlash(options);
		return new DeviceConsole(device.connectPipe());
	}

	@Test
	void ctrlCWhileMainPyLoopsIsSwallowed() throws Exception {
		try (DeviceConsole console = boot(SimulatorOptions.pyDirectDefaults()
				.withInterruptWindow(Duration.ofMillis(20)))) {
			assertTrue(console.await("System booting...", WAIT));
			assertTrue(console.await(TICK, WAIT), "main.py's loop runs: " + console.seen());
			console.send("\r\u0003\u0003\r\u0001");
			assertTrue(console.await("[INFO] Starting servers...", WAIT), console.seen());
			assertFalse(console.await(DeviceConsole.RAW_BANNER, NO_REPL), "no REPL: " + console.seen());
			assertFalse(console.seen().contains("KeyboardInterrupt"));
			assertTrue(console.await(TICK, WAIT), "main.py still runs");
		}
	}

	@Test
	void ctrlCRightAfterTheResetBannerReachesTheRepl() throws Exception {
		try (DeviceConsole console = boot(SimulatorOptions.pyDirectDefaults()
				.withInterruptWindow(Duration.ofSeconds(1)))) {
			assertTrue(console.await(TICK, WAIT), console.seen());
			device.pressReset();
			assertTrue(console.await("rst:0x1 (POWERON_RESET)", WAIT), console.seen());
			assertTrue(console.await("System booting...\r\n", WAIT));
			console.send("\u0003");
			assertTrue(console.await("KeyboardInterrupt: \r\n", WAIT), console.seen());
			assertTrue(console.await("Type \"help()\" for more information.\r\n>>> ", WAIT));
			console.send("\u0001");
			assertTrue(console.await(DeviceConsole.RAW_BANNER, WAIT));
			assertEquals(1, device.hardResets());
		}
	}

	@Test
	void theCablesResetWiringRebootsTheBoardIntoTheWindow() throws Exception {
		device = SimulatedMicroPythonDevice.withTemporaryFlash(SimulatorOptions.pyDirectDefaults()
				.withInterruptWindow(Duration.ofSeconds(1)));
		IByteChannel line = device.connectPipe();
		try (DeviceConsole console = new DeviceConsole(line)) {
			assertTrue(console.await(TICK, WAIT), console.seen());
			line.modemLines().orElseThrow().resetIntoFirmware();
			assertTrue(console.await("System booting...\r\n", WAIT), console.seen());
			console.send("\u0003");
			assertTrue(console.await("KeyboardInterrupt: \r\n", WAIT), console.seen());
			assertEquals(1, device.hardResets());
		}
	}

	@Test
	void theWindowStaysOpenAsLongAsTheOptionsSay() throws Exception {
		try (DeviceConsole console = boot(SimulatorOptions.pyDirectDefaults()
				.withInterruptWindow(Duration.ofSeconds(30)))) {
			assertTrue(console.await("System booting...\r\n", WAIT));
			assertFalse(console.await(TICK, NO_REPL), "main.py's loop has not started yet");
			console.send("\r\u0003");
			assertTrue(console.await("  File \"main.py\", line ", WAIT), console.seen());
			assertTrue(console.await(">>> ", WAIT));
		}
	}

	@Test
	void aSoftRebootAtTheFriendlyPromptRunsBootAndMainPyAgain() throws Exception {
		try (DeviceConsole console = boot(SimulatorOptions.pyDirectDefaults()
				.withInterruptWindow(Duration.ofSeconds(30)))) {
			assertTrue(console.await("System booting...\r\n", WAIT));
			console.send("\u0003");
			assertTrue(console.await(">>> ", WAIT));
			console.send("\u0004");
			assertTrue(console.await("MPY: soft reboot\r\nSystem booting...\r\n", WAIT), console.seen());
			assertEquals(1, device.softResets());
			console.send("\u0003");
			assertTrue(console.await("KeyboardInterrupt", WAIT), console.seen());
			assertTrue(console.await(">>> ", WAIT));
		}
	}

	@Test
	void aSoftRebootAtTheFriendlyPromptEndsInTheSwallowingLoop() throws Exception {
		try (DeviceConsole console = boot(SimulatorOptions.pyDirectDefaults()
				.withInterruptWindow(Duration.ofMillis(200)))) {
			assertTrue(console.await("System booting...\r\n", WAIT));
			console.send("\u0003");
			assertTrue(console.await(">>> ", WAIT), console.seen());
			console.send("\u0004");
			assertTrue(console.await("MPY: soft reboot\r\n", WAIT), console.seen());
			assertTrue(console.await(TICK + " 1\r\n", WAIT), console.seen());
			console.send("\u0003\u0001");
			assertFalse(console.await(DeviceConsole.RAW_BANNER, NO_REPL), console.seen());
		}
	}

	@Test
	void plainMicroPythonMainPyStopsOnCtrlCAtAnyTime() throws Exception {
		try (DeviceConsole console = boot(SimulatorOptions.pyDirectDefaults().withPyDirect(false))) {
			assertTrue(console.await("main.py: app running, tick 2", WAIT), console.seen());
			console.send("\u0003");
			assertTrue(console.await("KeyboardInterrupt: \r\n", WAIT), console.seen());
			assertTrue(console.await(">>> ", WAIT));
		}
	}
}
