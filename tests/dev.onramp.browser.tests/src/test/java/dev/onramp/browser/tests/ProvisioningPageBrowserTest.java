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
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import dev.onramp.simulator.protocomm.ProtocommDeviceConfig;
import dev.onramp.simulator.protocomm.SimulatedProtocommDevice;

/**
 * {@code onramp provision} without {@code --ssid}: the built product serves its page, and a real headless Chromium
 * (one for the class) does what a person does on it, against a simulated protocomm device on 127.0.0.1.
 */
class ProvisioningPageBrowserTest {

	private static final Duration STEP = Duration.ofSeconds(20);
	private static final String SSID = "Workshop";
	private static final String HIDDEN = "Back-Office";
	private static final String IP = "192.168.1.77";

	private static Path work;
	private static Path profile;
	private static WebDriver browser;
	/** every secret the tests used, looked for in the browser's profile at the end */
	private static final List<String> SECRETS = new ArrayList<>();

	private final String pop = "pop-" + UUID.randomUUID();
	private final String password = "pw-" + UUID.randomUUID();
	private final List<AutoCloseable> opened = new ArrayList<>();
	private OnrampProcess current;

	@BeforeAll
	static void startBrowser() throws IOException {
		work = Path.of(System.getProperty("onramp.work", System.getProperty("java.io.tmpdir")));
		Files.createDirectories(work);
		profile = Files.createTempDirectory(work, "chromium-profile");
		ChromeOptions options = new ChromeOptions();
		options.setBinary(System.getProperty("onramp.chromium", "/usr/bin/chromium"));
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
				"--no-first-run", "--no-default-browser-check", "--user-data-dir=" + profile);
		// the DevTools network events, so a test can read every request and response the page made
		options.setCapability("goog:loggingPrefs", Map.of(LogType.PERFORMANCE, "ALL"));
		ChromeDriverService service = new ChromeDriverService.Builder()
				.usingDriverExecutable(Path.of(System.getProperty("onramp.chromedriver", "/usr/bin/chromedriver"))
						.toFile())
				.usingAnyFreePort().build();
		browser = new ChromeDriver(service, options);
	}

	@AfterAll
	static void stopBrowserAndSearchItsProfile() throws IOException {
		if (browser != null) {
			browser.quit();
		}
		// history, cache, cookies, form data: no secret anywhere the browser keeps things
		try (Stream<Path> files = Files.walk(profile)) {
			for (Path file : files.filter(Files::isRegularFile).toList()) {
				String content = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
				for (String secret : SECRETS) {
					assertFalse(content.contains(secret), "a secret in the browser's " + profile.relativize(file));
				}
			}
		}
		try (Stream<Path> files = Files.walk(profile)) {
			files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
		}
	}

	@AfterEach
	void closeAll() throws Exception {
		for (AutoCloseable closeable : opened) {
			closeable.close();
		}
	}

	private SimulatedProtocommDevice device() throws IOException {
		SECRETS.add(pop);
		SECRETS.add(password);
		SimulatedProtocommDevice device = SimulatedProtocommDevice.start(ProtocommDeviceConfig.builder().security(2)
				.pop(pop).network(SSID, password).hiddenNetwork(HIDDEN, password).extraVisibleNetworks(4).build());
		opened.add(device);
		return device;
	}

	/** Runs {@code onramp --json provision --pop-env POP --endpoint E} with further arguments. */
	private OnrampProcess provision(SimulatedProtocommDevice device, Map<String, String> environment,
			List<String> jvmOptions, String... more) throws IOException {
		List<String> args = new ArrayList<>(List.of("--json", "--data-dir", work.resolve("data").toString(),
				"provision", "--pop-env", "TEST_POP", "--endpoint", device.endpoint()));
		args.addAll(List.of(more));
		Map<String, String> all = new java.util.HashMap<>(environment);
		all.put("TEST_POP", pop);
		OnrampProcess process = OnrampProcess.start(all, jvmOptions, args.toArray(String[]::new));
		opened.add(process);
		current = process;
		return process;
	}

	private static WebDriverWait waiting() {
		return new WebDriverWait(browser, STEP);
	}

	private static WebElement network(String ssid) {
		return waiting().until(ExpectedConditions.elementToBeClickable(By.cssSelector(
				"#networks li[data-ssid='" + ssid + "']")));
	}

	private static void typePassword(String text) {
		WebElement field = waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("password")));
		field.clear();
		field.sendKeys(text);
		browser.findElement(By.id("connect")).click();
	}

	private String resultTitle(String expected) throws IOException {
		try {
			waiting().until(ExpectedConditions.textToBe(By.id("result-title"), expected));
		} catch (org.openqa.selenium.TimeoutException e) {
			throw new AssertionError("the page did not show " + expected + "; it shows:\n"
					+ browser.findElement(By.tagName("body")).getText() + "\n--- onramp printed:\n"
					+ (current == null ? "" : current.stdout() + current.stderr()), e);
		}
		return browser.findElement(By.id("result-message")).getText();
	}

	private void assertNoSecretIn(String where, String text) {
		for (String secret : List.of(pop, password)) {
			assertFalse(text.contains(secret), "a secret in " + where + ":\n" + text);
		}
	}

	/** A program that stands in for xdg-open: it writes down the address it was asked to open. */
	private static Path recordingOpener(Path record) throws IOException {
		Path script = Files.createTempFile(work, "opener", ".sh");
		Files.writeString(script, "#!/bin/sh\nprintf '%s' \"$1\" > '" + record + "'\n");
		script.toFile().setExecutable(true);
		return script;
	}

	/** Waits for the opener's record to be written, woken by the file system's change events, until the deadline. */
	private static String awaitFile(Path file) throws IOException, InterruptedException {
		Instant deadline = Instant.now().plus(STEP);
		try (WatchService watcher = file.getFileSystem().newWatchService()) {
			file.getParent().register(watcher, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY);
			while (!(Files.exists(file) && Files.size(file) > 0)) {
				long left = Duration.between(Instant.now(), deadline).toMillis();
				WatchKey key = left > 0 ? watcher.poll(left, TimeUnit.MILLISECONDS) : null;
				if (key == null) {
					throw new AssertionError("the opener was not called: " + file);
				}
				key.pollEvents();
				key.reset();
			}
			return Files.readString(file);
		}
	}

	@Test
	void onADesktopTheBrowserOpensThePageAndThePersonConnectsTheDevice() throws Exception {
		SimulatedProtocommDevice device = device();
		Path record = work.resolve("opened-" + UUID.randomUUID());
		OnrampProcess onramp = provision(device, Map.of("DISPLAY", ":42", "ONRAMP_STDOUT_TTY", "1"),
				List.of("-Donramp.browser.command=" + recordingOpener(record)));
		String address = awaitFile(record);
		assertTrue(OnrampProcess.ADDRESS.matcher(address).matches(), address);
		assertTrue(onramp.stderr().contains("If it does not open, open this address yourself: " + address),
				onramp.stderr());

		browser.get(address);
		waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("security"), "Security 2"));
		assertEquals("v1.1", browser.findElement(By.id("proto-version")).getText());
		assertTrue(browser.findElement(By.id("capabilities")).getText().contains("wifi_scan"));
		assertTrue(browser.findElement(By.cssSelector("#choose .note")).getText().contains("2.4 GHz"));
		WebElement workshop = network(SSID);
		assertEquals(4, workshop.findElements(By.cssSelector(".bars span")).size());
		assertFalse(workshop.findElement(By.cssSelector(".lock")).getText().isEmpty(), "a lock for WPA2");
		assertTrue(browser.findElements(By.cssSelector("#networks li[data-ssid='" + HIDDEN + "']")).isEmpty());

		workshop.click();
		typePassword(password);
		resultTitle("Connected");
		assertEquals(IP, browser.findElement(By.id("ip")).getText());
		assertNoSecretIn("the page", browser.getPageSource());
		assertNoSecretIn("the address", browser.getCurrentUrl());

		assertEquals(0, onramp.awaitExit(STEP), onramp.stderr());
		JsonObject result = JsonParser.parseString(onramp.stdout()).getAsJsonObject();
		assertTrue(result.get("ok").getAsBoolean());
		assertEquals(SSID, result.get("ssid").getAsString());
		assertEquals(IP, result.get("ip").getAsString());
		assertEquals(SSID, device.lastReceivedSsid());
		assertNoSecretIn("stdout", onramp.stdout());
		assertNoSecretIn("stderr", onramp.stderr());
	}

	@Test
	void aWrongPasswordIsTypedAgainOnThePage() throws Exception {
		SimulatedProtocommDevice device = device();
		String mistyped = "mistyped-" + UUID.randomUUID();
		SECRETS.add(mistyped);
		OnrampProcess onramp = provision(device, Map.of(), List.of(), "--no-browser");
		browser.get(onramp.awaitAddress(STEP));
		network(SSID).click();
		typePassword(mistyped);
		String message = resultTitle("Not connected");
		assertTrue(message.toLowerCase().contains("password"), message);
		assertTrue(browser.findElement(By.id("retry")).isDisplayed());
		assertEquals("", browser.findElement(By.id("password")).getAttribute("value"), "the field starts empty");
		assertNoSecretIn("the page", browser.getPageSource());
		assertFalse(browser.getPageSource().contains(mistyped));

		typePassword(password);
		resultTitle("Connected");
		assertEquals(0, onramp.awaitExit(STEP), onramp.stderr());
		assertEquals(1, device.resets(), "the failed attempt was reset in the same session");
		assertEquals(SSID, device.lastReceivedSsid());
		String printed = onramp.stdout() + onramp.stderr();
		assertNoSecretIn("the output", printed);
		assertFalse(printed.contains(mistyped), printed);
	}

	@Test
	void givingUpAfterAWrongPasswordEndsWithItsExitCode() throws Exception {
		SimulatedProtocommDevice device = device();
		OnrampProcess onramp = provision(device, Map.of(), List.of(), "--no-browser");
		browser.get(onramp.awaitAddress(STEP));
		network(SSID).click();
		typePassword("not-" + password);
		resultTitle("Not connected");
		waiting().until(ExpectedConditions.elementToBeClickable(By.id("give-up"))).click();
		resultTitle("Stopped");
		assertEquals(5, onramp.awaitExit(STEP), onramp.stderr());
		JsonObject result = JsonParser.parseString(onramp.stdout()).getAsJsonObject();
		assertEquals("wifi_auth_failed", result.getAsJsonObject("error").get("reason").getAsString());
		assertEquals(SSID, result.get("ssid").getAsString());
	}

	@Test
	void joinAnotherNetworkReachesAHiddenSsid() throws Exception {
		SimulatedProtocommDevice device = device();
		OnrampProcess onramp = provision(device, Map.of(), List.of(), "--no-browser");
		browser.get(onramp.awaitAddress(STEP));
		network(SSID);
		browser.findElement(By.id("join-other")).click();
		WebElement other = waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("other-ssid")));
		other.sendKeys(HIDDEN);
		typePassword(password);
		resultTitle("Connected");
		assertEquals(0, onramp.awaitExit(STEP), onramp.stderr());
		assertEquals(HIDDEN, device.lastReceivedSsid());
	}

	/**
	 * The secrets canary on the page (issue 15): the PoP never reaches the page — not its address, DOM, scripts,
	 * storage, cookies or any response — and no Wi-Fi password, wrong or right, is echoed in a response body or
	 * header. Checked in the browser (Selenium and its DevTools network log: every request and response the page
	 * made, bodies included) and on the server side (the page server's answers to the browser's own cookie, raw).
	 */
	@Test
	void theProofOfPossessionNeverReachesThePageAndNoPasswordIsEchoed() throws Exception {
		SimulatedProtocommDevice device = device();
		String mistyped = "mis typed+/=&" + UUID.randomUUID();
		SECRETS.add(mistyped);
		List<String> passwords = List.of(password, mistyped);
		browser.manage().logs().get(LogType.PERFORMANCE); // the earlier tests' events, dropped
		OnrampProcess onramp = provision(device, Map.of(), List.of(), "--no-browser");
		String address = onramp.awaitAddress(STEP);
		assertNoCanary("the page's address", address, passwords);
		browser.get(address);
		network(SSID).click();
		// the page's own fetches, recorded with their answers' status, headers and bodies as the page receives them
		JavascriptExecutor js = (JavascriptExecutor) browser;
		js.executeScript("window.canaryAnswers = []; const original = window.fetch;"
				+ " window.fetch = async (...args) => { const answer = await original(...args);"
				+ " answer.clone().text().then(body => window.canaryAnswers.push(String(args[0]) + ' ' + answer.status"
				+ " + ' ' + JSON.stringify([...answer.headers]) + ' ' + body)); return answer; };");
		typePassword(mistyped);
		resultTitle("Not connected");

		// the server side, raw: each asset and the state, answered to the browser's own cookie
		URI uri = URI.create(address);
		String host = uri.getHost() + ":" + uri.getPort();
		String cookie = String.join("; ", browser.manage().getCookies().stream()
				.map(c -> c.getName() + "=" + c.getValue()).toList());
		assertFalse(cookie.isEmpty(), "the page's claim cookie");
		for (String rest : List.of("", "page.js", "page.css", "api/state")) {
			RawHttp.Answer answer = RawHttp.send(uri.getPort(), "GET", uri.getRawPath() + rest,
					Map.of("Host", host, "Cookie", cookie), null);
			assertEquals(200, answer.status(), rest);
			assertNoCanary("the server's answer to GET " + rest, answer.headers() + "\n" + answer.body(), passwords);
		}

		typePassword(password);
		resultTitle("Connected");
		// the DOM, its scripts, storage and cookies, what the page loaded, and the password field
		assertNoCanary("the page", browser.getPageSource(), passwords);
		assertNoCanary("the address", browser.getCurrentUrl(), passwords);
		String inPage = String.valueOf(js.executeScript("return [document.documentElement.outerHTML,"
				+ " Array.from(document.scripts).map(s => s.src + ' ' + s.text).join(' '),"
				+ " JSON.stringify(Object.assign({}, localStorage)), JSON.stringify(Object.assign({}, sessionStorage)),"
				+ " document.cookie, performance.getEntries().map(e => e.name).join(' '),"
				+ " document.getElementById('password').value].join('\\n')"));
		assertNoCanary("the page's DOM, scripts, storage, cookies, loaded resources and fields", inPage, passwords);
		@SuppressWarnings("unchecked")
		List<Object> answers = (List<Object>) js.executeScript("return window.canaryAnswers;");
		assertTrue(answers.stream().anyMatch(a -> String.valueOf(a).startsWith("api/connect 202")),
				() -> "the page's fetches were recorded: " + answers);
		assertNoCanary("the answers the page's script received", String.valueOf(answers), passwords);
		assertEquals(0, onramp.awaitExit(STEP), onramp.stderr());

		// every request and response the page made, from the DevTools network log
		ChromeDriver chrome = (ChromeDriver) browser;
		List<String> responses = new ArrayList<>(); // those whose bodies were read and searched
		boolean passwordPosted = false;
		for (LogEntry entry : browser.manage().logs().get(LogType.PERFORMANCE)) {
			JsonObject message = JsonParser.parseString(entry.getMessage()).getAsJsonObject().getAsJsonObject("message");
			String method = message.get("method").getAsString();
			JsonObject params = message.getAsJsonObject("params");
			if ("Network.requestWillBeSent".equals(method)) {
				JsonObject request = params.getAsJsonObject("request");
				assertNoCanary("a request's address", request.get("url").getAsString(), List.of());
				JsonElement posted = request.get("postData");
				passwordPosted |= posted != null && posted.getAsString().contains(jsonString(password));
			} else if ("Network.responseReceived".equals(method)) {
				JsonObject response = params.getAsJsonObject("response");
				String url = response.get("url").getAsString();
				assertNoCanary("the headers of " + url, response.get("headers").toString(), passwords);
				Map<String, Object> body;
				try {
					body = chrome.executeCdpCommand("Network.getResponseBody",
							Map.of("requestId", params.get("requestId").getAsString()));
				} catch (org.openqa.selenium.WebDriverException bodiless) {
					continue; // a response without a body kept (the favicon's 404, for one): the checks below need the rest
				}
				String text = String.valueOf(body.get("body"));
				if (Boolean.TRUE.equals(body.get("base64Encoded"))) {
					text = new String(Base64.getDecoder().decode(text), StandardCharsets.UTF_8);
				}
				assertNoCanary("the body of " + url, text, passwords);
				responses.add(url);
			}
		}
		assertTrue(passwordPosted, "the log holds the page's requests: the password went to the server in a POST");
		for (String kind : List.of("/", "/page.js", "/page.css", "/api/state")) { // api/connect's: recorded above
			assertTrue(responses.stream().anyMatch(u -> u.endsWith(kind)), () -> "the body of " + kind
					+ " was read among " + responses);
		}
	}

	/** Fails when the PoP, or one of the passwords, is in the text as it is or URL-, JSON-, Base64- or hex-encoded. */
	private void assertNoCanary(String where, String text, List<String> passwordsToo) {
		List<String> secrets = new ArrayList<>(List.of(pop));
		secrets.addAll(passwordsToo);
		for (String secret : secrets) {
			byte[] bytes = secret.getBytes(StandardCharsets.UTF_8);
			List<String> forms = List.of(secret, URLEncoder.encode(secret, StandardCharsets.UTF_8),
					URLEncoder.encode(secret, StandardCharsets.UTF_8).replace("+", "%20"), jsonString(secret),
					Base64.getEncoder().withoutPadding().encodeToString(bytes),
					Base64.getUrlEncoder().withoutPadding().encodeToString(bytes), HexFormat.of().formatHex(bytes));
			for (String form : forms) {
				assertFalse(text.contains(form), () -> (secret.equals(pop) ? "the PoP" : "a password") + " in " + where);
			}
		}
	}

	/** @return the secret as Gson writes it inside a JSON string (HTML-safe escapes) */
	private static String jsonString(String secret) {
		StringBuilder escaped = new StringBuilder();
		for (char c : secret.toCharArray()) {
			escaped.append("<>&='\"\\".indexOf(c) >= 0 ? String.format("\\u%04x", (int) c) : String.valueOf(c));
		}
		return escaped.toString();
	}
}
