/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.browser.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.google.gson.JsonParser;

import dev.onramp.simulator.protocomm.ProtocommDeviceConfig;
import dev.onramp.simulator.protocomm.SimulatedProtocommDevice;

/**
 * What the page's server refuses, asked directly over a socket (a browser would not send most of it), and when the
 * command serves no page, opens no browser, or stops.
 */
class PageServerRefusalTest {

	private static final Duration STEP = Duration.ofSeconds(20);
	private static final String SSID = "Workshop";

	private final String pop = "pop-" + UUID.randomUUID();
	private final String password = "pw-" + UUID.randomUUID();
	private final List<AutoCloseable> opened = new ArrayList<>();
	private final Path work = Path.of(System.getProperty("onramp.work", System.getProperty("java.io.tmpdir")));

	@AfterEach
	void closeAll() throws Exception {
		for (AutoCloseable closeable : opened) {
			closeable.close();
		}
	}

	private OnrampProcess provision(Map<String, String> environment, List<String> jvmOptions, String... more)
			throws IOException {
		SimulatedProtocommDevice device = SimulatedProtocommDevice.start(ProtocommDeviceConfig.builder().security(1)
				.pop(pop).network(SSID, password).extraVisibleNetworks(2).build());
		opened.add(device);
		Files.createDirectories(work);
		List<String> args = new ArrayList<>(List.of("--json", "--data-dir", work.resolve("data").toString(),
				"provision", "--pop-env", "TEST_POP", "--endpoint", device.endpoint()));
		args.addAll(List.of(more));
		Map<String, String> all = new java.util.HashMap<>(environment);
		all.put("TEST_POP", pop);
		OnrampProcess process = OnrampProcess.start(all, jvmOptions, args.toArray(String[]::new));
		opened.add(process);
		return process;
	}

	private Path opener(Path record) throws IOException {
		Path script = Files.createTempFile(work, "opener", ".sh");
		Files.writeString(script, "#!/bin/sh\nprintf '%s' \"$1\" > '" + record + "'\n");
		script.toFile().setExecutable(true);
		return script;
	}

	@Test
	void onlyItsOwnTokenHostOriginAndBrowserAreAnswered() throws Exception {
		OnrampProcess onramp = provision(Map.of(), List.of(), "--no-browser");
		String address = onramp.awaitAddress(STEP);
		Matcher parts = OnrampProcess.ADDRESS.matcher(address);
		assertTrue(parts.matches());
		int port = Integer.parseInt(parts.group(1));
		String page = "/p/" + parts.group(2) + "/";
		String host = "127.0.0.1:" + port;
		String origin = "http://" + host;

		// browsers open connections ahead of need and may never use them: they must not stop the server answering
		for (int i = 0; i < 12; i++) {
			Socket idle = new Socket(InetAddress.getByAddress(new byte[] { 127, 0, 0, 1 }), port);
			opened.add(idle);
		}
		assertEquals(404, RawHttp.send(port, "GET", "/", Map.of("Host", host), null).status());
		assertEquals(404, RawHttp.send(port, "GET", "/p/", Map.of("Host", host), null).status());
		String wrongToken = "/p/" + "A".repeat(43) + "/";
		assertEquals(404, RawHttp.send(port, "GET", wrongToken, Map.of("Host", host), null).status());
		assertEquals(404, RawHttp.send(port, "GET", page + "?x=1", Map.of("Host", host), null).status());
		// a page elsewhere reaching 127.0.0.1 through a name of its own (DNS rebinding) sends its own Host
		assertEquals(403, RawHttp.send(port, "GET", page, Map.of("Host", "localhost:" + port), null).status());
		assertEquals(403, RawHttp.send(port, "GET", page, Map.of("Host", "attacker.example"), null).status());
		RawHttp.Answer refused = RawHttp.send(port, "GET", page + "api/state", Map.of("Host", host), null);
		assertEquals(403, refused.status(), "no state before a browser opened the page");
		assertEquals("", refused.body(), "refusals carry no detail");

		RawHttp.Answer index = RawHttp.send(port, "GET", page, Map.of("Host", host), null);
		assertEquals(200, index.status());
		assertEquals("no-store", index.headers().get("cache-control"));
		assertEquals("no-referrer", index.headers().get("referrer-policy"));
		assertEquals("nosniff", index.headers().get("x-content-type-options"));
		String policy = index.headers().get("content-security-policy");
		assertTrue(policy.contains("default-src 'none'") && policy.contains("script-src 'self'")
				&& policy.contains("connect-src 'self'") && policy.contains("form-action 'none'"), policy);
		assertFalse(index.body().matches("(?s).*(src|href)=\"(https?:)?//.*"), "no external resource");
		String cookie = index.headers().get("set-cookie").split(";")[0];
		assertTrue(index.headers().get("set-cookie").contains("HttpOnly"));

		// the page belongs to the browser that opened it first
		assertEquals(403, RawHttp.send(port, "GET", page, Map.of("Host", host), null).status());
		RawHttp.Answer state = RawHttp.send(port, "GET", page + "api/state", Map.of("Host", host, "Cookie", cookie),
				null);
		assertEquals(200, state.status());
		assertEquals("1", JsonParser.parseString(state.body()).getAsJsonObject().getAsJsonObject("device")
				.get("security").getAsString());
		for (String asset : List.of("", "page.js", "page.css", "api/state")) {
			String served = RawHttp.send(port, "GET", page + asset, Map.of("Host", host, "Cookie", cookie), null)
					.body();
			assertFalse(served.contains(pop), "the proof of possession in " + asset);
			assertFalse(served.contains(parts.group(2)), "the token is in no served text: " + asset);
		}

		String body = "{\"ssid\":\"" + SSID + "\",\"password\":\"" + password + "\"}";
		Map<String, String> json = Map.of("Host", host, "Cookie", cookie, "Content-Type", "application/json");
		assertEquals(403, RawHttp.send(port, "POST", page + "api/connect", json, body).status(), "no Origin");
		assertEquals(403, RawHttp.send(port, "POST", page + "api/connect",
				with(json, "Origin", "http://attacker.example"), body).status(), "cross-origin");
		assertEquals(403, RawHttp.send(port, "POST", page + "api/connect",
				Map.of("Host", host, "Origin", origin, "Content-Type", "application/json"), body).status(),
				"another browser");
		assertEquals(415, RawHttp.send(port, "POST", page + "api/connect",
				with(with(json, "Origin", origin), "Content-Type", "text/plain"), body).status(), "a simple form");
		assertEquals(405, RawHttp.send(port, "GET", page + "api/connect", with(json, "Origin", origin), null)
				.status());
		assertEquals(400, RawHttp.send(port, "POST", page + "api/connect", with(json, "Origin", origin), "[1]")
				.status());
		assertEquals(202, RawHttp.send(port, "POST", page + "api/give-up", with(json, "Origin", origin), "{}")
				.status());

		assertEquals(130, onramp.awaitExit(STEP), onramp.stderr());
		// the address dies with the command
		assertThrows(ConnectException.class, () -> RawHttp.send(port, "GET", page, Map.of("Host", host), null));
		String printed = onramp.stdout() + onramp.stderr();
		assertFalse(printed.contains(pop) || printed.contains(password), printed);
		assertNoSecretInTheProductsLogs();
	}

	private static Map<String, String> with(Map<String, String> headers, String name, String value) {
		Map<String, String> all = new java.util.LinkedHashMap<>(headers);
		all.put(name, value);
		return all;
	}

	private void assertNoSecretInTheProductsLogs() throws IOException {
		try (Stream<Path> files = Files.walk(OnrampProcess.product())) {
			for (Path log : files.filter(p -> p.getFileName().toString().endsWith(".log")).toList()) {
				String content = Files.readString(log, StandardCharsets.ISO_8859_1);
				assertFalse(content.contains(pop) || content.contains(password), "a secret in " + log);
			}
		}
	}

	@Test
	void noBrowserPrintsTheAddressOpensNothingAndTheTimeoutEndsIt() throws Exception {
		Path record = work.resolve("opened-" + UUID.randomUUID());
		OnrampProcess onramp = provision(Map.of("DISPLAY", ":42", "ONRAMP_STDOUT_TTY", "1"),
				List.of("-Donramp.browser.command=" + opener(record)), "--no-browser", "--timeout", "3");
		String address = onramp.awaitAddress(STEP);
		assertTrue(onramp.stderr().contains("Open this address in a browser on this computer"), onramp.stderr());
		assertEquals(7, onramp.awaitExit(STEP), onramp.stderr());
		assertEquals("timeout",
				JsonParser.parseString(onramp.stdout()).getAsJsonObject().getAsJsonObject("error").get("reason")
						.getAsString());
		assertFalse(Files.exists(record), "--no-browser opened " + address);
	}

	@Test
	void withoutADesktopTheTerminalFlowStays() throws Exception {
		Path record = work.resolve("opened-" + UUID.randomUUID());
		OnrampProcess onramp = provision(Map.of(), List.of("-Donramp.browser.command=" + opener(record)));
		assertEquals(2, onramp.awaitExit(STEP), onramp.stderr());
		String message = JsonParser.parseString(onramp.stdout()).getAsJsonObject().getAsJsonObject("error")
				.get("message").getAsString();
		assertTrue(message.contains("--ssid"), message);
		assertFalse(OnrampProcess.ADDRESS.matcher(onramp.stderr()).find(), "no page without a desktop");
		assertFalse(Files.exists(record));
	}

	@Test
	void onADesktopWithStdoutPipedTheTerminalFlowStaysToo() throws Exception {
		OnrampProcess onramp = provision(Map.of("DISPLAY", ":42"), List.of());
		assertEquals(2, onramp.awaitExit(STEP), onramp.stderr());
		assertFalse(OnrampProcess.ADDRESS.matcher(onramp.stderr()).find(), "a script's run serves no page");
	}

	@Test
	void browserWithoutADesktopServesThePageAndOnlyPrintsIt() throws Exception {
		Path record = work.resolve("opened-" + UUID.randomUUID());
		OnrampProcess onramp = provision(Map.of(), List.of("-Donramp.browser.command=" + opener(record)),
				"--browser", "--timeout", "2");
		assertNotNull(onramp.awaitAddress(STEP));
		assertEquals(7, onramp.awaitExit(STEP), onramp.stderr());
		assertFalse(Files.exists(record), "no desktop to open a browser on");
	}

	@Test
	void browserAndNoBrowserTogetherAreAUsageError() throws Exception {
		OnrampProcess onramp = provision(Map.of(), List.of(), "--browser", "--no-browser");
		assertEquals(2, onramp.awaitExit(STEP), onramp.stderr());
	}
}
