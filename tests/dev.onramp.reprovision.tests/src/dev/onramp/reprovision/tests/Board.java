/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.reprovision.tests;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

import dev.onramp.core.MacAddress;
import dev.onramp.headless.internal.CommandRunner;
import dev.onramp.simulator.SimulatedMicroPythonDevice;
import dev.onramp.simulator.SimulatedNetwork;
import dev.onramp.simulator.SimulatorOptions;
import dev.onramp.simulator.rfc2217.Rfc2217SimulatorServer;

/** A simulated pyDirect board served on {@code socket://127.0.0.1:PORT}, and helpers to look at what it serves. */
final class Board implements AutoCloseable {

	static final String LAB_SSID = "onramp-lab";
	static final String LAB_PASSWORD = "lab-password-1";

	final SimulatedMicroPythonDevice device;
	/** A USB-UART bridge shared over RFC 2217: it carries the reset lines pyDirect needs (its main.py ignores Ctrl-C). */
	final Rfc2217SimulatorServer server;

	private Board(SimulatedMicroPythonDevice device) throws IOException {
		this.device = device;
		this.server = new Rfc2217SimulatorServer(device);
	}

	/** @param lastOctet distinguishes boards (MAC and host name), so the shared registry never confuses them */
	static Board onLab(int lastOctet, boolean mdns) throws IOException {
		SimulatedNetwork network = SimulatedNetwork.isolated().joinedTo(LAB_SSID, LAB_PASSWORD).withMdns(mdns);
		return open(lastOctet, network);
	}

	static Board open(int lastOctet, SimulatedNetwork network) throws IOException {
		SimulatorOptions options = SimulatorOptions.pyDirectDefaults()
				.withMac(MacAddress.parse(String.format("24:0a:c4:5e:%02x:%02x", lastOctet, lastOctet)))
				.withNetwork(network);
		return new Board(SimulatedMicroPythonDevice.withTemporaryFlash(options));
	}

	String port() {
		return server.uri();
	}

	String hostname() {
		return device.hostname();
	}

	Path flash(String path) {
		return device.flash().resolve(path);
	}

	/** @return the SHA-256 (lower-case hex) of the certificate the board serves now, and the GET / answer */
	String[] served() throws Exception {
		SSLContext context = SSLContext.getInstance("TLS");
		X509Certificate[][] captured = new X509Certificate[1][];
		context.init(null, new TrustManager[] { new X509TrustManager() {
			@Override
			public void checkClientTrusted(X509Certificate[] chain, String authType) {
				throw new UnsupportedOperationException();
			}

			@Override
			public void checkServerTrusted(X509Certificate[] chain, String authType) {
				captured[0] = chain;
			}

			@Override
			public X509Certificate[] getAcceptedIssuers() {
				return new X509Certificate[0];
			}
		} }, new SecureRandom());
		try (SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket("127.0.0.1", device.httpsPort())) {
			socket.setSoTimeout(5000);
			OutputStream out = socket.getOutputStream();
			out.write(("GET / HTTP/1.1\r\nHost: " + hostname() + ".local\r\nConnection: close\r\n\r\n")
					.getBytes(StandardCharsets.US_ASCII));
			out.flush();
			InputStream in = socket.getInputStream();
			String page = new String(in.readAllBytes(), StandardCharsets.UTF_8);
			byte[] digest = java.security.MessageDigest.getInstance("SHA-256").digest(captured[0][0].getEncoded());
			return new String[] { HexFormat.of().formatHex(digest), page, captured[0][0].getSubjectX500Principal()
					.getName(), captured[0][0].getIssuerX500Principal().getName() };
		}
	}

	static String normalized(String fingerprint) {
		return fingerprint.replace(":", "").toLowerCase(java.util.Locale.ROOT);
	}

	/** Runs the {@code onramp} command line in-process; stdout and stderr as text. */
	static String[] run(CommandRunner runner, Map<String, String> environment, List<String> args) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ByteArrayOutputStream err = new ByteArrayOutputStream();
		int code = runner.run(args.toArray(String[]::new), new PrintStream(out, true, StandardCharsets.UTF_8),
				new PrintStream(err, true, StandardCharsets.UTF_8), environment);
		return new String[] { String.valueOf(code), out.toString(StandardCharsets.UTF_8),
				err.toString(StandardCharsets.UTF_8) };
	}

	static String read(Path file) throws IOException {
		return Files.readString(file, StandardCharsets.US_ASCII);
	}

	@Override
	public void close() {
		server.close();
		device.close();
	}
}
