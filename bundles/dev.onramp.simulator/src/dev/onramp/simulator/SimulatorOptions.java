/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.simulator;

import java.time.Duration;
import java.util.Objects;

import dev.onramp.core.MacAddress;

/**
 * How a simulated MicroPython device behaves.
 *
 * @param mac         its Wi-Fi station MAC (the pyDirect hostname derives from it)
 * @param pyDirect    whether the image runs pyDirect's scripts (boot.py, main.py, {@code lib.sys.settings})
 * @param rawPaste    whether the firmware supports raw-paste mode (MicroPython 1.14+)
 * @param hashlib     whether {@code hashlib} is built in
 * @param baudRate    0 for an unthrottled line, else bytes pace at baud/10 per second in each direction (8N1)
 * @param version     MicroPython release, for example {@code 1.24.1}
 * @param machine     board and chip, as {@code os.uname().machine}
 * @param heartbeat   how often main.py prints while running
 * @param rebootDelay how long a hard reset keeps the device away
 * @param window      raw-paste window in bytes
 * @param resetKeepsLine whether {@code machine.reset()} keeps the line (a board behind a CP210x/CH340 USB-UART
 *                       bridge) instead of dropping it (native USB, or the TCP connection of the simulator server)
 * @param network     Wi-Fi networks in range, the HTTPS port and mDNS announcement after a blessing
 * @param binaryStdin whether {@code sys.stdin.buffer} and {@code micropython.kbd_intr} exist (ESP32 builds of
 *                    MicroPython have both; a binary upload needs them, minimal ports may lack them)
 * @param interruptWindow on a pyDirect board, how long after the boot output Ctrl-C still reaches the REPL (the rest
 *                    of boot.py and main.py's imports); after it main.py's loop swallows Ctrl-C
 */
public record SimulatorOptions(MacAddress mac, boolean pyDirect, boolean rawPaste, boolean hashlib, int baudRate,
		String version, String machine, Duration heartbeat, Duration rebootDelay, int window, boolean resetKeepsLine,
		SimulatedNetwork network, boolean binaryStdin, Duration interruptWindow) {

	public SimulatorOptions {
		Objects.requireNonNull(mac);
		Objects.requireNonNull(version);
		Objects.requireNonNull(machine);
		Objects.requireNonNull(heartbeat);
		Objects.requireNonNull(rebootDelay);
		Objects.requireNonNull(network);
		Objects.requireNonNull(interruptWindow);
	}

	/**
	 * @return a pyDirect board with MAC {@code 24:0a:c4:12:ab:cd}, raw-paste, hashlib, unthrottled, Ctrl-C reaching
	 *         the REPL for 300 ms after the boot output
	 */
	public static SimulatorOptions pyDirectDefaults() {
		return new SimulatorOptions(MacAddress.parse("24:0a:c4:12:ab:cd"), true, true, true, 0, "1.24.1", //$NON-NLS-1$ //$NON-NLS-2$
				"Generic ESP32 module with ESP32", Duration.ofMillis(100), Duration.ofMillis(300), 128, false, //$NON-NLS-1$
				SimulatedNetwork.isolated(), true, Duration.ofMillis(300));
	}

	public SimulatorOptions withMac(MacAddress value) {
		return new SimulatorOptions(value, pyDirect, rawPaste, hashlib, baudRate, version, machine, heartbeat,
				rebootDelay, window, resetKeepsLine, network, binaryStdin, interruptWindow);
	}

	public SimulatorOptions withPyDirect(boolean value) {
		return new SimulatorOptions(mac, value, rawPaste, hashlib, baudRate, version, machine, heartbeat, rebootDelay,
				window, resetKeepsLine, network, binaryStdin, interruptWindow);
	}

	public SimulatorOptions withRawPaste(boolean value) {
		return new SimulatorOptions(mac, pyDirect, value, hashlib, baudRate, version, machine, heartbeat, rebootDelay,
				window, resetKeepsLine, network, binaryStdin, interruptWindow);
	}

	public SimulatorOptions withHashlib(boolean value) {
		return new SimulatorOptions(mac, pyDirect, rawPaste, value, baudRate, version, machine, heartbeat, rebootDelay,
				window, resetKeepsLine, network, binaryStdin, interruptWindow);
	}

	public SimulatorOptions withBaudRate(int value) {
		return new SimulatorOptions(mac, pyDirect, rawPaste, hashlib, value, version, machine, heartbeat, rebootDelay,
				window, resetKeepsLine, network, binaryStdin, interruptWindow);
	}

	public SimulatorOptions withRebootDelay(Duration value) {
		return new SimulatorOptions(mac, pyDirect, rawPaste, hashlib, baudRate, version, machine, heartbeat, value,
				window, resetKeepsLine, network, binaryStdin, interruptWindow);
	}

	public SimulatorOptions withResetKeepingTheLine(boolean value) {
		return new SimulatorOptions(mac, pyDirect, rawPaste, hashlib, baudRate, version, machine, heartbeat,
				rebootDelay, window, value, network, binaryStdin, interruptWindow);
	}

	public SimulatorOptions withNetwork(SimulatedNetwork value) {
		return new SimulatorOptions(mac, pyDirect, rawPaste, hashlib, baudRate, version, machine, heartbeat,
				rebootDelay, window, resetKeepsLine, value, binaryStdin, interruptWindow);
	}

	/** @param value {@code false} for firmware without {@code sys.stdin.buffer} / {@code micropython.kbd_intr} */
	public SimulatorOptions withBinaryStdin(boolean value) {
		return new SimulatorOptions(mac, pyDirect, rawPaste, hashlib, baudRate, version, machine, heartbeat,
				rebootDelay, window, resetKeepsLine, network, value, interruptWindow);
	}

	/** @param value how often main.py prints a line while it runs (a few milliseconds: a board that chatters) */
	public SimulatorOptions withHeartbeat(Duration value) {
		return new SimulatorOptions(mac, pyDirect, rawPaste, hashlib, baudRate, version, machine, value, rebootDelay,
				window, resetKeepsLine, network, binaryStdin, interruptWindow);
	}

	/** @param value how long after the boot output Ctrl-C interrupts a pyDirect board's main.py */
	public SimulatorOptions withInterruptWindow(Duration value) {
		return new SimulatorOptions(mac, pyDirect, rawPaste, hashlib, baudRate, version, machine, heartbeat,
				rebootDelay, window, resetKeepsLine, network, binaryStdin, value);
	}
}
