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
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.onramp.core.FailureReason;
import dev.onramp.core.OnrampException;
import dev.onramp.core.repl.IChannelOpener;
import dev.onramp.core.repl.IReplSession;
import dev.onramp.serial.repl.internal.ReplService;
import dev.onramp.simulator.SimulatedMicroPythonDevice;
import dev.onramp.simulator.SimulatorOptions;
import dev.onramp.simulator.SimulatorServer;

/**
 * The REPL client over real transports: TCP ({@code socket://127.0.0.1:PORT}) and a real pseudo-terminal opened with
 * jSerialComm, bridged to the simulator's TCP port by socat. When the simulated device resets, the server drops the
 * TCP connection, socat exits and the pty link disappears, like a USB port; a "USB hub" restarts socat, and the link
 * comes back.
 */
class SerialLineTest {

	@TempDir
	Path temp;

	private SimulatedMicroPythonDevice device;
	private SimulatorServer server;
	private Process socat;
	private Path link;

	@BeforeEach
	void setUp() throws IOException {
		device = SimulatedMicroPythonDevice.withTemporaryFlash(SimulatorOptions.pyDirectDefaults());
		server = new SimulatorServer(device);
		link = temp.resolve("ttySIM0");
	}

	@AfterEach
	void tearDown() throws InterruptedException {
		stopSocat();
		server.close();
		device.close();
	}

	@Test
	void closingTheServerSwitchesTheDeviceOffAndRemovesItsTemporaryFlash() throws Exception {
		Files.writeString(device.flash().resolve("main.py"), "print('hi')\n");
		server.close();
		assertFalse(Files.exists(device.flash()), "the temporary flash is gone with the server: " + device.flash());
		device.close(); // a second close is harmless
	}

	private void stopSocat() throws InterruptedException {
		if (socat != null) {
			socat.destroy();
			if (!socat.waitFor(3, TimeUnit.SECONDS)) {
				socat.destroyForcibly();
			}
			socat = null;
		}
	}

	private static boolean socatInstalled() {
		return Files.isExecutable(Path.of("/usr/bin/socat")) || Files.isExecutable(Path.of("/bin/socat"));
	}

	/** Plugs the "USB device" in: a pty link bridged to the simulator. */
	private void startSocat() throws IOException {
		socat = new ProcessBuilder("socat", "pty,raw,echo=0,link=" + link, "tcp:127.0.0.1:" + server.port())
				.redirectErrorStream(true).redirectOutput(temp.resolve("socat.log").toFile()).start();
		assertTrue(Simulators.await(() -> Files.exists(link), Duration.ofSeconds(5)), "socat created " + link);
	}

	/** Reopens the port like a user's tool would after a reset; the "hub" re-plugs the device once it is gone. */
	private IChannelOpener ptyOpener() {
		return () -> {
			if (socat == null || !socat.isAlive()) {
				try {
					startSocat();
				} catch (IOException e) {
					throw new OnrampException(FailureReason.PORT_NOT_FOUND, e.getMessage());
				}
			}
			return JSerialCommChannel.open(link.toString());
		};
	}

	@Test
	void overTcpTheClientUploadsAndReconnectsAfterAHardReset() throws Exception {
		byte[] data = Simulators.randomBytes(65536, 11);
		try (IReplSession session = new ReplService().connect(Simulators.socketOpener(server.port()),
				Simulators.fastOptions(), new NullProgressMonitor())) {
			assertEquals(device.mac(), session.identify().mac().orElseThrow());
			session.files().put("/www/app.bin", data, (d, t) -> {
			});
			session.hardReset(new NullProgressMonitor());
			assertEquals(1, device.hardResets());
			assertArrayEquals(data, session.files().get("/www/app.bin", (d, t) -> {
			}));
		}
	}

	@Test
	void overARealPtyTheClientInterruptsMainPyUploadsAndSurvivesTheLinkVanishing() throws Exception {
		boolean installed = socatInstalled();
		// the CI set-up installs socat (releng/scripts/install-prerequisites.sh): there its absence is a failure
		assertFalse(!installed && "true".equalsIgnoreCase(System.getenv("CI")), "CI=true, and socat is not installed");
		assumeTrue(installed, "socat is not installed");
		byte[] small = Simulators.randomBytes(4096, 12);
		byte[] large = Simulators.randomBytes(65536, 13);
		try (IReplSession session = new ReplService().connect(ptyOpener(), Simulators.fastOptions()
				.withReconnectTimeout(Duration.ofSeconds(10)), new NullProgressMonitor())) {
			assertEquals("micropython", session.identify().implementation());
			session.files().put("/a.bin", small, (d, t) -> {
			});
			session.files().put("/b.bin", large, (d, t) -> {
			});
			assertArrayEquals(small, Files.readAllBytes(device.flash().resolve("a.bin")));
			assertArrayEquals(large, Files.readAllBytes(device.flash().resolve("b.bin")));
			assertEquals(0, device.flowControlViolations());

			Process before = socat;
			session.hardReset(new NullProgressMonitor());
			assertTrue(before.waitFor(5, TimeUnit.SECONDS), "the first pty went away with the reset");
			assertTrue(socat != before && socat.isAlive(), "the port came back");
			assertArrayEquals(large, session.files().get("/b.bin", (d, t) -> {
			}));
		}
	}
}
