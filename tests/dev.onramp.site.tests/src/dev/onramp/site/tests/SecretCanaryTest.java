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
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.KeyFactory;
import java.security.interfaces.ECPrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.gson.JsonObject;

import dev.onramp.simulator.SimulatedNetwork;
import dev.onramp.simulator.improv.ImprovSimulatorServer;
import dev.onramp.simulator.protocomm.SimulatedProtocommDevice;
import dev.onramp.simulator.rfc2217.Rfc2217SimulatorServer;

/**
 * The canary: every flow of the product, as a separate process, with unique secrets (proof of possession, Wi-Fi
 * passwords, the CA key-store password, the device key the blessing makes). None may appear in any stdout or
 * stderr, the fleet report, any file under the data directory, or any log or file the product writes elsewhere: the
 * installation's configuration area (where the Equinox log goes), an instance area, its temporary folder and home.
 */
class SecretCanaryTest {

	private static final String SSID = "CanaryNet";

	@TempDir
	Path temporary;

	private final Canary canary = new Canary();
	private final SimulatedDevices devices = new SimulatedDevices();
	/** A run, its command named without its arguments (a PoP can be one). */
	private record CommandRun(String command, Installation.Run run) {
	}

	private final List<CommandRun> runs = new ArrayList<>();
	private Installation product;
	private Map<String, String> environment;
	private Path data;

	@AfterEach
	void stopDevices() throws Exception {
		devices.close();
	}

	@Test
	void noSecretOfAnyFlowAppearsInOutputsReportLogsOrFiles() throws Exception {
		Instant start = Instant.now().minusSeconds(2); // file times may be coarse
		data = temporary.resolve("data");
		Path productTmp = Files.createDirectories(temporary.resolve("product-tmp"));
		Path productHome = Files.createDirectories(temporary.resolve("product-home"));
		Installation installation = Installation.builtProduct();
		product = installation.withJvmOptions("-Djava.io.tmpdir=" + productTmp, "-Duser.home=" + productHome);
		String caPassword = canary.secret("CA key-store password");
		String pop = canary.secret("proof of possession");
		String password = canary.secret("Wi-Fi password");
		String wrongPassword = canary.secret("wrong Wi-Fi password");
		environment = Map.of("ONRAMP_CA_PASSWORD", caPassword, "WIFI_PASSWORD", password, "WRONG_PASSWORD",
				wrongPassword);
		Path secrets = Files.createDirectories(temporary.resolve("secrets"));
		Path popFile = Files.writeString(secrets.resolve("pop.txt"), pop + "\n", StandardCharsets.UTF_8);
		Path passwordFile = Files.writeString(secrets.resolve("wifi.txt"), password + "\n", StandardCharsets.UTF_8);

		Path exportedCa = temporary.resolve("exported").resolve("onramp-ca.pem");
		Files.createDirectories(exportedCa.getParent());
		assertSucceeded(onramp("ca", "init"));
		assertSucceeded(onramp("ca", "show"));
		assertSucceeded(onramp("ca", "export", "--out", exportedCa.toString()));

		// the PoP as the argument, to a device that leaves right after the credentials: the product logs that
		SimulatedProtocommDevice leaving = devices
				.protocomm(SimulatedDevices.protocommConfig(2, pop, SSID, password).dropAfterApply(true).build());
		JsonObject unconfirmed = assertSucceeded(onramp("provision", pop, "--endpoint", leaving.endpoint(), "--ssid",
				SSID, "--password-env", "WIFI_PASSWORD"));
		assertFalse(unconfirmed.get("confirmed").getAsBoolean(), unconfirmed::toString);
		SimulatedProtocommDevice rejecting = devices.protocomm(1, pop, SSID, password);
		assertFailed(onramp("provision", "--pop-file", popFile.toString(), "--endpoint", rejecting.endpoint(),
				"--ssid", SSID, "--password-env", "WRONG_PASSWORD"), 5, "wifi_auth_failed");

		ImprovSimulatorServer improv = devices.improv(Map.of(SSID, password));
		assertSucceeded(onramp("change-wifi", "--port", improv.uri(), "--protocol", "improv", "--ssid", SSID,
				"--password-file", passwordFile.toString()));
		Rfc2217SimulatorServer board = devices.pyDirect(9, SimulatedNetwork.isolated().withKnownNetwork(SSID, password));
		assertSucceeded(onramp("change-wifi", "--port", board.uri(), "--protocol", "repl", "--ssid", SSID,
				"--password-env", "WIFI_PASSWORD"));

		// the board now keeps the Wi-Fi password in its settings: the blessing reads the board, never prints them
		assertSucceeded(onramp("reprovision", "--port", board.uri(), "--wait", "30", "--https-port",
				String.valueOf(board.device().httpsPort())));
		addDeviceKey(board.device().flash().resolve("certs/prvtkey.pem"));

		SimulatedProtocommDevice fleetDevice = devices.protocomm(2, pop, SSID, password);
		ImprovSimulatorServer fleetImprov = devices.improv(Map.of(SSID, password));
		Rfc2217SimulatorServer fleetBoard = devices.pyDirect(10,
				SimulatedNetwork.isolated().withKnownNetwork(SSID, password));
		Path manifest = Files.writeString(secrets.resolve("fleet.csv"), "name,protocol,target,pop,ssid,password_env\n"
				+ "esp-idf,provision," + fleetDevice.endpoint() + "," + pop + "," + SSID + ",\n"
				+ "improv,improv," + fleetImprov.uri() + ",," + SSID + ",WIFI_PASSWORD\n"
				+ "repl-wrong-password,repl," + fleetBoard.uri() + ",," + SSID + ",WRONG_PASSWORD\n",
				StandardCharsets.UTF_8);
		Path report = temporary.resolve("report.json");
		assertFailed(onramp("fleet", manifest.toString(), "--parallel", "3", "--report", report.toString(),
				"--password-file", passwordFile.toString()), 5, "wifi_auth_failed");

		assertSucceeded(onramp("demo"));

		for (CommandRun each : runs) {
			canary.assertNotIn("the stdout of onramp " + each.command(), each.run().stdout());
			canary.assertNotIn("the stderr of onramp " + each.command(), each.run().stderr());
		}
		canary.assertNotIn("the fleet report " + report, Files.readAllBytes(report));
		canary.assertNotIn("the exported CA certificate", Files.readAllBytes(exportedCa));
		assertFalse(canary.assertNotUnder(data).isEmpty(), "the data directory holds the CA and the inventory");
		canary.assertNotUnder(productTmp);
		canary.assertNotUnder(productHome);
		List<Path> logged = new ArrayList<>();
		for (String area : List.of("configuration", "workspace")) {
			for (Path file : canary.assertNotUnder(installation.root().resolve(area))) {
				if (file.getFileName().toString().endsWith(".log") && modifiedSince(file, start)) {
					logged.add(file);
				}
			}
		}

		// the search is not blind: it finds the PoP in the manifest, and the product's log of these runs was searched
		assertTrue(canary.foundIn(Files.readAllBytes(manifest)), "the manifest holds the PoP, and the search sees it");
		assertFalse(logged.isEmpty(), "the blessing logs what it installed: a log of these runs was searched");
		assertTrue(String.join("\n", readAll(logged)).contains("Installed certificate"), logged::toString);
		assertTrue(logged.stream().noneMatch(file -> file.startsWith(installation.root().resolve("workspace"))),
				"the log stays in the configuration area; no workspace/ appears in the current directory");
	}

	private Installation.Run onramp(String... args) throws IOException, InterruptedException {
		Installation.Run run = product.runJson(environment, data, args);
		runs.add(new CommandRun(args[0] + (args[0].equals("ca") ? " " + args[1] : "") + " (run " + (runs.size() + 1)
				+ ")", run));
		return run;
	}

	/** The device's new private key, as DER and as its private scalar, is a secret too. */
	private void addDeviceKey(Path pem) throws Exception {
		String text = Files.readString(pem, StandardCharsets.US_ASCII);
		assertTrue(text.contains("-----BEGIN PRIVATE KEY-----"), "a PKCS#8 key on the device");
		byte[] der = Base64.getMimeDecoder().decode(text.replaceAll("-----[A-Z ]+-----", ""));
		canary.add("device private key (DER)", der);
		ECPrivateKey key = (ECPrivateKey) KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(der));
		byte[] signed = key.getS().toByteArray();
		byte[] scalar = new byte[32]; // P-256, the blessing's default key: 32 bytes, big-endian
		int length = Math.min(signed.length, scalar.length);
		System.arraycopy(signed, signed.length - length, scalar, scalar.length - length, length);
		canary.add("device private key (scalar)", scalar);
		canary.add("device private key (hex)", HexFormat.of().formatHex(scalar).getBytes(StandardCharsets.US_ASCII));
	}

	private static boolean modifiedSince(Path file, Instant start) {
		try {
			return Files.getLastModifiedTime(file).compareTo(FileTime.from(start)) >= 0;
		} catch (IOException e) {
			return false;
		}
	}

	private static List<String> readAll(List<Path> files) throws IOException {
		List<String> texts = new ArrayList<>();
		for (Path file : files) {
			texts.add(Files.readString(file, StandardCharsets.UTF_8));
		}
		return texts;
	}
}
