/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.simulator.internal;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;

import dev.onramp.simulator.internal.PyDirectWebServer.Request;
import dev.onramp.simulator.internal.PyDirectWebServer.Response;

/**
 * The routes of pyDirect's {@code lib/sys/setup_server.py}, which main.py runs instead of the normal servers while
 * {@code setup_mode} is set: {@code GET /setup} (a page naming the device and its IP, with a password form),
 * {@code POST /set-password} (JSON {@code {"password": ...}}, at least four characters; on success it stores
 * {@code server.webrepl_password}, clears {@code setup_mode}, saves and has the board soft-reset) and {@code GET /}
 * (a meta refresh to {@code /setup}, the firmware's C server having no redirects).
 */
final class SetupServer implements PyDirectWebServer.Handler {

	private final Supplier<PyDirectSettings> settings;
	private final String hostname;
	private final String ip;
	private final Consumer<String> console;
	private final Runnable softReset;

	/**
	 * @param hostname  as setup_server.py takes it: {@code device.hostname}, else {@code pydirect}
	 * @param console   prints a line on the board's serial console
	 * @param softReset called once the password is saved: the board soft-resets into its normal boot
	 */
	SetupServer(Supplier<PyDirectSettings> settings, String hostname, String ip, Consumer<String> console,
			Runnable softReset) {
		this.settings = settings;
		this.hostname = hostname;
		this.ip = ip;
		this.console = console;
		this.softReset = softReset;
	}

	@Override
	public Response answer(Request request) {
		String route = request.method() + " " + request.path(); //$NON-NLS-1$
		return switch (route) {
		case "GET /setup" -> Response.ok("text/html", page()); //$NON-NLS-1$ //$NON-NLS-2$
		case "POST /set-password" -> setPassword(new String(request.body(), StandardCharsets.UTF_8)); //$NON-NLS-1$
		case "GET /" -> Response.ok("text/html", "<html><head><meta http-equiv=\"refresh\" content=\"0;url=/setup\">" //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
				+ "</head><body><a href=\"/setup\">Setup</a></body></html>"); //$NON-NLS-1$
		default -> Response.notFound();
		};
	}

	private String page() {
		return "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>pyDirect Setup</title></head><body>\n" //$NON-NLS-1$
				+ "<h1>pyDirect Setup</h1>\n<p>Choose the WebREPL password to finish the setup.</p>\n" //$NON-NLS-1$
				+ "<p>Device: " + hostname + ".local<br>IP: " + ip + "</p>\n" //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
				+ "<form><input type=\"password\" id=\"pw1\"><input type=\"password\" id=\"pw2\">" //$NON-NLS-1$
				+ "<button type=\"button\" id=\"btn\">Complete Setup</button></form>\n</body></html>\n"; //$NON-NLS-1$
	}

	private synchronized Response setPassword(String body) {
		Map<String, Object> reply = new LinkedHashMap<>();
		try {
			Map<String, Object> data = body.isEmpty() ? Map.of() : SettingsJson.parseObject(body);
			Object password = data.getOrDefault("password", ""); //$NON-NLS-1$ //$NON-NLS-2$
			if (!(password instanceof String text)) {
				throw PyValues.typeError("object of type '" + PyValues.typeName(password) + "' has no len()"); //$NON-NLS-1$ //$NON-NLS-2$
			}
			if (text.codePointCount(0, text.length()) < 4) {
				reply.put("success", Boolean.FALSE); //$NON-NLS-1$
				reply.put("error", "Password too short (min 4 chars)"); //$NON-NLS-1$ //$NON-NLS-2$
				return json(reply);
			}
			PyDirectSettings current = settings.get();
			current.set("server.webrepl_password", text); //$NON-NLS-1$
			current.set("setup_mode", Boolean.FALSE); //$NON-NLS-1$
			current.save();
			console.accept("[SETUP] Password saved, setup complete!"); //$NON-NLS-1$
			reply.put("success", Boolean.TRUE); //$NON-NLS-1$
			reply.put("redirect", "https://scriptostudio.com/app/?device=" + hostname + ".local"); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
			// the script answers first, then its loop sees the flag and soft-resets
			return json(reply).then(() -> {
				console.accept("[SETUP] Resetting device for normal boot..."); //$NON-NLS-1$
				softReset.run();
			});
		} catch (IllegalArgumentException | PyException e) {
			console.accept("[SETUP] Error: " + e.getMessage()); //$NON-NLS-1$
			reply.put("success", Boolean.FALSE); //$NON-NLS-1$
			reply.put("error", String.valueOf(e.getMessage())); //$NON-NLS-1$
			return json(reply);
		}
	}

	private static Response json(Map<String, Object> reply) {
		return Response.ok("application/json", SettingsJson.write(reply)); //$NON-NLS-1$
	}
}
