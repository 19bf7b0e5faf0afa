/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.provisioning.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.TimeUnit;

import dev.onramp.fuzz.Decoding;
import dev.onramp.fuzz.Fuzz;
import dev.onramp.fuzz.Mutations;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * protocomm's SoftAP transport against a loopback server that answers each request with the fuzzed bytes and closes:
 * status lines, headers (Content-Length lying or huge, Set-Cookie, Transfer-Encoding) and bodies.
 */
class SoftApHttpFuzzTest {

	private static ServerSocket server;
	private static Thread device;
	private static final SynchronousQueue<byte[]> ANSWERS = new SynchronousQueue<>();

	@BeforeContainer
	static void start() throws IOException {
		server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
		device = new Thread(SoftApHttpFuzzTest::serve, "fuzzed SoftAP device"); //$NON-NLS-1$
		device.setDaemon(true);
		device.start();
	}

	@AfterContainer
	static void stop() throws IOException {
		server.close();
		device.interrupt();
	}

	/** Reads one request (head and its 3-byte body), answers with the next fuzzed bytes, closes. */
	private static void serve() {
		while (!server.isClosed()) {
			byte[] answer;
			try {
				answer = ANSWERS.take();
			} catch (InterruptedException e) {
				return;
			}
			try (Socket client = server.accept()) {
				client.setSoTimeout(5000);
				InputStream in = client.getInputStream();
				int matched = 0;
				while (matched < 4) {
					int b = in.read();
					if (b < 0) {
						break;
					}
					matched = b == "\r\n\r\n".charAt(matched) ? matched + 1 : b == '\r' ? 1 : 0; //$NON-NLS-1$
				}
				in.readNBytes(3);
				OutputStream out = client.getOutputStream();
				out.write(answer);
				out.flush();
				client.shutdownOutput();
				while (in.read() >= 0) {
					// let the client close first, so that it reads the whole answer rather than a reset
				}
			} catch (IOException e) {
				if (server.isClosed()) {
					return;
				}
			}
		}
	}

	@Property(seed = Fuzz.SEED)
	void exchangeEndsWithBodyOrTypedFailure(@ForAll("answers") byte[] answer) throws InterruptedException {
		SoftApHttpTransport transport = new SoftApHttpTransport("127.0.0.1", server.getLocalPort(), //$NON-NLS-1$
				Deadline.in(Duration.ofSeconds(3)));
		if (!ANSWERS.offer(answer, 5, TimeUnit.SECONDS)) {
			throw new AssertionError("the loopback device is not serving"); //$NON-NLS-1$
		}
		try {
			Decoding.check("softap.http", answer.length, //$NON-NLS-1$
					() -> transport.exchange("proto-ver", "---".getBytes(StandardCharsets.US_ASCII)), //$NON-NLS-1$ //$NON-NLS-2$
					DeviceClosedException.class);
		} finally {
			transport.close();
		}
	}

	@Provide
	Arbitrary<byte[]> answers() {
		String body = "{\"prov\":{\"ver\":\"v1.1\",\"sec_ver\":1}}"; //$NON-NLS-1$
		return Mutations.mutated(Arbitraries.of(
				"HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: " + body.length() //$NON-NLS-1$
						+ "\r\nSet-Cookie: session=1234; Path=/\r\nConnection: keep-alive\r\n\r\n" + body, //$NON-NLS-1$
				"HTTP/1.0 200 OK\r\nConnection: close\r\n\r\n" + body, //$NON-NLS-1$
				"HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n", //$NON-NLS-1$
				"HTTP/1.1 500 Internal Server Error\r\nContent-Length: 5\r\n\r\nerror") //$NON-NLS-1$
				.map(Mutations::ascii), "Content-Length: 2147483647\r\n", "Content-Length: -1\r\n", //$NON-NLS-1$ //$NON-NLS-2$
				"Transfer-Encoding: chunked\r\n", "\r\n", ": ", "HTTP/1.1 ", "Set-Cookie: ", "Content-Length: 99999999999\r\n"); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$ //$NON-NLS-5$ //$NON-NLS-6$
	}
}
