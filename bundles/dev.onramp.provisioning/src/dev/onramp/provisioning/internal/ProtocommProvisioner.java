/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.provisioning.internal;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.NullProgressMonitor;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

import dev.onramp.core.FailureReason;
import dev.onramp.core.OnrampException;
import dev.onramp.core.Remedy;
import dev.onramp.core.provisioning.DeviceProtocolInfo;
import dev.onramp.core.provisioning.IProtocommProvisioner;
import dev.onramp.core.provisioning.IProtocommSession;
import dev.onramp.core.provisioning.IWifiProvisioner;
import dev.onramp.core.provisioning.ProvisioningResult;
import dev.onramp.core.provisioning.ProvisioningTarget;
import dev.onramp.core.provisioning.WifiCredentials;
import dev.onramp.core.provisioning.WifiNetwork;
import dev.onramp.core.serial.ISerialPortService;
import dev.onramp.provisioning.internal.ble.BleTransport;

/** ESP-IDF unified provisioning over any of its transports: proto-ver, scheme choice, handshake. */
@Component(service = { IProtocommProvisioner.class, IWifiProvisioner.class }, property = "transport=protocomm")
public class ProtocommProvisioner implements IProtocommProvisioner {

	/** The SoftAP default of ESP-IDF's provisioning manager. */
	public static final String DEFAULT_ENDPOINT = "192.168.4.1:80"; //$NON-NLS-1$

	/** The serial ports, for the console transport; SoftAP works without them. */
	private volatile ISerialPortService ports;

	public ProtocommProvisioner() {
	}

	/** @param ports the serial ports the console transport opens */
	public ProtocommProvisioner(ISerialPortService ports) {
		this.ports = ports;
	}

	@Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.STATIC)
	void setPorts(ISerialPortService service) {
		ports = service;
	}

	void unsetPorts(ISerialPortService service) {
		if (ports == service) {
			ports = null;
		}
	}

	@Override
	public String transport() {
		return "protocomm"; //$NON-NLS-1$
	}

	@Override
	public IProtocommSession open(ProvisioningTarget target, IProgressMonitor monitor) throws OnrampException {
		IProgressMonitor progress = monitor == null ? new NullProgressMonitor() : monitor;
		Deadline deadline = Deadline.in(target.timeout());
		IProtocommTransport transport = connect(target, deadline);
		boolean opened = false;
		try {
			progress.subTask("Reading the provisioning version of the device " + transport.where()); //$NON-NLS-1$
			DeviceProtocolInfo info = protocolVersion(transport);
			ISecurityScheme scheme = choose(target, info, transport.where());
			transport.checkScheme(Integer.parseInt(scheme.version()));
			progress.subTask("Establishing a security " + scheme.version() + " session"); //$NON-NLS-1$ //$NON-NLS-2$
			try {
				scheme.establish(request -> transport.exchange("prov-session", request)); //$NON-NLS-1$
			} catch (DeviceClosedException e) {
				throw new OnrampException(FailureReason.HANDSHAKE_REJECTED,
						"The device " + transport.where() + " rejected the security " + scheme.version() //$NON-NLS-1$ //$NON-NLS-2$
								+ " handshake: it closed the connection without an answer.", //$NON-NLS-1$
						Protocomm.HANDSHAKE_HINT);
			}
			opened = true;
			return new ProtocommClientSession(transport, scheme, info, deadline);
		} finally {
			if (!opened) {
				transport.close();
			}
		}
	}

	/** Opens the target's transport; the caller closes it. */
	private IProtocommTransport connect(ProvisioningTarget target, Deadline deadline) throws OnrampException {
		switch (target.transport()) {
		case SOFTAP:
			HostPort endpoint = HostPort.parse(target.address());
			return new SoftApHttpTransport(endpoint.host(), endpoint.port(), deadline);
		case CONSOLE:
			ISerialPortService serial = ports;
			if (serial == null) {
				throw new OnrampException(FailureReason.NOT_AVAILABLE,
						"Provisioning over the console needs Onramp's serial port support, which is not installed.", //$NON-NLS-1$
						"Install the Onramp serial bundle, or provision the device over its access point (SoftAP)."); //$NON-NLS-1$
			}
			return ConsoleTransport.open(serial, target.address(), deadline);
		case BLE:
			return BleTransport.open(target.address(), deadline);
		default:
			throw new OnrampException(FailureReason.USAGE,
					"Provisioning over " + target.transport().id() + " is not available in this version of Onramp.", //$NON-NLS-1$ //$NON-NLS-2$
					"Provision the device over its access point (SoftAP) instead."); //$NON-NLS-1$
		}
	}

	private static DeviceProtocolInfo protocolVersion(IProtocommTransport transport) throws OnrampException {
		try {
			return ProtoVersionParser.parse(transport.exchange("proto-ver", "---".getBytes(StandardCharsets.US_ASCII))); //$NON-NLS-1$ //$NON-NLS-2$
		} catch (DeviceClosedException e) {
			throw new OnrampException(FailureReason.PROTOCOL_ERROR,
					"The device " + transport.where() + " closed the connection instead of answering proto-ver.", //$NON-NLS-1$ //$NON-NLS-2$
					"Check that the endpoint address points at a device in provisioning mode."); //$NON-NLS-1$
		} catch (EndpointNotFoundException e) {
			// firmware older than proto-ver: the scheme comes from --sec (or security 1)
			return ProtoVersionParser.unknown();
		}
	}

	/** The scheme the device runs, or the one the user asked for when the device does not say. */
	static ISecurityScheme choose(ProvisioningTarget target, DeviceProtocolInfo info, String where)
			throws OnrampException {
		Optional<Integer> reported = info.securityVersion();
		if (reported.isEmpty() && info.has("no_sec")) { //$NON-NLS-1$
			reported = Optional.of(Integer.valueOf(0));
		}
		int scheme;
		String requested = target.security();
		if ("auto".equals(requested)) { //$NON-NLS-1$
			// devices too old to report sec_ver ran security 1 unless they said no_sec
			scheme = reported.orElse(Integer.valueOf(1)).intValue();
		} else {
			int asked;
			try {
				asked = Integer.parseInt(requested);
			} catch (NumberFormatException e) {
				asked = -1;
			}
			if (asked < 0 || asked > 2) {
				throw new OnrampException(FailureReason.USAGE,
						"The security scheme is auto, 0, 1 or 2, not " + requested + ".", null) //$NON-NLS-1$ //$NON-NLS-2$
						.withRemedy(Remedy.SECURITY_SCHEME);
			}
			if (reported.isPresent() && reported.get().intValue() != asked) {
				throw new OnrampException(FailureReason.SECURITY_SCHEME_MISMATCH,
						"Security " + asked + " was requested, but the device " + where + " runs security " //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
								+ reported.get() + " (proto-ver " + info.version() + ", sec_ver " + reported.get() //$NON-NLS-1$ //$NON-NLS-2$
								+ ").", //$NON-NLS-1$
						"Let Onramp follow the scheme the device reports, or ask for security " + reported.get() + ".") //$NON-NLS-1$ //$NON-NLS-2$
						.withRemedy(Remedy.SECURITY_SCHEME);
			}
			scheme = asked;
		}
		switch (scheme) {
		case 0:
			return new Security0();
		case 1:
			if (info.has("no_pop")) { //$NON-NLS-1$
				return new Security1(Optional.empty());
			}
			if (target.proofOfPossession().isEmpty()) {
				throw new OnrampException(FailureReason.USAGE,
						"The device " + where + " runs security 1 and needs a proof of possession.", //$NON-NLS-1$ //$NON-NLS-2$
						"Give the proof of possession printed on the device or its QR code.") //$NON-NLS-1$
						.withRemedy(Remedy.PROOF_OF_POSSESSION);
			}
			return new Security1(target.proofOfPossession());
		case 2:
			if (target.proofOfPossession().isEmpty()) {
				throw new OnrampException(FailureReason.USAGE,
						"The device " + where + " runs security 2 and needs a proof of possession.", //$NON-NLS-1$ //$NON-NLS-2$
						"Give the proof of possession (the SRP password); the username defaults to wifiprov.") //$NON-NLS-1$
						.withRemedy(Remedy.SRP_CREDENTIALS);
			}
			return new Security2(target.username(), target.proofOfPossession(), info.securityPatchVersion());
		default:
			throw new OnrampException(FailureReason.SECURITY_SCHEME_MISMATCH,
					"The device " + where + " reports security " + scheme + ", which Onramp does not know.", //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
					"Check for a newer Onramp."); //$NON-NLS-1$
		}
	}

	@Override
	public List<WifiNetwork> scan(ProvisioningTarget target, IProgressMonitor monitor) throws OnrampException {
		IProgressMonitor progress = monitor == null ? new NullProgressMonitor() : monitor;
		try (IProtocommSession session = open(target, progress)) {
			return session.scan(progress);
		}
	}

	@Override
	public ProvisioningResult provision(ProvisioningTarget target, WifiCredentials credentials,
			IProgressMonitor monitor) throws OnrampException {
		IProgressMonitor progress = monitor == null ? new NullProgressMonitor() : monitor;
		try (IProtocommSession session = open(target, progress)) {
			return session.provision(credentials, progress).result();
		}
	}

	/** {@code HOST:PORT}, {@code HOST} (port 80) or {@code [v6]:PORT}. */
	record HostPort(String host, int port) {

		static HostPort parse(String address) throws OnrampException {
			String text = address.trim();
			String host = text;
			int port = 80;
			int colon = text.lastIndexOf(':');
			if (text.startsWith("[")) { //$NON-NLS-1$
				int close = text.indexOf(']');
				if (close < 0) {
					throw invalid(address);
				}
				host = text.substring(1, close);
				if (close + 1 < text.length()) {
					if (text.charAt(close + 1) != ':') {
						throw invalid(address);
					}
					port = port(text.substring(close + 2), address);
				}
			} else if (colon >= 0 && text.indexOf(':') == colon) {
				host = text.substring(0, colon);
				port = port(text.substring(colon + 1), address);
			}
			if (host.isEmpty()) {
				throw invalid(address);
			}
			return new HostPort(host, port);
		}

		private static int port(String text, String address) throws OnrampException {
			try {
				int port = Integer.parseInt(text);
				if (port > 0 && port < 65536) {
					return port;
				}
			} catch (NumberFormatException e) {
				// reported below
			}
			throw invalid(address);
		}

		private static OnrampException invalid(String address) {
			return new OnrampException(FailureReason.USAGE, "'" + address + "' is not HOST:PORT.", //$NON-NLS-1$ //$NON-NLS-2$
					"Give the device's address and port, for example 192.168.4.1:80.").withRemedy(Remedy.ENDPOINT); //$NON-NLS-1$
		}
	}
}
