/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.simulator.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;

/**
 * The pyDirect web server: HTTPS on 127.0.0.1 with exactly the certificate chain and key the settings name
 * ({@code server.https_cert_file}, {@code server.https_key_file}), answering requests with a {@link Handler}: the
 * normal servers' small status page ({@link #statusPage}) or the setup server's routes. Parses the files with JDK
 * classes only, as the firmware's mbedTLS would: a PEM chain and an unencrypted PKCS#8 EC or RSA key.
 */
public final class PyDirectWebServer implements AutoCloseable {

	/** One request: method, path without the query, body. */
	public record Request(String method, String path, byte[] body) {
	}

	/**
	 * One response; {@code status} is the status line's code and text; {@code afterSent} runs once the response is
	 * out and the connection closed (the setup server's soft reset), on a thread of its own.
	 */
	public record Response(String status, String contentType, String body, Runnable afterSent) {
		static Response ok(String contentType, String body) {
			return new Response("200 OK", contentType, body, null); //$NON-NLS-1$
		}

		static Response notFound() {
			return new Response("404 Not Found", "text/plain", "Not found\n", null); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
		}

		Response then(Runnable action) {
			return new Response(status, contentType, body, action);
		}
	}

	/** What the firmware's script registered for its routes. */
	@FunctionalInterface
	public interface Handler {
		Response answer(Request request);
	}

	private static final int MAX_BODY = 4096;

	private static final char[] STORE_PASSWORD = "simulator".toCharArray(); //$NON-NLS-1$

	private final SSLServerSocket serverSocket;
	private final Handler handler;
	private final ExecutorService executor = Executors.newCachedThreadPool(r -> {
		Thread t = new Thread(r, "simulated-pydirect-https"); //$NON-NLS-1$
		t.setDaemon(true);
		return t;
	});
	private volatile boolean closed;

	private PyDirectWebServer(SSLServerSocket serverSocket, Handler handler) {
		this.serverSocket = serverSocket;
		this.handler = handler;
		executor.execute(this::serve);
	}

	/**
	 * @param chainPem the content of the certificate file
	 * @param keyPem   the content of the key file
	 * @throws GeneralSecurityException when the files do not hold a usable certificate and key
	 */
	public static PyDirectWebServer start(byte[] chainPem, byte[] keyPem, int port, Handler handler)
			throws IOException, GeneralSecurityException {
		SSLContext context = context(chainPem, keyPem);
		SSLServerSocket socket = (SSLServerSocket) context.getServerSocketFactory().createServerSocket();
		try {
			socket.setReuseAddress(true);
			socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 16);
		} catch (IOException e) {
			socket.close();
			throw e;
		}
		return new PyDirectWebServer(socket, handler);
	}

	static SSLContext context(byte[] chainPem, byte[] keyPem) throws GeneralSecurityException, IOException {
		Certificate[] chain = CertificateFactory.getInstance("X.509") //$NON-NLS-1$
				.generateCertificates(new ByteArrayInputStream(chainPem)).toArray(new Certificate[0]);
		if (chain.length == 0) {
			throw new GeneralSecurityException("No certificate in servercert.pem"); //$NON-NLS-1$
		}
		PrivateKey key = privateKey(keyPem, chain[0].getPublicKey().getAlgorithm());
		KeyStore store = KeyStore.getInstance("PKCS12"); //$NON-NLS-1$
		store.load(null, null);
		store.setKeyEntry("device", key, STORE_PASSWORD, chain); //$NON-NLS-1$
		KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
		keyManagers.init(store, STORE_PASSWORD);
		SSLContext context = SSLContext.getInstance("TLS"); //$NON-NLS-1$
		context.init(keyManagers.getKeyManagers(), null, null);
		return context;
	}

	private static PrivateKey privateKey(byte[] keyPem, String algorithm) throws GeneralSecurityException {
		String text = new String(keyPem, StandardCharsets.US_ASCII);
		int begin = text.indexOf("-----BEGIN PRIVATE KEY-----"); //$NON-NLS-1$
		int end = text.indexOf("-----END PRIVATE KEY-----"); //$NON-NLS-1$
		if (begin < 0 || end < begin) {
			throw new GeneralSecurityException("prvtkey.pem holds no PKCS#8 PRIVATE KEY block"); //$NON-NLS-1$
		}
		byte[] der = Base64.getMimeDecoder().decode(text.substring(begin + 27, end));
		return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der));
	}

	/** @return the port it listens on */
	public int port() {
		return serverSocket.getLocalPort();
	}

	private void serve() {
		while (!closed) {
			try {
				Socket socket = serverSocket.accept();
				executor.execute(() -> answer(socket));
			} catch (IOException e) {
				return; // closed
			}
		}
	}

	/** @return the normal servers' answer: a status page at {@code /}, nothing else */
	public static Handler statusPage(String hostname) {
		return request -> request.method().equals("GET") //$NON-NLS-1$
				&& (request.path().equals("/") || request.path().equals("/index.html")) //$NON-NLS-1$ //$NON-NLS-2$
						? Response.ok("text/html", "<!DOCTYPE html><html><head><title>pyDirect " + hostname //$NON-NLS-1$ //$NON-NLS-2$
								+ "</title></head><body><h1>pyDirect</h1><p>" + hostname //$NON-NLS-1$
								+ ".local is online over HTTPS.</p></body></html>\n") //$NON-NLS-1$
						: Response.notFound();
	}

	private void answer(Socket socket) {
		Runnable afterSent = null;
		try (socket) {
			socket.setSoTimeout(5000);
			InputStream in = socket.getInputStream();
			StringBuilder head = new StringBuilder();
			int b;
			while ((b = in.read()) >= 0 && head.length() < 8192) {
				head.append((char) b);
				if (head.length() >= 4 && head.substring(head.length() - 4).equals("\r\n\r\n")) { //$NON-NLS-1$
					break;
				}
			}
			String[] requestLine = head.toString().lines().findFirst().orElse("").split(" "); //$NON-NLS-1$ //$NON-NLS-2$
			String path = requestLine.length > 1 ? requestLine[1].split("\\?", 2)[0] : ""; //$NON-NLS-1$ //$NON-NLS-2$
			Response response = handler.answer(new Request(requestLine[0], path, in.readNBytes(contentLength(head))));
			afterSent = response.afterSent();
			byte[] bytes = response.body().getBytes(StandardCharsets.UTF_8);
			String header = "HTTP/1.1 " + response.status() + "\r\nContent-Type: " + response.contentType() //$NON-NLS-1$ //$NON-NLS-2$
					+ "; charset=utf-8\r\nContent-Length: " + bytes.length //$NON-NLS-1$
					+ "\r\nServer: pyDirect\r\nConnection: close\r\n\r\n"; //$NON-NLS-1$
			OutputStream out = socket.getOutputStream();
			out.write(header.getBytes(StandardCharsets.US_ASCII));
			out.write(bytes);
			out.flush();
		} catch (IOException e) {
			// a TLS probe that only does the handshake, or a client that went away: nothing to answer
		}
		if (afterSent != null) {
			// not on this server's threads: the action may close the server
			Thread.ofPlatform().daemon().name("simulated pyDirect web action").start(afterSent); //$NON-NLS-1$
		}
	}

	private static int contentLength(CharSequence head) {
		for (String line : head.toString().split("\r\n")) { //$NON-NLS-1$
			int colon = line.indexOf(':');
			if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase("Content-Length")) { //$NON-NLS-1$
				try {
					return Math.clamp(Long.parseLong(line.substring(colon + 1).trim()), 0, MAX_BODY);
				} catch (NumberFormatException e) {
					return 0;
				}
			}
		}
		return 0;
	}

	@Override
	public void close() {
		closed = true;
		try {
			serverSocket.close();
		} catch (IOException e) {
			// closing anyway
		}
		executor.shutdownNow();
		try {
			executor.awaitTermination(2, TimeUnit.SECONDS);
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}
}
