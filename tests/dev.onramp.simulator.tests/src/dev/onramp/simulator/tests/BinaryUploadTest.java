/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.simulator.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.onramp.core.FailureReason;
import dev.onramp.core.OnrampException;
import dev.onramp.core.repl.DeviceErrorException;
import dev.onramp.core.repl.FileTransferProgress;
import dev.onramp.core.repl.IReplSession;
import dev.onramp.core.repl.PutResult;
import dev.onramp.core.repl.ReplOptions;
import dev.onramp.serial.repl.internal.ReplService;
import dev.onramp.simulator.Fault;
import dev.onramp.simulator.SimulatedMicroPythonDevice;
import dev.onramp.simulator.SimulatorOptions;
import dev.onramp.simulator.SimulatorServer;

/** {@code put} in binary mode (raw bytes read from {@code sys.stdin.buffer}) and its fallback to base64. */
class BinaryUploadTest {

	private static final NullProgressMonitor MONITOR = new NullProgressMonitor();
	private static final FileTransferProgress NONE = FileTransferProgress.NONE;

	private final List<SimulatedMicroPythonDevice> devices = new ArrayList<>();
	private final AtomicLong sent = new AtomicLong();
	private SimulatedMicroPythonDevice device;

	@BeforeEach
	void setUp() {
		device = device(SimulatorOptions.pyDirectDefaults());
	}

	@AfterEach
	void tearDown() {
		devices.forEach(SimulatedMicroPythonDevice::close);
	}

	private SimulatedMicroPythonDevice device(SimulatorOptions options) {
		SimulatedMicroPythonDevice created = SimulatedMicroPythonDevice.withTemporaryFlash(options);
		devices.add(created);
		return created;
	}

	/** A session whose host-to-device bytes are counted in {@link #sent}. */
	private IReplSession connect(SimulatedMicroPythonDevice target, ReplOptions options) throws OnrampException {
		return new ReplService().connect(() -> new CountingChannel(target.connectPipe(), sent, new AtomicLong()), options, MONITOR);
	}

	/** The REPL's control characters in every combination that matters, every byte value, then random bytes. */
	static byte[] hostileBytes(int size) {
		byte[] data = Simulators.randomBytes(size, size);
		byte[] head = { 3, 4, 1, 3, 3, 4, 4, 5, 'A', 1, 2, 6, '\r', '\n', 4, 0, 3 };
		int at = 0;
		for (int i = 0; i < head.length && at < size; i++) {
			data[at++] = head[i];
		}
		for (int v = 0; v < 256 && at < size; v++) {
			data[at++] = (byte) v;
		}
		return data;
	}

	@ParameterizedTest
	@ValueSource(ints = { 0, 1, 4096, 65536 })
	void uploadsInBinaryByteExact(int size) throws Exception {
		byte[] data = hostileBytes(size);
		try (IReplSession session = connect(device, Simulators.fastOptions())) {
			long before = sent.get();
			PutResult result = session.files().put("/data/blob.bin", data, NONE);
			long wire = sent.get() - before;
			assertFalse(result.skipped());
			assertEquals(PutResult.Verification.DEVICE_SHA256, result.verification());
			assertTrue(wire < size + 3000L, "binary, not base64: " + wire + " bytes sent for " + size);
			// the session goes on normally: Ctrl-C is interpreted again and the REPL answers
			assertEquals("2", session.execOrThrow("print(1+1)", "after the upload").strip());
		}
		assertArrayEquals(data, Files.readAllBytes(device.flash().resolve("data/blob.bin")));
		assertFalse(Files.exists(device.flash().resolve("data/blob.bin.tmp")));
		assertEquals(0, device.flowControlViolations());
	}

	@Test
	void skipsIdenticalContentAndReplacesChangedContent() throws Exception {
		byte[] data = hostileBytes(5000);
		byte[] changed = data.clone();
		changed[4999] ^= 1;
		try (IReplSession session = connect(device, Simulators.fastOptions())) {
			assertFalse(session.files().put("/main.py", data, NONE).skipped());
			long before = sent.get();
			assertTrue(session.files().put("/main.py", data, NONE).skipped());
			assertTrue(sent.get() - before < 1000, "nothing uploaded: " + (sent.get() - before));
			assertFalse(session.files().put("/main.py", changed, NONE).skipped());
		}
		assertArrayEquals(changed, Files.readAllBytes(device.flash().resolve("main.py")));
	}

	@Test
	void anUploadCutOffMidTransferKeepsTheOldFile() throws Exception {
		byte[] old = hostileBytes(3000);
		byte[] replacement = Simulators.randomBytes(65536, 7);
		try (IReplSession session = connect(device, Simulators.fastOptions())) {
			session.files().put("/certs/cert.pem", old, NONE);
			OnrampException e = assertTimeoutPreemptively(Duration.ofSeconds(20),
					() -> assertThrows(OnrampException.class, () -> session.files().put("/certs/cert.pem",
							replacement, injectAt(16384, Fault.dropLineAfter(700)))));
			assertEquals(FailureReason.DEVICE_VANISHED, e.reason(), e.getMessage());
			assertTrue(e.getMessage().contains("cut off") && e.getMessage().contains("previous version"),
					e.getMessage());
			assertFalse(session.isOpen());
		}
		assertArrayEquals(old, Files.readAllBytes(device.flash().resolve("certs/cert.pem")));
		try (IReplSession again = connect(device, Simulators.fastOptions())) {
			assertArrayEquals(old, again.files().get("/certs/cert.pem", NONE));
			again.files().put("/certs/cert.pem", replacement, NONE);
		}
		assertArrayEquals(replacement, Files.readAllBytes(device.flash().resolve("certs/cert.pem")));
	}

	@Test
	void fallsBackToBase64WithoutKbdIntr() throws Exception {
		SimulatedMicroPythonDevice minimal = device(SimulatorOptions.pyDirectDefaults().withBinaryStdin(false));
		byte[] data = hostileBytes(4096);
		try (IReplSession session = connect(minimal, Simulators.fastOptions())) {
			long before = sent.get();
			PutResult result = session.files().put("/blob.bin", data, NONE);
			assertEquals(PutResult.Verification.DEVICE_SHA256, result.verification());
			assertTrue(sent.get() - before > 4096 * 4 / 3, "base64: " + (sent.get() - before));
			// the probe is asked once per session
			before = sent.get();
			session.files().put("/other.bin", data, NONE);
			assertTrue(sent.get() - before > 4096 * 4 / 3);
		}
		assertArrayEquals(data, Files.readAllBytes(minimal.flash().resolve("blob.bin")));
		assertArrayEquals(data, Files.readAllBytes(minimal.flash().resolve("other.bin")));
	}

	@Test
	void aDeviceFallingSilentMidTransferTimesOutWithinTheBound() throws Exception {
		Duration bound = Duration.ofMillis(1500);
		try (IReplSession session = connect(device, Simulators.fastOptions().withExecTimeout(bound))) {
			long start = System.nanoTime();
			OnrampException e = assertTimeoutPreemptively(Duration.ofSeconds(10),
					() -> assertThrows(OnrampException.class, () -> session.files().put("/big.bin",
							Simulators.randomBytes(32768, 3), injectAt(4096, Fault.silent()))));
			Duration took = Duration.ofNanos(System.nanoTime() - start);
			assertEquals(FailureReason.TIMEOUT, e.reason(), e.getMessage());
			assertTrue(took.compareTo(bound.plusSeconds(2)) < 0, "bounded: " + took);
			assertFalse(session.isOpen(), "the device may still wait for data: the session is closed");
		}
		assertFalse(Files.exists(device.flash().resolve("big.bin")));
	}

	@Test
	void aDevicePrintingGarbageMidTransferGivesAProtocolError() throws Exception {
		try (IReplSession session = connect(device, Simulators.fastOptions())) {
			OnrampException e = assertTimeoutPreemptively(Duration.ofSeconds(10),
					() -> assertThrows(OnrampException.class, () -> session.files().put("/big.bin",
							Simulators.randomBytes(32768, 3), injectAt(4096, Fault.garbage()))));
			assertEquals(FailureReason.PROTOCOL_ERROR, e.reason(), e.getMessage());
			assertFalse(session.isOpen());
		}
		assertFalse(Files.exists(device.flash().resolve("big.bin")));
	}

	@Test
	void aReceiverThatCannotOpenTheFileReportsTheDeviceError() throws Exception {
		Files.createDirectories(device.flash().resolve("x.bin.tmp"));
		try (IReplSession session = connect(device, Simulators.fastOptions())) {
			OnrampException e = assertThrows(OnrampException.class,
					() -> session.files().put("/x.bin", hostileBytes(2000), NONE));
			DeviceErrorException error = assertInstanceOf(DeviceErrorException.class, e);
			assertTrue(error.getMessage().contains("EISDIR"), error.getMessage());
			// the receiver never ran: the session still works
			assertEquals("ok", session.execOrThrow("print('ok')", "after").strip());
		}
	}

	@Test
	void worksOverTcpWithTheFirmwarePacingBothDirections() throws Exception {
		int baud = 230400;
		SimulatedMicroPythonDevice paced = device(SimulatorOptions.pyDirectDefaults().withBaudRate(baud));
		byte[] data = hostileBytes(16384);
		try (SimulatorServer server = new SimulatorServer(paced);
				IReplSession session = new ReplService().connect(Simulators.socketOpener(server.port()),
						Simulators.fastOptions(), MONITOR)) {
			long start = System.nanoTime();
			session.files().put("/paced.bin", data, NONE);
			double seconds = (System.nanoTime() - start) / 1e9;
			// rate simulation: the payload alone needs size / (baud / 10) seconds on the line
			assertTrue(seconds >= data.length / (baud / 10.0), "throttled: " + seconds + " s");
			assertArrayEquals(data, Files.readAllBytes(paced.flash().resolve("paced.bin")));
		}
	}

	@Test
	void worksWithPlainRawExecutionToo() throws Exception {
		SimulatedMicroPythonDevice old = device(SimulatorOptions.pyDirectDefaults().withRawPaste(false));
		byte[] data = hostileBytes(4096);
		try (IReplSession session = connect(old, Simulators.fastOptions())) {
			long before = sent.get();
			session.files().put("/plain.bin", data, NONE);
			assertTrue(sent.get() - before < data.length + 3000L, "binary: " + (sent.get() - before));
		}
		assertArrayEquals(data, Files.readAllBytes(old.flash().resolve("plain.bin")));
		assertEquals(0, old.rawPasteExecs());
	}

	/** @return a progress callback that injects a fault once {@code at} bytes are acknowledged (once) */
	private FileTransferProgress injectAt(long at, Fault fault) {
		boolean[] done = { false };
		return (d, t) -> {
			if (d >= at && !done[0]) {
				done[0] = true;
				device.injectFault(fault);
			}
		};
	}
}
