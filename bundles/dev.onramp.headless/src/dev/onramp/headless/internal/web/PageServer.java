/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.headless.internal.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import dev.onramp.core.Secret;

/**
 * The page's server: the JDK's HTTP server on 127.0.0.1 at an ephemeral port, answering only under
 * {@code /p/<token>/}, where the token is 256 random bits. It refuses requests whose {@code Host} is not its own
 * address (a page elsewhere cannot reach it through a name that resolves to 127.0.0.1), POSTs from any other
 * {@code Origin}, and, once a browser has opened the page, every other browser. Refusals carry no detail. Every
 * answer forbids caching, referrers, framing and any resource not served here.
 */
final class PageServer implements AutoCloseable {

	private static final int TOKEN_BYTES = 32;
	private static final int MAX_BODY = 4096;
	/** at most this long for answers under way when the server stops */
	private static final int STOP_GRACE_SECONDS = 1;
	private static final String COOKIE = "onramp_page"; //$NON-NLS-1$
	private static final String GET = "GET"; //$NON-NLS-1$
	private static final String POST = "POST"; //$NON-NLS-1$
	private static final String JSON = "application/json; charset=utf-8"; //$NON-NLS-1$
	private static final Map<String, String> SECURITY_HEADERS = Map.of(
			"Cache-Control", "no-store", //$NON-NLS-1$ //$NON-NLS-2$
			"Referrer-Policy", "no-referrer", //$NON-NLS-1$ //$NON-NLS-2$
			"X-Content-Type-Options", "nosniff", //$NON-NLS-1$ //$NON-NLS-2$
			"X-Frame-Options", "DENY", //$NON-NLS-1$ //$NON-NLS-2$
			"Cross-Origin-Resource-Policy", "same-origin", //$NON-NLS-1$ //$NON-NLS-2$
			"Content-Security-Policy", "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; " //$NON-NLS-1$ //$NON-NLS-2$
					+ "connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"); //$NON-NLS-1$
	private static final Map<String, String> ASSETS = Map.of(
			"", "text/html; charset=utf-8", //$NON-NLS-1$ //$NON-NLS-2$
			"page.css", "text/css; charset=utf-8", //$NON-NLS-1$ //$NON-NLS-2$
			"page.js", "text/javascript; charset=utf-8"); //$NON-NLS-1$ //$NON-NLS-2$

	private final PageState state;
	private final HttpServer server;
	private final ExecutorService executor;
	private final String prefix;
	private final String host;
	private final String origin;
	private final SecureRandom random = new SecureRandom();
	private final Map<String, byte[]> assets;
	private String claim;

	private PageServer(PageState state, HttpServer server, ExecutorService executor, String token) {
		this.state = state;
		this.server = server;
		this.executor = executor;
		this.prefix = "/p/" + token + "/"; //$NON-NLS-1$ //$NON-NLS-2$
		int port = server.getAddress().getPort();
		this.host = "127.0.0.1:" + port; //$NON-NLS-1$
		this.origin = "http://" + host; //$NON-NLS-1$
		this.assets = Map.of("", asset("index.html"), "page.css", asset("page.css"), "page.js", asset("page.js")); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$ //$NON-NLS-5$ //$NON-NLS-6$
	}

	/** Starts serving {@code state} on 127.0.0.1 at a port the system chooses. */
	static PageServer start(PageState state) throws IOException {
		HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getByAddress(new byte[] { 127, 0, 0, 1 }), 0), 0);
		// a thread per connection: the JDK's server reads a new connection's request on an executor thread, and
		// browsers open connections ahead of need that may never carry a request; a small pool would starve
		ExecutorService executor = Executors
				.newThreadPerTaskExecutor(Thread.ofVirtual().name("onramp-page-", 1).factory()); //$NON-NLS-1$
		server.setExecutor(executor);
		byte[] bytes = new byte[TOKEN_BYTES];
		new SecureRandom().nextBytes(bytes);
		PageServer page = new PageServer(state, server, executor, Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
		server.createContext("/", page::handle); //$NON-NLS-1$
		server.start();
		return page;
	}

	/** @return the page's one address */
	URI address() {
		return URI.create(origin + prefix);
	}

	private static byte[] asset(String name) {
		try (InputStream in = PageServer.class.getResourceAsStream(name)) {
			if (in == null) {
				throw new IllegalStateException("The page's " + name + " is missing from the bundle"); //$NON-NLS-1$ //$NON-NLS-2$
			}
			return in.readAllBytes();
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private void handle(HttpExchange exchange) throws IOException {
		try (exchange) {
			Headers response = exchange.getResponseHeaders();
			SECURITY_HEADERS.forEach(response::set);
			List<String> hosts = exchange.getRequestHeaders().get("Host"); //$NON-NLS-1$
			if (hosts == null || hosts.size() != 1 || !hosts.get(0).equals(host)) {
				refuse(exchange, 403);
				return;
			}
			URI uri = exchange.getRequestURI();
			String path = uri.getRawPath();
			if (uri.getRawQuery() != null || path == null || !path.startsWith(prefix)) {
				refuse(exchange, 404);
				return;
			}
			String rest = path.substring(prefix.length());
			String method = exchange.getRequestMethod();
			if (ASSETS.containsKey(rest)) {
				if (!GET.equals(method)) {
					refuse(exchange, 405);
				} else if (rest.isEmpty() ? claim(exchange) : claimed(exchange)) {
					send(exchange, 200, ASSETS.get(rest), assets.get(rest));
				} else {
					refuse(exchange, 403);
				}
				return;
			}
			switch (rest) {
			case "api/state" -> { //$NON-NLS-1$
				if (!GET.equals(method)) {
					refuse(exchange, 405);
				} else if (!claimed(exchange)) {
					refuse(exchange, 403);
				} else {
					JsonObject snapshot = state.snapshot();
					sendJson(exchange, 200, snapshot);
					// only a final state the page has received in full lets the command end and the server stop
					exchange.close();
					state.delivered(snapshot);
				}
			}
			case "api/connect", "api/give-up" -> post(exchange, rest); //$NON-NLS-1$ //$NON-NLS-2$
			default -> refuse(exchange, 404);
			}
		}
	}

	private void post(HttpExchange exchange, String action) throws IOException {
		Headers request = exchange.getRequestHeaders();
		String contentType = request.getFirst("Content-Type"); //$NON-NLS-1$
		if (!POST.equals(exchange.getRequestMethod())) {
			refuse(exchange, 405);
		} else if (!origin.equals(request.getFirst("Origin")) || !claimed(exchange)) { //$NON-NLS-1$
			refuse(exchange, 403);
		} else if (contentType == null || !contentType.startsWith("application/json")) { //$NON-NLS-1$
			refuse(exchange, 415);
		} else {
			byte[] body = exchange.getRequestBody().readNBytes(MAX_BODY + 1);
			try {
				if (body.length > MAX_BODY) {
					refuse(exchange, 413);
					return;
				}
				PageState.Action requested = action.equals("api/give-up") ? new PageState.GiveUp() : connect(body); //$NON-NLS-1$
				if (requested == null) {
					sendJson(exchange, 400, error(Messages.Page_badRequest));
				} else if (state.offer(requested)) {
					JsonObject accepted = new JsonObject();
					accepted.addProperty("accepted", Boolean.TRUE); //$NON-NLS-1$
					sendJson(exchange, 202, accepted);
				} else {
					sendJson(exchange, 409, error(Messages.Page_notNow));
				}
			} finally {
				Arrays.fill(body, (byte) 0);
			}
		}
	}

	/** @return the request to join a network, or null when the body is not one */
	private static PageState.Connect connect(byte[] body) {
		try {
			JsonElement parsed = JsonParser.parseString(new String(body, StandardCharsets.UTF_8));
			if (!parsed.isJsonObject()) {
				return null;
			}
			JsonObject object = parsed.getAsJsonObject();
			JsonElement ssid = object.get("ssid"); //$NON-NLS-1$
			JsonElement password = object.get("password"); //$NON-NLS-1$
			if (ssid == null || !ssid.isJsonPrimitive() || password == null || !password.isJsonPrimitive()) {
				return null;
			}
			String network = ssid.getAsString();
			int ssidBytes = network.getBytes(StandardCharsets.UTF_8).length;
			String text = password.getAsString();
			if (ssidBytes < 1 || ssidBytes > 32 || text.length() > 64) {
				return null;
			}
			return new PageState.Connect(network, Secret.of(text));
		} catch (JsonParseException | IllegalStateException | UnsupportedOperationException e) {
			return null;
		}
	}

	private static JsonObject error(String message) {
		JsonObject error = new JsonObject();
		error.addProperty("error", message); //$NON-NLS-1$
		return error;
	}

	/** The first browser to open the page claims it with a cookie; the page then works only there. */
	private synchronized boolean claim(HttpExchange exchange) {
		if (claim == null) {
			byte[] bytes = new byte[TOKEN_BYTES];
			random.nextBytes(bytes);
			claim = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
			exchange.getResponseHeaders().add("Set-Cookie", //$NON-NLS-1$
					COOKIE + "=" + claim + "; Path=" + prefix + "; HttpOnly; SameSite=Strict"); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
			return true;
		}
		return claimed(exchange);
	}

	private synchronized boolean claimed(HttpExchange exchange) {
		if (claim == null) {
			return false;
		}
		List<String> cookies = exchange.getRequestHeaders().get("Cookie"); //$NON-NLS-1$
		if (cookies == null) {
			return false;
		}
		String expected = COOKIE + "=" + claim; //$NON-NLS-1$
		return cookies.stream().flatMap(line -> Arrays.stream(line.split(";"))).map(String::trim) //$NON-NLS-1$
				.anyMatch(expected::equals);
	}

	private static void refuse(HttpExchange exchange, int status) throws IOException {
		exchange.sendResponseHeaders(status, -1);
	}

	private static void sendJson(HttpExchange exchange, int status, JsonObject json) throws IOException {
		send(exchange, status, JSON, json.toString().getBytes(StandardCharsets.UTF_8));
	}

	private static void send(HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
		exchange.getResponseHeaders().set("Content-Type", contentType); //$NON-NLS-1$
		exchange.sendResponseHeaders(status, body.length);
		exchange.getResponseBody().write(body);
	}

	/** Stops answering at once: the address is dead from now on. */
	@Override
	public void close() {
		server.stop(STOP_GRACE_SECONDS);
		executor.shutdownNow();
	}
}
