/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.provisioning.internal.bless;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;

import org.eclipse.core.runtime.ILog;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.OperationCanceledException;
import org.eclipse.core.runtime.SubMonitor;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.ComponentContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

import dev.onramp.core.Device;
import dev.onramp.core.DeviceId;
import dev.onramp.core.DeviceKind;
import dev.onramp.core.Endpoint;
import dev.onramp.core.EndpointKind;
import dev.onramp.core.FailureReason;
import dev.onramp.core.Hostnames;
import dev.onramp.core.OnrampException;
import dev.onramp.core.certs.CertificateReport;
import dev.onramp.core.certs.ICertificateService;
import dev.onramp.core.certs.ICertificateVerifier;
import dev.onramp.core.certs.IssuedCertificate;
import dev.onramp.core.certs.VerificationOutcome;
import dev.onramp.core.certs.VerificationRequest;
import dev.onramp.core.discovery.IHostResolver;
import dev.onramp.core.provisioning.IReprovisioner;
import dev.onramp.core.provisioning.ReprovisionRequest;
import dev.onramp.core.provisioning.ReprovisionResult;
import dev.onramp.core.registry.IDeviceRegistry;
import dev.onramp.core.repl.IReplService;
import dev.onramp.core.repl.IReplSession;
import dev.onramp.core.serial.ISerialPortService;
import dev.onramp.provisioning.internal.bless.ReplBlessing.Board;
import dev.onramp.provisioning.internal.repl.ReplSessions;

/**
 * The pyDirect blessing (PROTOCOLS.md §4) over the raw REPL: in the device's session it identifies the board, issues
 * a certificate for it, installs the certificate and key and enables HTTPS (those steps are {@link ReplBlessing}'s);
 * then, unless the request says not to reset, it resets the device, waits for it to come back and checks that it
 * serves the installed certificate.
 */
@Component(service = IReprovisioner.class)
public class Reprovisioner implements IReprovisioner {

	public static final String CERT_PATH = "/certs/servercert.pem"; //$NON-NLS-1$
	public static final String KEY_PATH = "/certs/prvtkey.pem"; //$NON-NLS-1$
	/** pyDirect serves HTTPS on 443, fixed (there is no setting for it). */
	static final int HTTPS_PORT = 443;
	private static final Duration RESOLVE_TIMEOUT = Duration.ofSeconds(5);
	private static final long VERIFY_RETRY_NANOS = Duration.ofMillis(250).toNanos();

	private final ISerialPortService ports;
	private final IReplService repl;
	private final ICertificateService certificates;
	private final ICertificateVerifier verifier;
	private static final String REGISTRY = "registry"; //$NON-NLS-1$

	private final Supplier<IDeviceRegistry> registry;
	private volatile IHostResolver hostResolver;

	/** The registry (and with it mDNS) starts only when a re-provisioning resets its device. */
	/**
	 * The registry is looked up only when a re-provisioning resets its device and waits for it (the reference's bind
	 * method takes the service reference, not the service): activating the registry starts mDNS, which a fleet, a demo
	 * or a {@code --no-reset} run should not pay for.
	 */
	@Activate
	public Reprovisioner(ComponentContext context, @Reference ISerialPortService ports, @Reference IReplService repl,
			@Reference ICertificateService certificates, @Reference ICertificateVerifier verifier) {
		this(ports, repl, certificates, verifier, () -> context.locateService(REGISTRY));
	}

	public Reprovisioner(ISerialPortService ports, IReplService repl, ICertificateService certificates,
			ICertificateVerifier verifier, IDeviceRegistry registry) {
		this(ports, repl, certificates, verifier, () -> registry);
	}

	private Reprovisioner(ISerialPortService ports, IReplService repl, ICertificateService certificates,
			ICertificateVerifier verifier, Supplier<IDeviceRegistry> registry) {
		this.ports = ports;
		this.repl = repl;
		this.certificates = certificates;
		this.verifier = verifier;
		this.registry = registry;
	}

	/** Only makes the registry a mandatory reference of this component; the service is located when needed. */
	@Reference(name = REGISTRY, service = IDeviceRegistry.class)
	void bindRegistry(ServiceReference<IDeviceRegistry> reference) {
		// located on demand through the component context
	}

	@Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
	public void setHostResolver(IHostResolver service) {
		hostResolver = service;
	}

	public void unsetHostResolver(IHostResolver service) {
		if (hostResolver == service) {
			hostResolver = null;
		}
	}

	@Override
	public ReprovisionResult reprovision(ReprovisionRequest request, IProgressMonitor monitor)
			throws OnrampException {
		SubMonitor sub = SubMonitor.convert(monitor, "Re-provisioning the device on " + request.port(), 100); //$NON-NLS-1$
		try {
			return run(request, sub);
		} catch (OperationCanceledException e) {
			throw OnrampException.of(FailureReason.CANCELLED);
		}
	}

	private ReprovisionResult run(ReprovisionRequest request, SubMonitor sub) throws OnrampException {
		IssuedCertificate issued;
		Board board;
		try (IReplSession session = ReplSessions.open(ports, repl, request.port(), sub.split(5))) {
			sub.subTask("Identifying the device"); //$NON-NLS-1$
			board = ReplBlessing.identify(session, request);
			sub.split(5);

			sub.subTask("Issuing a certificate for " + Hostnames.toLocal(board.hostname())); //$NON-NLS-1$
			issued = certificates.issue(ReplBlessing.certificateRequest(request, board));
			sub.split(10);

			sub.subTask("Installing the certificate and key"); //$NON-NLS-1$
			ReplBlessing.install(session, board, issued, sub.split(30));

			sub.subTask("Turning on HTTPS and setup mode"); //$NON-NLS-1$
			ReplBlessing.enterSetupMode(session, board, request);
			sub.split(5);
			log("Installed certificate " + issued.fingerprintSha256() + " for " + board.hostname() + " on " //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
					+ request.port());
			if (!request.reset()) {
				return result(board, issued, false, board.ip(), "none", request.httpsPort().orElse(HTTPS_PORT)); //$NON-NLS-1$
			}
			rememberAddress(board, request.httpsPort().orElse(HTTPS_PORT));
			sub.subTask("Resetting the device"); //$NON-NLS-1$
			// the flow ends here on the line: the board boots its firmware (pyDirect: the setup server)
			session.resetAndClose();
			sub.split(10);
		}
		checkCanceled(sub);
		long waitDeadline = System.nanoTime() + request.waitTimeout().toNanos();
		sub.subTask("Waiting for " + Hostnames.toLocal(board.hostname()) + " to come back"); //$NON-NLS-1$ //$NON-NLS-2$
		Device online = registry.get().awaitOnline(DeviceId.ofHostname(board.hostname()), request.waitTimeout(),
				sub.split(25));
		boolean byMdns = online.endpoint(EndpointKind.MDNS_SERVICE).isPresent();
		Optional<InetAddress> address = address(online, board, byMdns);
		int port = request.httpsPort().isPresent() ? request.httpsPort().getAsInt()
				: webPort(online, byMdns ? Optional.of(Hostnames.toLocal(board.hostname())) : Optional.empty())
						.orElse(Integer.valueOf(HTTPS_PORT)).intValue();

		sub.subTask("Checking the certificate the device serves"); //$NON-NLS-1$
		verify(board, issued, port, address, waitDeadline, sub);
		sub.split(10);
		log("Verified " + board.hostname() + ".local serving " + issued.fingerprintSha256()); //$NON-NLS-1$ //$NON-NLS-2$
		return result(board, issued, true, address.map(InetAddress::getHostAddress), byMdns ? "mdns" : "ip", port); //$NON-NLS-1$ //$NON-NLS-2$
	}

	private static void checkCanceled(IProgressMonitor monitor) throws OnrampException {
		if (monitor.isCanceled()) {
			throw OnrampException.of(FailureReason.CANCELLED);
		}
	}

	/** Gives the registry the device's last address, so the wait can fall back to it when mDNS stays silent. */
	private void rememberAddress(Board board, int httpsPort) {
		Device.Builder device = Device.builder(DeviceKind.PYDIRECT).hostname(board.hostname());
		board.ip().ifPresent(ip -> device.endpoint(EndpointKind.WEB,
				"https://" + ip + (httpsPort == HTTPS_PORT ? "" : ":" + httpsPort) + "/")); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$
		registry.get().register(device.build());
	}

	private Optional<InetAddress> address(Device online, Board board, boolean byMdns) {
		if (byMdns) {
			IHostResolver resolver = hostResolver;
			if (resolver != null) {
				try {
					List<InetAddress> resolved = resolver.resolve(board.hostname(), RESOLVE_TIMEOUT);
					if (!resolved.isEmpty()) {
						return Optional.of(resolved.get(0));
					}
				} catch (OnrampException e) {
					// fall back to an address literal below
				}
			}
		}
		for (Endpoint endpoint : online.endpoints()) {
			if (endpoint.kind() == EndpointKind.WEB) {
				try {
					String host = URI.create(endpoint.address()).getHost();
					if (host != null && !host.endsWith(".local")) { //$NON-NLS-1$
						return Optional.of(InetAddress.getByName(host));
					}
				} catch (IllegalArgumentException | UnknownHostException e) {
					// not a literal
				}
			}
		}
		try {
			return board.ip().isPresent() ? Optional.of(InetAddress.getByName(board.ip().get())) : Optional.empty();
		} catch (UnknownHostException e) {
			return Optional.empty();
		}
	}

	/**
	 * @param announcedHost the device's {@code .local} name when mDNS found it: the port its announcement gives wins
	 *                      over the address remembered before the reset (registered first, with the firmware's 443)
	 */
	private static Optional<Integer> webPort(Device online, Optional<String> announcedHost) {
		Optional<Integer> any = Optional.empty();
		for (Endpoint endpoint : online.endpoints()) {
			if (endpoint.kind() == EndpointKind.WEB && endpoint.address().startsWith("https://")) { //$NON-NLS-1$
				try {
					URI uri = URI.create(endpoint.address());
					Optional<Integer> port = Optional.of(Integer.valueOf(uri.getPort() < 0 ? 443 : uri.getPort()));
					if (announcedHost.isEmpty() || announcedHost.get().equalsIgnoreCase(uri.getHost())) {
						return port;
					}
					any = any.or(() -> port);
				} catch (IllegalArgumentException e) {
					// keep looking
				}
			}
		}
		return any;
	}

	private void verify(Board board, IssuedCertificate issued, int port, Optional<InetAddress> address,
			long deadline, IProgressMonitor monitor) throws OnrampException {
		VerificationRequest check = VerificationRequest.pinned(url(board.hostname(), port, ""), //$NON-NLS-1$
				issued.fingerprintSha256());
		if (address.isPresent()) {
			check = check.connectingTo(address.get());
		}
		CertificateReport report = verifier.check(check);
		// a stale mDNS record can announce the device a moment before its web server listens again
		while (report.outcome() == VerificationOutcome.UNREACHABLE && System.nanoTime() - deadline < 0
				&& !monitor.isCanceled()) {
			LockSupport.parkNanos(VERIFY_RETRY_NANOS);
			report = verifier.check(check);
		}
		checkCanceled(monitor);
		if (report.matches()) {
			return;
		}
		FailureReason reason = report.outcome().failure();
		String served = report.served().map(s -> " It serves " + s.fingerprintSha256() + " (" + s.subject() + ").") //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
				.orElse(""); //$NON-NLS-1$
		throw new OnrampException(reason, Hostnames.toLocal(board.hostname())
				+ " does not serve the certificate that was installed: " + report.detail() + served, //$NON-NLS-1$
				reason == FailureReason.CERTIFICATE_MISMATCH
						? "The firmware may not read the installed files after a reset; check that HTTPS is enabled in its settings and reset it again." //$NON-NLS-1$
						: null);
	}

	/** @param page the path after the first slash: {@code setup} for pyDirect's setup server */
	static URI url(String hostname, int port, String page) {
		return URI.create("https://" + Hostnames.toLocal(hostname) + (port == HTTPS_PORT ? "" : ":" + port) + "/" //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$
				+ page);
	}

	private static ReprovisionResult result(Board board, IssuedCertificate issued, boolean verified,
			Optional<String> ip, String foundBy, int port) {
		return new ReprovisionResult(board.hostname(), url(board.hostname(), port, board.page()).toString(),
				issued.fingerprintSha256(), issued.notAfter(), verified, ip, foundBy);
	}

	private static void log(String message) {
		ILog.of(Reprovisioner.class).info(message);
	}
}
