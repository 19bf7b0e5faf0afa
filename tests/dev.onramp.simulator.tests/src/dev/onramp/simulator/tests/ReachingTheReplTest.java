/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.simulator.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.onramp.core.FailureReason;
import dev.onramp.core.OnrampException;
import dev.onramp.core.repl.DeviceIdentity;
import dev.onramp.core.repl.IReplSession;
import dev.onramp.core.repl.ReplOptions;
import dev.onramp.core.serial.IByteChannel;
import dev.onramp.core.serial.IModemLines;
import dev.onramp.serial.repl.internal.ReplService;
import dev.onramp.simulator.Fault;
import dev.onramp.simulator.SimulatedMicroPythonDevice;
import dev.onramp.simulator.SimulatorOptions;

/**
 * The product's REPL client against a board whose main.py ignores Ctrl-C, as pyDirect's does (PROTOCOLS.md §4): it
 * restarts the board through RTS and interrupts it at its boot banner; without reset lines it waits for a person to
 * press RESET when allowed to, and says what to do when it cannot get in.
 */
class ReachingTheReplTest {

	private final List<SimulatedMicroPythonDevice> devices = new ArrayList<>();

	private SimulatedMicroPythonDevice pyDirect() {
		SimulatedMicroPythonDevice device = SimulatedMicroPythonDevice.withTemporaryFlash(SimulatorOptions.pyDirectDefaults());
		devices.add(device);
		return device;
	}

	/**
	 * @return a line to the board once its main.py runs its loop (the moment after a reset, when Ctrl-C still works,
	 *         is over)
	 */
	private static IByteChannel pastItsBoot(IByteChannel line) throws OnrampException {
		String loop = "main.py: pyDirect running"; //$NON-NLS-1$
		StringBuilder seen = new StringBuilder();
		byte[] buffer = new byte[256];
		long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
		while (seen.indexOf(loop) < 0) {
			assertTrue(System.nanoTime() - deadline < 0, "main.py never ran its loop: " + seen); //$NON-NLS-1$
			int n = line.read(buffer, 0, buffer.length, Duration.ofMillis(200));
			seen.append(new String(buffer, 0, n, java.nio.charset.StandardCharsets.ISO_8859_1));
		}
		return line;
	}

	@AfterEach
	void tearDown() {
		devices.forEach(SimulatedMicroPythonDevice::close);
	}

	@Test
	void aBoardWhoseMainPyIgnoresCtrlCIsResetThroughRtsAndCaughtAtItsBanner() throws Exception {
		SimulatedMicroPythonDevice device = pyDirect();
		IByteChannel running = pastItsBoot(device.connectPipe());
		try (IReplSession session = new ReplService().connect(() -> running, Simulators.fastOptions(),
				new NullProgressMonitor())) {
			assertEquals(1, device.hardResets(), "one restart through RTS");
			DeviceIdentity identity = session.identify();
			assertTrue(identity.pyDirect(), identity::toString);
			String mac = device.mac().toString().replace(":", ""); //$NON-NLS-1$ //$NON-NLS-2$
			assertEquals(Optional.of("pydirect-" + mac.substring(8).toLowerCase()), identity.hostname(), //$NON-NLS-1$
					"wifi.py's rule, in lower case as the installer stores it");
		}
		// closing leaves the board running its firmware again: a soft reboot runs boot.py and main.py
		long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
		while (device.softResets() < 1) {
			assertTrue(System.nanoTime() - deadline < 0, "the board was left parked in its REPL"); //$NON-NLS-1$
			LockSupport.parkNanos(1_000_000); // polls a condition with a deadline
		}
	}

	@Test
	void withoutResetLinesTheClientSaysTheBoardIgnoresCtrlCAndHowToGetIn() {
		SimulatedMicroPythonDevice device = pyDirect();
		OnrampException failure = assertThrows(OnrampException.class,
				() -> new ReplService().connect(() -> new WithoutResetLines(pastItsBoot(device.connectPipe())),
						Simulators.fastOptions(), new NullProgressMonitor()));
		assertEquals(FailureReason.PROTOCOL_ERROR, failure.reason(), failure::userText);
		String hint = failure.hint().orElseThrow();
		assertTrue(hint.contains("RESET") && hint.contains("rfc2217://"), hint);
		assertEquals(0, device.hardResets(), "nothing could reset it");
	}

	@Test
	void withoutResetLinesAPersonPressingResetWhileOnrampWaitsLetsItIn() throws Exception {
		SimulatedMicroPythonDevice device = pyDirect();
		AtomicInteger interrupts = new AtomicInteger();
		ReplOptions options = Simulators.fastOptions().withResetButtonWait(Duration.ofSeconds(20));
		CompletableFuture<IReplSession> connecting = CompletableFuture.supplyAsync(() -> {
			try {
				return new ReplService().connect(() -> new WithoutResetLines(pastItsBoot(device.connectPipe()), interrupts), options,
						new NullProgressMonitor());
			} catch (OnrampException e) {
				throw new IllegalStateException(e.userText(), e);
			}
		});
		// the person presses RESET once Onramp is at work on the line, whenever that is
		long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
		while (interrupts.get() < 2) {
			assertTrue(System.nanoTime() - deadline < 0, "Onramp never interrupted the running program"); //$NON-NLS-1$
			LockSupport.parkNanos(1_000_000); // polls a condition with a deadline
		}
		device.pressReset();
		try (IReplSession session = connecting.get(30, TimeUnit.SECONDS)) {
			assertTrue(session.identify().pyDirect());
		}
	}

	@Test
	void aBoardThatRestartsButNeverYieldsSaysSo() {
		SimulatedMicroPythonDevice device = pyDirect();
		device.injectFault(Fault.silent());
		OnrampException failure = assertThrows(OnrampException.class, () -> Simulators.connect(device));
		assertTrue(failure.reason() == FailureReason.PROTOCOL_ERROR || failure.reason() == FailureReason.TIMEOUT,
				failure::userText);
		assertTrue(failure.getMessage().contains("the board on"), failure.getMessage());
		assertTrue(failure.hint().orElseThrow().contains("RESET") || failure.hint().orElseThrow().contains("another program"),
				failure::userText);
	}

	/** A serial line that carries no reset lines ({@code socket://}, a pseudo-terminal); counts the Ctrl-Cs sent. */
	private static final class WithoutResetLines implements IByteChannel {
		private final IByteChannel line;
		private final AtomicInteger interrupts;

		WithoutResetLines(IByteChannel line) {
			this(line, new AtomicInteger());
		}

		WithoutResetLines(IByteChannel line, AtomicInteger interrupts) {
			this.line = line;
			this.interrupts = interrupts;
		}

		@Override
		public String name() {
			return line.name();
		}

		@Override
		public int read(byte[] buffer, int offset, int length, Duration timeout) throws OnrampException {
			return line.read(buffer, offset, length, timeout);
		}

		@Override
		public void write(byte[] data, int offset, int length) throws OnrampException {
			for (int i = offset; i < offset + length; i++) {
				if (data[i] == 3) {
					interrupts.incrementAndGet();
				}
			}
			line.write(data, offset, length);
		}

		@Override
		public boolean isOpen() {
			return line.isOpen();
		}

		@Override
		public Optional<IModemLines> modemLines() {
			return Optional.empty();
		}

		@Override
		public void close() {
			line.close();
		}
	}
}
