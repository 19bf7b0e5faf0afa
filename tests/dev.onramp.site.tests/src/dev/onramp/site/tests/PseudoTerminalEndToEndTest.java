/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.site.tests;

import static dev.onramp.site.tests.CommandAssertions.assertFailed;
import static dev.onramp.site.tests.CommandAssertions.assertSucceeded;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.gson.JsonObject;

import dev.onramp.simulator.SimulatedNetwork;
import dev.onramp.simulator.SimulatorOptions;
import dev.onramp.simulator.SimulatorServer;
import dev.onramp.simulator.espidf.EspIdfConsoleConfig;
import dev.onramp.simulator.espidf.EspIdfConsoleServer;
import dev.onramp.simulator.improv.ImprovSimulatorServer;

/**
 * The product on real serial ports: pseudo-terminals that socat bridges to the simulators' lines, which jSerialComm
 * opens through a link as it opens a {@code /dev/serial/by-id} link, exclusively and after checking who else holds
 * the port. Every kind of device is identified, Wi-Fi changes over Improv and the REPL, a board is re-provisioned
 * both behind a USB-UART bridge and with native USB (its port goes and comes back with the reset), a busy port names
 * the program holding it, and a port that vanishes in the middle of a command ends it with exit 3.
 */
class PseudoTerminalEndToEndTest {

	private static final String SSID = "Workshop";
	private static final String HOLDER = "sleep";
	private static final Duration HOLD_TIMEOUT = Duration.ofSeconds(10);
	/** A serial channel notices a vanished line within a read slice (a second): the command ends well within this. */
	private static final Duration VANISHED_EXIT = Duration.ofSeconds(10);
	/**
	 * Long enough for the product to start and interrupt the board after it is plugged in; short enough for a board
	 * re-provisioned on a line that stays to start its setup server within the wait after its reset.
	 */
	private static final Duration BOOT_WINDOW = Duration.ofSeconds(15);

	@TempDir
	Path temporary;

	private final Installation product = Installation.builtProduct();
	private final SimulatedDevices devices = new SimulatedDevices();
	private final List<AutoCloseable> started = new ArrayList<>();
	private final String password = "pw-" + UUID.randomUUID();
	private final String caPassword = "ca-" + UUID.randomUUID();
	private final Map<String, String> environment = Map.of("WIFI_PASSWORD", password, "ONRAMP_CA_PASSWORD",
			caPassword);

	/** Ends every process the test started (the product, holders, socat) before the devices they talk to. */
	@AfterEach
	void unplugEverything() throws Exception {
		Exception failure = null;
		for (int i = started.size() - 1; i >= 0; i--) {
			try {
				started.get(i).close();
			} catch (Exception e) {
				if (failure == null) {
					failure = e;
				} else {
					failure.addSuppressed(e);
				}
			}
		}
		started.clear();
		devices.close();
		if (failure != null) {
			throw failure;
		}
	}

	private <T extends AutoCloseable> T keep(T started) {
		this.started.add(started);
		return started;
	}

	private PtyBridge plugIn(int tcpPort) {
		return keep(PtyBridge.plugIn(temporary, "ttyDEV", tcpPort));
	}

	private Installation.Run onramp(String... args) throws IOException, InterruptedException {
		return product.runJson(environment, temporary.resolve("data"), args);
	}

	@Test
	void infoIdentifiesAPyDirectBoard() throws Exception {
		SimulatorServer board = devices.pyDirectOnTcp(11, SimulatedNetwork.isolated(),
				PseudoTerminalEndToEndTest::caughtAtBoot);
		PtyBridge port = plugIn(board.port());

		JsonObject identity = assertSucceeded(onramp("info", "--port", port.port()));
		assertEquals(port.port(), identity.get("port").getAsString(), "the port as the user named it");
		assertEquals("pydirect", identity.get("kind").getAsString(), identity::toString);
		assertEquals("micropython", identity.get("implementation").getAsString());
		assertEquals(board.device().options().version(), identity.get("version").getAsString());
		assertEquals(board.device().options().machine(), identity.get("machine").getAsString());
		assertEquals(board.device().mac().toString(), identity.get("mac").getAsString());
		// the firmware's own rule gives pyDirect-xxxx; Onramp writes host names in lower case, as the installer does
		assertEquals(board.device().hostname().toLowerCase(java.util.Locale.ROOT), identity.get("hostname").getAsString());
	}

	@Test
	void infoIdentifiesAnImprovDevice() throws Exception {
		ImprovSimulatorServer improv = devices.improv(Map.of(SSID, password));
		PtyBridge port = plugIn(improv.port());

		JsonObject identity = assertSucceeded(onramp("info", "--port", port.port()));
		// what the simulated Improv firmware reports about itself (device info RPC and hostname RPC)
		assertEquals("improv", identity.get("kind").getAsString(), identity::toString);
		assertEquals("pyDirect", identity.get("firmware").getAsString());
		assertEquals("1.4.2", identity.get("version").getAsString());
		assertEquals("ESP32-S3", identity.get("chip").getAsString());
		assertEquals("pydirect-ab12", identity.get("device_name").getAsString());
		assertEquals("pydirect-ab12", identity.get("hostname").getAsString());
		assertEquals("authorized", identity.get("improv_state").getAsString());
		assertNull(improv.lastReceivedSsid(), "identifying sends no Wi-Fi settings");
	}

	@Test
	void infoIdentifiesAnEspIdfConsole() throws Exception {
		EspIdfConsoleConfig config = EspIdfConsoleConfig.defaults().withChip("ESP32-S3", 2,
				"/802.11bgn/BLE/External-Flash:8 MB", 2);
		EspIdfConsoleServer console = devices.espIdfConsole(config);
		PtyBridge port = plugIn(console.port());

		// the console booted when socat connected; its boot log waits in the pty, which socat holds open, until read
		JsonObject identity = assertSucceeded(onramp("info", "--port", port.port()));
		assertEquals("esp-idf-console", identity.get("kind").getAsString(), identity::toString);
		assertEquals(config.prompt(), identity.get("prompt").getAsString());
		assertEquals(config.idfVersion(), identity.get("idf_version").getAsString());
		assertEquals(config.model(), identity.get("chip").getAsString());
		assertEquals(config.revision(), identity.get("chip_revision").getAsInt());
		assertEquals(config.cores(), identity.get("cores").getAsInt());
		assertEquals(config.features().substring(1), identity.get("features").getAsString());
		assertEquals(config.project(), identity.get("firmware").getAsString(), "from the boot log: " + identity);
		assertEquals(config.appVersion(), identity.get("version").getAsString());
		assertEquals(config.stationMac().orElseThrow().toString(), identity.get("mac").getAsString());
		assertEquals(List.of("help", "version"), console.commandLines(), "only the console's own help and version");
	}

	@Test
	void changeWifiOverImprov() throws Exception {
		ImprovSimulatorServer improv = devices.improv(Map.of(SSID, password));
		PtyBridge port = plugIn(improv.port());

		Installation.Run run = onramp("change-wifi", "--port", port.port(), "--ssid", SSID, "--password-env",
				"WIFI_PASSWORD");
		JsonObject joined = assertSucceeded(run);
		assertEquals("improv", joined.get("protocol").getAsString(), "auto identifies the Improv device");
		assertEquals(SSID, joined.get("ssid").getAsString());
		assertEquals(SSID, improv.lastReceivedSsid());
		assertFalse(run.stdout().contains(password) || run.stderr().contains(password), "the password is never shown");
	}

	@Test
	void changeWifiOverTheRepl() throws Exception {
		SimulatorServer board = devices.pyDirectOnTcp(12, SimulatedNetwork.isolated().withKnownNetwork(SSID, password),
				PseudoTerminalEndToEndTest::caughtAtBoot);
		PtyBridge port = plugIn(board.port());

		Installation.Run run = onramp("change-wifi", "--port", port.port(), "--protocol", "repl", "--ssid", SSID,
				"--password-env", "WIFI_PASSWORD");
		JsonObject joined = assertSucceeded(run);
		assertEquals("repl", joined.get("protocol").getAsString());
		assertEquals("127.0.0.1", joined.get("ip").getAsString(), "the simulated station's address");
		assertEquals(SSID, board.device().settings().get("wifi.ssid"), "stored on the board for its next boot");
		assertFalse(run.stdout().contains(password) || run.stderr().contains(password), "the password is never shown");
	}

	@Test
	void reprovisionABoardBehindAUsbUartBridgeWhosePortStaysThroughTheReset() throws Exception {
		SimulatorServer board = devices.pyDirectOnTcp(13, SimulatedNetwork.isolated().joinedTo(SSID, password),
				options -> caughtAtBoot(options.withResetKeepingTheLine(true)));
		PtyBridge port = plugIn(board.port());

		assertVerified(board, assertSucceeded(onramp("reprovision", "--port", port.port(), "--wait", "30",
				"--https-port", String.valueOf(board.device().httpsPort()))));
		assertEquals(1, port.plugIns(), "the port stayed: the board rebooted on the same line");
	}

	@Test
	void reprovisionABoardWithNativeUsbWhosePortGoesAndComesBackWithTheReset() throws Exception {
		SimulatorServer board = devices.pyDirectOnTcp(14, SimulatedNetwork.isolated().joinedTo(SSID, password),
				PseudoTerminalEndToEndTest::caughtAtBoot);
		PtyBridge port = keep(PtyBridge.replugging(temporary, "ttyACM", board.port()));

		assertVerified(board, assertSucceeded(onramp("reprovision", "--port", port.port(), "--wait", "30",
				"--https-port", String.valueOf(board.device().httpsPort()))));
		assertEquals(2, port.plugIns(), "the reset took the port away once, and it came back at the same link");
	}

	private void assertVerified(SimulatorServer board, JsonObject blessed) throws Exception {
		assertTrue(blessed.get("verified").getAsBoolean(), blessed::toString);
		assertTrue(board.device().hostname().equalsIgnoreCase(blessed.get("hostname").getAsString()), blessed::toString);
		assertEquals(1, board.device().hardResets(), "reset once to load the certificate");
		assertEquals(blessed.get("fingerprint_sha256").getAsString(),
				ServedCertificate.fingerprint(ServedCertificate.on(board.device().httpsPort())),
				"the device serves the certificate the product reports");
		ServedCertificate.on(board.device().httpsPort())
				.verify(ServedCertificate.localCa(temporary.resolve("data"), caPassword).getPublicKey());
	}

	@Test
	void aPortHeldOpenWithoutALockIsBusyAndTheMessageNamesTheHolder() throws Exception {
		SimulatorServer board = devices.pyDirectOnTcp(15, SimulatedNetwork.isolated(),
				PseudoTerminalEndToEndTest::caughtAtBoot);
		PtyBridge port = plugIn(board.port());
		// like cat or a serial monitor that opens the port without asking for a lock
		Process holder = hold(port, new ProcessBuilder(HOLDER, "600").redirectInput(port.link().toFile()));

		assertBusyAndHeldBy(onramp("info", "--port", port.port()), holder);
	}

	@Test
	void aPortLockedByAnotherProgramIsBusyAndTheMessageNamesTheHolder() throws Exception {
		SimulatorServer board = devices.pyDirectOnTcp(16, SimulatedNetwork.isolated(),
				PseudoTerminalEndToEndTest::caughtAtBoot);
		PtyBridge port = plugIn(board.port());
		// like pyserial with exclusive=True or another jSerialComm program: flock's process becomes sleep
		Process holder = hold(port,
				new ProcessBuilder("flock", "--no-fork", "--exclusive", port.port(), HOLDER, "600"));

		assertBusyAndHeldBy(onramp("info", "--port", port.port()), holder);
	}

	/** @return the holder, once it holds the port and runs {@link #HOLDER} */
	private Process hold(PtyBridge port, ProcessBuilder holding) throws IOException {
		Path device = port.device();
		Process holder = holding.redirectErrorStream(true).redirectOutput(temporary.resolve("holder.log").toFile())
				.start();
		keep(() -> {
			holder.destroyForcibly();
			holder.waitFor();
		});
		Await.until(() -> HOLDER + " (pid " + holder.pid() + ") holding " + device + "; it runs "
				+ OpenFiles.command(holder.pid()), HOLD_TIMEOUT,
				() -> HOLDER.equals(OpenFiles.command(holder.pid())) && OpenFiles.holds(holder.pid(), device));
		return holder;
	}

	private static void assertBusyAndHeldBy(Installation.Run run, Process holder) {
		JsonObject error = assertFailed(run, 3, "port_busy").getAsJsonObject("error");
		assertTrue(error.get("message").getAsString().contains("held by " + HOLDER + " (pid " + holder.pid() + ")"),
				() -> "the message names the program holding the port: " + run);
		assertTrue(error.get("hint").getAsString().contains("kill " + holder.pid()),
				() -> "and says how to stop it: " + run);
		assertTrue(holder.isAlive(), "the product leaves the holder alone");
	}

	@Test
	void aPortThatVanishesInTheMiddleOfChangeWifiEndsItWithExit3() throws Exception {
		// 2400 baud: after its first snippet the REPL dialogue has seconds to go, so the cable is pulled mid-command
		SimulatorServer board = devices.pyDirectOnTcp(17, SimulatedNetwork.isolated().withKnownNetwork(SSID, password),
				options -> caughtAtBoot(options.withBaudRate(2400)));
		PtyBridge port = plugIn(board.port());

		Installation.Running changing = keep(product.startJson(environment, temporary.resolve("data"),
				"change-wifi", "--port", port.port(), "--protocol", "repl", "--ssid", SSID, "--password-env",
				"WIFI_PASSWORD"));
		Await.until(() -> "the product's first snippet on the board through " + port.port(), Duration.ofSeconds(30),
				() -> board.device().rawPasteExecs() > 0 || !changing.process().isAlive());
		assertTrue(changing.process().isAlive(), "the command was still working when the cable was pulled");
		port.pull();

		Installation.Run run = changing.await(VANISHED_EXIT);
		JsonObject error = assertFailed(run, 3, "device_vanished").getAsJsonObject("error");
		assertTrue(error.get("message").getAsString().contains(port.port()), () -> "names the port: " + run);
		assertNotEquals(SSID, board.device().settings().get("wifi.ssid"), "the board never got the new network");
	}

	/**
	 * These tests are about the port (its coming and going, its holders, a pulled cable): the board is caught while
	 * its main.py still imports (a slow start), where Ctrl-C reaches the REPL. A pseudo-terminal has no reset lines, so the published
	 * firmware's Ctrl-C-swallowing loop is met there with the RESET button (PyDirectAsPublishedEndToEndTest).
	 */
	private static SimulatorOptions caughtAtBoot(SimulatorOptions options) {
		return options.withInterruptWindow(BOOT_WINDOW);
	}
}
