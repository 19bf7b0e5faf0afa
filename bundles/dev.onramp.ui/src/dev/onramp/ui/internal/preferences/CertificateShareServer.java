/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.ui.internal.preferences;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HexFormat;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;

/**
 * A tiny HTTP server that hands the CA certificate to a phone on the same network while the "Share with a phone"
 * dialog is open: {@code GET /<token>/onramp-ca.crt} answers the DER form with the type phones offer to install
 * ({@code application/x-x509-ca-cert}), {@code .pem} the PEM form; anything else is 404. The certificate is public,
 * the random path only keeps other clients of the network from stumbling on it. It serves from a Job, one request at
 * a time with bounded reads, until {@link #close()}.
 */
public final class CertificateShareServer implements AutoCloseable {

	/** The family of the server's Job; not {@link dev.onramp.ui.internal.jobs.DeviceRule#FAMILY}: it runs as long as the dialog is open. */
	public static final Object FAMILY = CertificateShareServer.class;
	static final String DER_NAME = "onramp-ca.crt"; //$NON-NLS-1$
	static final String PEM_NAME = "onramp-ca.pem"; //$NON-NLS-1$
	private static final int ACCEPT_TIMEOUT_MILLIS = 200;
	private static final int READ_TIMEOUT_MILLIS = 5_000;

	private final ServerSocket socket;
	private final String token;
	private final byte[] der;
	private final byte[] pem;
	private final Job job;
	private volatile int served;

	private CertificateShareServer(ServerSocket socket, byte[] der, String pem) {
		this.socket = socket;
		this.der = der.clone();
		this.pem = pem.getBytes(StandardCharsets.US_ASCII);
		byte[] random = new byte[8];
		new SecureRandom().nextBytes(random);
		this.token = HexFormat.of().formatHex(random);
		this.job = new Job(Messages.CaPage_shareJob) {
			@Override
			protected IStatus run(IProgressMonitor monitor) {
				serve(monitor);
				return Status.OK_STATUS;
			}

			@Override
			public boolean belongsTo(Object family) {
				return family == FAMILY;
			}
		};
		job.setSystem(true);
	}

	/** Binds to {@code address} on a free port and starts serving; call it off the UI thread. */
	public static CertificateShareServer start(InetAddress address, byte[] der, String pem) throws IOException {
		ServerSocket socket = new ServerSocket();
		socket.bind(new InetSocketAddress(address, 0), 4);
		socket.setSoTimeout(ACCEPT_TIMEOUT_MILLIS);
		CertificateShareServer server = new CertificateShareServer(socket, der, pem);
		server.job.schedule();
		return server;
	}

	/** @return the URL of the DER certificate, for the QR code */
	public String url() {
		InetAddress address = socket.getInetAddress();
		String host = address.getHostAddress();
		if (host.contains(":")) { //$NON-NLS-1$
			host = '[' + host + ']';
		}
		return "http://" + host + ':' + socket.getLocalPort() + '/' + token + '/' + DER_NAME; //$NON-NLS-1$
	}

	/** @return how many certificates were handed out */
	public int served() {
		return served;
	}

	private void serve(IProgressMonitor monitor) {
		while (!monitor.isCanceled() && !socket.isClosed()) {
			try (Socket client = socket.accept()) {
				client.setSoTimeout(READ_TIMEOUT_MILLIS);
				answer(client);
			} catch (SocketTimeoutException e) {
				// no phone yet: look at the monitor again
			} catch (IOException e) {
				// a client that went away, or the socket closed by close()
			}
		}
	}

	private void answer(Socket client) throws IOException {
		BufferedReader reader = new BufferedReader(
				new InputStreamReader(client.getInputStream(), StandardCharsets.ISO_8859_1));
		String requestLine = reader.readLine();
		for (String header = reader.readLine(); header != null && !header.isEmpty(); header = reader.readLine()) {
			// the headers say nothing we need
		}
		String[] parts = requestLine == null ? new String[0] : requestLine.split(" "); //$NON-NLS-1$
		OutputStream out = client.getOutputStream();
		if (parts.length >= 2 && "GET".equals(parts[0]) && parts[1].equals('/' + token + '/' + DER_NAME)) { //$NON-NLS-1$
			respond(out, "200 OK", "application/x-x509-ca-cert", der); //$NON-NLS-1$ //$NON-NLS-2$
			served++;
		} else if (parts.length >= 2 && "GET".equals(parts[0]) && parts[1].equals('/' + token + '/' + PEM_NAME)) { //$NON-NLS-1$
			respond(out, "200 OK", "application/x-pem-file", pem); //$NON-NLS-1$ //$NON-NLS-2$
			served++;
		} else {
			respond(out, "404 Not Found", "text/plain", "Not found\n".getBytes(StandardCharsets.US_ASCII)); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
		}
	}

	private static void respond(OutputStream out, String status, String type, byte[] body) throws IOException {
		String head = "HTTP/1.1 " + status + "\r\nContent-Type: " + type + "\r\nContent-Length: " + body.length //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
				+ "\r\nContent-Disposition: attachment; filename=\"" + DER_NAME + "\"\r\nConnection: close\r\n\r\n"; //$NON-NLS-1$ //$NON-NLS-2$
		out.write(head.getBytes(StandardCharsets.US_ASCII));
		out.write(body);
		out.flush();
	}

	/** Stops serving: the port closes at once, the Job ends within one accept timeout. */
	@Override
	public void close() {
		job.cancel();
		try {
			socket.close();
		} catch (IOException e) {
			// closed already
		}
	}
}
