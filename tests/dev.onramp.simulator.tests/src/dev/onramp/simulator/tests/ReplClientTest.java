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
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.onramp.core.FailureReason;
import dev.onramp.core.MacAddress;
import dev.onramp.core.OnrampException;
import dev.onramp.core.repl.DeviceIdentity;
import dev.onramp.core.repl.ExecMode;
import dev.onramp.core.repl.ExecResult;
import dev.onramp.core.repl.IReplSession;
import dev.onramp.core.repl.MicroPythonError;
import dev.onramp.core.repl.PutResult;
import dev.onramp.core.repl.PythonSource;
import dev.onramp.core.repl.RemoteFile;
import dev.onramp.serial.repl.internal.ReplService;
import dev.onramp.simulator.Fault;
import dev.onramp.simulator.SimulatedMicroPythonDevice;
import dev.onramp.simulator.SimulatorOptions;

/** The REPL client against the simulated pyDirect device over in-memory cables. */
class ReplClientTest {

	private final List<SimulatedMicroPythonDevice> devices = new ArrayList<>();

	private SimulatedMicroPythonDevice device(SimulatorOptions options) {
		SimulatedMicroPythonDevice device = SimulatedMicroPythonDevice.withTemporaryFlash(options);
		devices.add(device);
		return device;
	}

	private SimulatedMicroPythonDevice device;

	@BeforeEach
	void setUp() {
		device = device(SimulatorOptions.pyDirectDefaults());
	}

	@AfterEach
	void tearDown() {
		devices.forEach(SimulatedMicroPythonDevice::close);
	}

	@Test
	void entersTheRawReplWhileMainPyRunsAndSeparatesOutputFromErrors() throws Exception {
		try (IReplSession session = Simulators.connect(device)) {
			ExecResult ok = session.exec("x = 40\nprint(x + 2)");
			assertTrue(ok.ok(), ok.toString());
			assertEquals("42\r\n", ok.stdout());

			ExecResult missing = session.exec("import os\nprint('before')\nos.stat('/nope')");
			assertEquals("before\r\n", missing.stdout());
			MicroPythonError error = missing.error().orElseThrow();
			assertEquals("OSError", error.type());
			assertEquals(2, error.errno().getAsInt());
			assertEquals("ENOENT", error.errnoName());
			assertTrue(error.isOSError(MicroPythonError.ENOENT));

			MicroPythonError name = session.exec("print(undefined_thing)").error().orElseThrow();
			assertEquals("NameError", name.type());
			assertEquals("SyntaxError", session.exec("for i in x:").error().orElseThrow().type());
		}
	}

	@Test
	void usesRawPasteWithFlowControlWhenTheFirmwareHasIt() throws Exception {
		// base64 uploads (firmware without kbd_intr) make many raw-paste execs
		device = device(SimulatorOptions.pyDirectDefaults().withBinaryStdin(false));
		try (IReplSession session = Simulators.connect(device)) {
			session.files().put("/big.bin", Simulators.randomBytes(20_000, 1), (d, t) -> {
			});
			assertEquals(ExecMode.RAW_PASTE, session.mode());
		}
		assertTrue(device.rawPasteExecs() > 5);
		assertEquals(0, device.plainRawExecs());
		assertEquals(0, device.flowControlViolations(), "the client never overran the device's window");
	}

	@Test
	void fallsBackToPlainRawWithoutRawPaste() throws Exception {
		SimulatedMicroPythonDevice old = device(SimulatorOptions.pyDirectDefaults().withRawPaste(false));
		byte[] data = Simulators.randomBytes(5000, 2);
		try (IReplSession session = Simulators.connect(old)) {
			session.files().put("/a.bin", data, (d, t) -> {
			});
			assertEquals(ExecMode.PLAIN_RAW, session.mode());
			assertArrayEquals(data, session.files().get("/a.bin", (d, t) -> {
			}));
		}
		assertEquals(0, old.rawPasteExecs());
		assertTrue(old.plainRawExecs() > 0);
	}

	@Test
	void plainRawCanBeForced() throws Exception {
		try (IReplSession session = Simulators.connect(device, Simulators.fastOptions().withRawPaste(false))) {
			assertEquals("7\r\n", session.exec("print(3 + 4)").stdout());
			assertEquals(ExecMode.PLAIN_RAW, session.mode());
		}
		assertEquals(0, device.rawPasteExecs());
	}

	@ParameterizedTest
	@ValueSource(ints = { 0, 1, 4096, 65536 })
	void uploadsAreByteExactVerifiedAndAtomic(int size) throws Exception {
		byte[] data = Simulators.randomBytes(size, size);
		List<Long> progress = new ArrayList<>();
		try (IReplSession session = Simulators.connect(device)) {
			PutResult result = session.files().put("/certs/servercert.pem", data, (done, total) -> progress.add(done));
			assertFalse(result.skipped());
			assertEquals(PutResult.Verification.DEVICE_SHA256, result.verification());
			assertEquals(Simulators.hex(java.security.MessageDigest.getInstance("SHA-256").digest(data)), result.sha256());
			assertArrayEquals(data, Files.readAllBytes(device.flash().resolve("certs/servercert.pem")));
			assertFalse(Files.exists(device.flash().resolve("certs/servercert.pem.tmp")));
			assertArrayEquals(data, session.files().get("/certs/servercert.pem", (d, t) -> {
			}));
			assertEquals(Long.valueOf(size), progress.get(progress.size() - 1));
		}
	}

	@Test
	void uploadsAreVerifiedByReadingBackWithoutHashlib() throws Exception {
		SimulatedMicroPythonDevice minimal = device(SimulatorOptions.pyDirectDefaults().withHashlib(false));
		byte[] data = Simulators.randomBytes(4096, 9);
		try (IReplSession session = Simulators.connect(minimal)) {
			PutResult result = session.files().put("/data.bin", data, (d, t) -> {
			});
			assertEquals(PutResult.Verification.READ_BACK, result.verification());
			assertArrayEquals(data, Files.readAllBytes(minimal.flash().resolve("data.bin")));
			assertTrue(session.files().put("/data.bin", data, (d, t) -> {
			}).skipped());
		}
	}

	@Test
	void skipsTheUploadWhenTheDeviceHoldsIdenticalContent() throws Exception {
		byte[] data = Simulators.randomBytes(10_000, 3);
		try (IReplSession session = Simulators.connect(device)) {
			assertFalse(session.files().put("/main.py", data, (d, t) -> {
			}).skipped());
			int execs = device.rawPasteExecs();
			PutResult again = session.files().put("/main.py", data, (d, t) -> {
			});
			assertTrue(again.skipped());
			assertTrue(device.rawPasteExecs() - execs < 6, "only stat and hash, no data");
			byte[] changed = data.clone();
			changed[5000] ^= 1;
			assertFalse(session.files().put("/main.py", changed, (d, t) -> {
			}).skipped());
			assertArrayEquals(changed, Files.readAllBytes(device.flash().resolve("main.py")));
		}
	}

	@Test
	void anUploadCutOffMidTransferKeepsTheOldFileAndSaysSo() throws Exception {
		byte[] old = Simulators.randomBytes(4096, 4);
		byte[] replacement = Simulators.randomBytes(65536, 5);
		try (IReplSession session = Simulators.connect(device)) {
			session.files().put("/certs/prvtkey.pem", old, (d, t) -> {
			});
			device.injectFault(Fault.dropLineAfter(30_000));
			OnrampException e = assertThrows(OnrampException.class,
					() -> session.files().put("/certs/prvtkey.pem", replacement, (d, t) -> {
					}));
			assertEquals(FailureReason.DEVICE_VANISHED, e.reason());
			assertTrue(e.getMessage().contains("cut off") && e.getMessage().contains("previous version"),
					e.getMessage());
			assertFalse(session.isOpen());
		}
		assertArrayEquals(old, Files.readAllBytes(device.flash().resolve("certs/prvtkey.pem")));
		try (IReplSession again = Simulators.connect(device)) {
			assertArrayEquals(old, again.files().get("/certs/prvtkey.pem", (d, t) -> {
			}));
			again.files().put("/certs/prvtkey.pem", replacement, (d, t) -> {
			});
		}
		assertArrayEquals(replacement, Files.readAllBytes(device.flash().resolve("certs/prvtkey.pem")));
	}

	@Test
	void aDevicePrintingGarbageGivesAProtocolErrorWithinTheDeadline() {
		device.injectFault(Fault.garbage());
		Duration limit = Duration.ofSeconds(2);
		long start = System.nanoTime();
		OnrampException e = assertTimeoutPreemptively(Duration.ofSeconds(8), () -> assertThrows(OnrampException.class,
				() -> Simulators.connect(device, Simulators.fastOptions().withConnectTimeout(limit))));
		long elapsed = (System.nanoTime() - start) / 1_000_000;
		assertEquals(FailureReason.PROTOCOL_ERROR, e.reason());
		assertTrue(e.getMessage().startsWith("Could not enter the raw REPL"), e.getMessage());
		assertTrue(e.hint().orElseThrow().contains("another program"), e.hint().toString());
		// the line carries reset lines: the garbage survives a restart, which gets 3 s, and an interrupt 1 s
		assertTrue(elapsed < 1500 + 3000 + 1000 + 1000, elapsed + " ms");
	}

	@Test
	void aSilentDeviceGivesATimeoutWithinTheDeadline() {
		device.injectFault(Fault.silent());
		Duration limit = Duration.ofMillis(1500);
		long start = System.nanoTime();
		OnrampException e = assertTimeoutPreemptively(Duration.ofSeconds(8), () -> assertThrows(OnrampException.class,
				() -> Simulators.connect(device, Simulators.fastOptions().withConnectTimeout(limit))));
		long elapsed = (System.nanoTime() - start) / 1_000_000;
		assertEquals(FailureReason.TIMEOUT, e.reason());
		assertTrue(e.getMessage().contains("after a reset through RTS"), e.getMessage());
		// the line carries reset lines: after the limit the board gets one restart's worth of time (3 s)
		assertTrue(elapsed < limit.toMillis() + 3000 + 1000, elapsed + " ms");
	}

	@Test
	void aDeviceThatStopsAnsweringMidSessionTimesOut() throws Exception {
		try (IReplSession session = Simulators.connect(device)) {
			device.injectFault(Fault.silent());
			long start = System.nanoTime();
			OnrampException e = assertTimeoutPreemptively(Duration.ofSeconds(5),
					() -> assertThrows(OnrampException.class, () -> session.exec("print(1)", Duration.ofSeconds(1))));
			assertEquals(FailureReason.TIMEOUT, e.reason());
			assertTrue((System.nanoTime() - start) / 1_000_000 < 2000);
		}
	}

	@Test
	void hardResetReconnectsAndFilesPersist() throws Exception {
		byte[] data = Simulators.randomBytes(1000, 6);
		try (IReplSession session = Simulators.connect(device)) {
			session.files().put("/keep.bin", data, (d, t) -> {
			});
			session.exec("y = 1");
			session.hardReset(new NullProgressMonitor());
			assertEquals(1, device.hardResets());
			assertTrue(session.isOpen());
			assertEquals("NameError", session.exec("print(y)").error().orElseThrow().type(), "globals are gone");
			assertArrayEquals(data, session.files().get("/keep.bin", (d, t) -> {
			}));
		}
	}

	@Test
	void hardResetOnABoardBehindAUsbUartBridgeKeepsThePort() throws Exception {
		// the client reads the boot output to its end before it interrupts: main.py must not have started its loop yet
		SimulatedMicroPythonDevice bridged = device(SimulatorOptions.pyDirectDefaults().withResetKeepingTheLine(true)
				.withInterruptWindow(Duration.ofSeconds(10)));
		try (IReplSession session = new ReplService().connect(bridged.connectPipe(), new NullProgressMonitor())) {
			session.exec("w = 1");
			session.hardReset(new NullProgressMonitor());
			assertEquals(1, bridged.hardResets());
			assertTrue(session.isOpen());
			assertEquals("NameError", session.exec("print(w)").error().orElseThrow().type());
		}
	}

	@Test
	void hardResetWithoutAnOpenerReportsThatThePortWentAway() throws Exception {
		IReplSession session = new ReplService().connect(device.connectPipe(), new NullProgressMonitor());
		OnrampException e = assertThrows(OnrampException.class, () -> session.hardReset(new NullProgressMonitor()));
		assertEquals(FailureReason.DEVICE_VANISHED, e.reason());
		assertFalse(session.isOpen());
		session.close();
	}

	@Test
	void softResetClearsGlobalsAndStaysInTheRawRepl() throws Exception {
		try (IReplSession session = Simulators.connect(device)) {
			session.exec("z = 3");
			session.softReset();
			assertEquals(1, device.softResets());
			assertEquals("NameError", session.exec("print(z)").error().orElseThrow().type());
			assertEquals("5\r\n", session.exec("print(2 + 3)").stdout());
		}
	}

	@Test
	void identifiesTheFirmwareAndSetsPyDirectSettingsThroughLibSys() throws Exception {
		try (IReplSession session = Simulators.connect(device)) {
			DeviceIdentity identity = session.identify();
			assertEquals("micropython", identity.implementation());
			assertEquals("1.24.1", identity.version());
			assertEquals("Generic ESP32 module with ESP32", identity.machine());
			assertEquals(MacAddress.parse("24:0a:c4:12:ab:cd"), identity.mac().orElseThrow());

			String password = "it's \"q\" \\ \u00e9\n";
			session.execOrThrow("from lib.sys import settings\nsettings.set('wifi.ssid', 'HomeNet')\n"
					+ "settings.set('wifi.password', " + PythonSource.quote(password) + ")\n"
					+ "settings.set('server.https_enabled', True)", "Setting Wi-Fi");
			assertEquals("HomeNet", device.settings().get("wifi.ssid"));
			assertEquals(password, device.settings().get("wifi.password"));
			assertEquals(Boolean.TRUE, device.settings().get("server.https_enabled"));
			assertFalse(device.userSettings().has("wifi"), "set() without save() writes nothing");
			assertEquals("True\r\n", session.execOrThrow("print(settings.save())", "Saving"));
			assertEquals(password, device.userSettings().getAsJsonObject("wifi").get("password").getAsString());
		}
	}

	@Test
	void identifiesPlainMicroPythonWithoutAHostname() throws Exception {
		SimulatedMicroPythonDevice plain = device(SimulatorOptions.pyDirectDefaults().withPyDirect(false)
				.withMac(MacAddress.parse("a1:b2:c3:d4:e5:f6")));
		try (IReplSession session = Simulators.connect(plain)) {
			DeviceIdentity identity = session.identify();
			assertFalse(identity.pyDirect());
			assertEquals("micropython", identity.kind());
			assertEquals("a1:b2:c3:d4:e5:f6", identity.mac().orElseThrow().toString());
			assertTrue(identity.hostname().isEmpty());
		}
	}

	@Test
	void listsMakesDirectoriesStatsAndRemoves() throws Exception {
		try (IReplSession session = Simulators.connect(device)) {
			session.files().mkdirs("/lib/deep/er");
			session.files().mkdirs("/lib/deep/er");
			session.files().put("/lib/a.py", "print('a')\n".getBytes(), (d, t) -> {
			});
			List<RemoteFile> entries = session.files().list("/lib");
			assertEquals(List.of(new RemoteFile("/lib/a.py", false, 11), new RemoteFile("/lib/deep", true, 0)), entries);
			assertEquals(11, session.files().stat("/lib/a.py").orElseThrow().size());
			assertTrue(session.files().stat("/lib/nothing").isEmpty());
			session.files().remove("/lib/a.py");
			session.files().remove("/lib/a.py");
			assertTrue(session.files().stat("/lib/a.py").isEmpty());
			assertTrue(Files.isDirectory(device.flash().resolve(Path.of("lib", "deep", "er"))));
		}
	}
}
