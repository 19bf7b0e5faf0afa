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
 * The pyDirect web server after a blessing: HTTPS on 127.0.0.1 with exactly the certificate chain and key installed
 * in {@code /certs}, answering {@code GET /} with a small status page. Parses the files with JDK classes only, as the
 * firmware's mbedTLS would: a PEM chain and an unencrypted PKCS#8 EC or RSA key.
 */
public final class PyDirectWebServer implements AutoCloseable {

	private static final char[] STORE_PASSWORD = "simulator".toCharArray(); //$NON-NLS-1$

	private final SSLServerSocket serverSocket;
	private final String hostname;
	private final ExecutorService executor = Executors.newCachedThreadPool(r -> {
		Thread t = new Thread(r, "simulated-pydirect-https"); //$NON-NLS-1$
		t.setDaemon(true);
		return t;
	});
	private volatile boolean closed;

	private PyDirectWebServer(SSLServerSocket serverSocket, String hostname) {
		this.serverSocket = serverSocket;
		this.hostname = hostname;
		executor.execute(this::serve);
	}

	/**
	 * @param chainPem the content of {@code /certs/servercert.pem}
	 * @param keyPem   the content of {@code /certs/prvtkey.pem}
	 * @throws GeneralSecurityException when the files do not hold a usable certificate and key
	 */
	public static PyDirectWebServer start(byte[] chainPem, byte[] keyPem, int port, String hostname)
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
		return new PyDirectWebServer(socket, hostname);
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

	private void answer(Socket socket) {
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
			String requestLine = head.toString().lines().findFirst().orElse(""); //$NON-NLS-1$
			boolean root = requestLine.startsWith("GET / ") || requestLine.startsWith("GET /index.html "); //$NON-NLS-1$ //$NON-NLS-2$
			String body = root
					? "<!DOCTYPE html><html><head><title>pyDirect " + hostname + "</title></head><body><h1>pyDirect</h1>" //$NON-NLS-1$ //$NON-NLS-2$
							+ "<p>" + hostname + ".local is online over HTTPS.</p></body></html>\n" //$NON-NLS-1$ //$NON-NLS-2$
					: "Not found\n"; //$NON-NLS-1$
			byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
			String response = (root ? "HTTP/1.1 200 OK" : "HTTP/1.1 404 Not Found") + "\r\nContent-Type: " //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
					+ (root ? "text/html" : "text/plain") + "; charset=utf-8\r\nContent-Length: " + bytes.length //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
					+ "\r\nServer: pyDirect\r\nConnection: close\r\n\r\n"; //$NON-NLS-1$
			OutputStream out = socket.getOutputStream();
			out.write(response.getBytes(StandardCharsets.US_ASCII));
			out.write(bytes);
			out.flush();
		} catch (IOException e) {
			// a TLS probe that only does the handshake, or a client that went away: nothing to answer
		}
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
