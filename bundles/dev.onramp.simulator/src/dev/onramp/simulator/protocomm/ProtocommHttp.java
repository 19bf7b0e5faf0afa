/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.simulator.protocomm;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/** The HTTP of the simulated protocomm device: reading a request, writing a response. */
final class ProtocommHttp {

	private ProtocommHttp() {
	}

	/** Writes one response: status line, {@code Content-Type}, {@code Content-Length}, the cookie if any, the body. */
	static void respond(OutputStream out, int status, byte[] body, String setCookie) throws IOException {
		StringBuilder head = new StringBuilder();
		head.append("HTTP/1.1 ").append(status).append(status == 200 ? " OK" : status == 404 ? " Not Found" : " Error") //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$
				.append("\r\n"); //$NON-NLS-1$
		head.append("Content-Type: text/plain\r\n"); //$NON-NLS-1$
		head.append("Content-Length: ").append(body.length).append("\r\n"); //$NON-NLS-1$ //$NON-NLS-2$
		if (setCookie != null) {
			head.append("Set-Cookie: ").append(setCookie).append("\r\n"); //$NON-NLS-1$ //$NON-NLS-2$
		}
		head.append("\r\n"); //$NON-NLS-1$
		out.write(head.toString().getBytes(StandardCharsets.US_ASCII));
		out.write(body);
		out.flush();
	}

	/** One HTTP/1.1 request with a Content-Length body. */
	static final class Request {
		String method;
		String path;
		final Map<String, String> headers = new HashMap<>();
		byte[] body;

		String cookie() {
			String value = headers.get("cookie"); //$NON-NLS-1$
			if (value == null) {
				return null;
			}
			for (String part : value.split(";")) { //$NON-NLS-1$
				String trimmed = part.trim();
				if (trimmed.startsWith("session=")) { //$NON-NLS-1$
					return trimmed.substring("session=".length()); //$NON-NLS-1$
				}
			}
			return null;
		}

		static Request read(InputStream in) throws IOException {
			String line = line(in);
			if (line == null) {
				return null;
			}
			String[] parts = line.split(" "); //$NON-NLS-1$
			if (parts.length != 3) {
				throw new IOException("bad request line"); //$NON-NLS-1$
			}
			Request request = new Request();
			request.method = parts[0];
			request.path = parts[1];
			for (String header = line(in); header != null && !header.isEmpty(); header = line(in)) {
				int colon = header.indexOf(':');
				if (colon > 0) {
					request.headers.put(header.substring(0, colon).trim().toLowerCase(Locale.ROOT),
							header.substring(colon + 1).trim());
				}
			}
			int length = Integer.parseInt(request.headers.getOrDefault("content-length", "0")); //$NON-NLS-1$ //$NON-NLS-2$
			if (length < 0 || length > 4096) {
				throw new IOException("bad body length"); //$NON-NLS-1$
			}
			request.body = in.readNBytes(length);
			if (request.body.length < length) {
				throw new IOException("short body"); //$NON-NLS-1$
			}
			return request;
		}

		private static String line(InputStream in) throws IOException {
			ByteArrayOutputStream buffer = new ByteArrayOutputStream();
			while (true) {
				int b = in.read();
				if (b < 0) {
					return buffer.size() == 0 ? null : buffer.toString(StandardCharsets.ISO_8859_1);
				}
				if (b == '\n') {
					return buffer.toString(StandardCharsets.ISO_8859_1);
				}
				if (b != '\r') {
					buffer.write(b);
				}
			}
		}
	}
}
