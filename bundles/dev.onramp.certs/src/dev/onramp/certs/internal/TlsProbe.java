/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.certs.internal;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.security.GeneralSecurityException;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;

import org.eclipse.osgi.util.NLS;

/**
 * One TLS handshake with a device: connect (to the host, or to an explicit address when {@code .local} does not
 * resolve), send the host as SNI, finish the handshake within the time limit, and hand back the served chain.
 */
final class TlsProbe {

	/** What the handshake produced: the chain, or why there is none. */
	record Result(List<X509Certificate> chain, String failure) {

		static Result served(List<X509Certificate> chain) {
			return new Result(List.copyOf(chain), null);
		}

		static Result unreachable(String failure) {
			return new Result(List.of(), failure);
		}

		boolean reached() {
			return failure == null;
		}
	}

	private TlsProbe() {
	}

	static Result probe(String host, int port, Optional<InetAddress> connectAddress, Duration timeout) {
		long deadline = System.nanoTime() + timeout.toNanos();
		InetSocketAddress address;
		try {
			address = new InetSocketAddress(connectAddress.isPresent() ? connectAddress.get()
					: InetAddress.getByName(host), port);
		} catch (UnknownHostException e) {
			return Result.unreachable(NLS.bind(Messages.TlsProbe_unresolved, host));
		}
		DeferredDecisionTrustManager trustManager = new DeferredDecisionTrustManager();
		try (Socket plain = new Socket()) {
			plain.connect(address, millis(timeout));
			plain.setSoTimeout(Math.max(1, millis(Duration.ofNanos(deadline - System.nanoTime()))));
			SSLContext context = SSLContext.getInstance("TLS"); //$NON-NLS-1$
			context.init(null, new TrustManager[] { trustManager }, null);
			try (SSLSocket tls = (SSLSocket) context.getSocketFactory().createSocket(plain, host, port, true)) {
				SSLParameters parameters = tls.getSSLParameters();
				if (!isAddressLiteral(host)) {
					parameters.setServerNames(List.of(new SNIHostName(host)));
				}
				tls.setSSLParameters(parameters);
				tls.startHandshake();
				List<X509Certificate> chain = new ArrayList<>();
				for (Certificate certificate : tls.getSession().getPeerCertificates()) {
					chain.add((X509Certificate) certificate);
				}
				return Result.served(chain);
			}
		} catch (SocketTimeoutException e) {
			return Result.unreachable(NLS.bind(Messages.TlsProbe_timeout, describe(address), timeout.toMillis()));
		} catch (SSLException e) {
			if (isReset(e)) {
				return Result.unreachable(NLS.bind(Messages.TlsProbe_reset, describe(address)));
			}
			return Result.unreachable(NLS.bind(Messages.TlsProbe_handshakeFailed, describe(address), e.getMessage()));
		} catch (IOException e) {
			if (isReset(e)) {
				return Result.unreachable(NLS.bind(Messages.TlsProbe_reset, describe(address)));
			}
			return Result.unreachable(NLS.bind(Messages.TlsProbe_connectFailed, describe(address), e.getMessage()));
		} catch (GeneralSecurityException e) {
			throw new IllegalStateException("This Java runtime has no TLS client", e); //$NON-NLS-1$
		}
	}

	/**
	 * @return whether the connection was reset (or broke under a write) after it was established: the device dropped
	 *         it mid-handshake, which an orderly end of the stream ("terminated the handshake") is not
	 */
	private static boolean isReset(IOException e) {
		for (Throwable cause = e; cause != null; cause = cause.getCause()) {
			if (cause instanceof SocketException
					&& String.valueOf(cause.getMessage()).toLowerCase(Locale.ROOT).contains("reset")) { //$NON-NLS-1$
				return true;
			}
		}
		return String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT).contains("connection reset"); //$NON-NLS-1$
	}

	static boolean isAddressLiteral(String host) {
		return host.indexOf(':') >= 0 || host.matches("\\d{1,3}(\\.\\d{1,3}){3}"); //$NON-NLS-1$
	}

	private static String describe(InetSocketAddress address) {
		return address.getAddress().getHostAddress() + ':' + address.getPort();
	}

	private static int millis(Duration duration) {
		return (int) Math.min(Integer.MAX_VALUE, Math.max(1, duration.toMillis()));
	}
}
