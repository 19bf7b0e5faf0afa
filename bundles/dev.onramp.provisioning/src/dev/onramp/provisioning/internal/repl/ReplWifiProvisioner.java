/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.provisioning.internal.repl;

import java.nio.charset.StandardCharsets;
import dev.onramp.core.repl.PythonLiteral;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.LockSupport;

import org.eclipse.core.runtime.ILog;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.OperationCanceledException;
import org.eclipse.core.runtime.SubMonitor;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import dev.onramp.core.FailureReason;
import dev.onramp.core.OnrampException;
import dev.onramp.core.provisioning.IWifiProvisioner;
import dev.onramp.core.provisioning.ProvisioningResult;
import dev.onramp.core.provisioning.ProvisioningTarget;
import dev.onramp.core.provisioning.WifiCredentials;
import dev.onramp.core.provisioning.WifiNetwork;
import dev.onramp.core.repl.DeviceIdentity;
import dev.onramp.core.repl.IReplService;
import dev.onramp.core.repl.IReplSession;
import dev.onramp.core.repl.snippets.BoardSnippets;
import dev.onramp.core.serial.ISerialPortService;

/**
 * Wi-Fi for MicroPython and pyDirect boards over the raw REPL ({@code onramp change-wifi --protocol repl}): scans and
 * connects with {@code network.WLAN(network.STA_IF)}, follows {@code status()} until the board reports
 * {@code STAT_GOT_IP} or a failure ({@code STAT_WRONG_PASSWORD}, {@code STAT_NO_AP_FOUND}, ...) within the target's
 * timeout, then, on pyDirect, stores what its installer stores (PROTOCOLS.md §4: {@code wifi.ssid},
 * {@code wifi.password}, {@code server.https_enabled}, {@code device.hostname} through {@code lib.sys.settings}),
 * which its firmware reads at boot. Stock MicroPython keeps no Wi-Fi setting: such a board joins for its running
 * session only, and the result says so ({@link ProvisioningResult#remembered()}); nothing is written that its
 * firmware would not read. The password travels only inside snippets, which the REPL client never logs.
 */
@Component(service = IWifiProvisioner.class, property = "transport=repl")
public class ReplWifiProvisioner implements IWifiProvisioner {

	private static final Duration SCAN_TIMEOUT = Duration.ofSeconds(15);
	private static final long POLL_INTERVAL_NANOS = Duration.ofMillis(150).toNanos();

	private final ISerialPortService ports;
	private final IReplService repl;

	@Activate
	public ReplWifiProvisioner(@Reference ISerialPortService ports, @Reference IReplService repl) {
		this.ports = ports;
		this.repl = repl;
	}

	@Override
	public String transport() {
		return "repl"; //$NON-NLS-1$
	}

	@Override
	public List<WifiNetwork> scan(ProvisioningTarget target, IProgressMonitor monitor) throws OnrampException {
		SubMonitor sub = SubMonitor.convert(monitor, "Scanning for Wi-Fi networks", 2); //$NON-NLS-1$
		try (IReplSession session = ReplSessions.open(ports, repl, target.address(), sub.split(1))) {
			// an ESP32 scans every channel in about two seconds; the caller's bound, when shorter, is the bound
			Duration bound = target.timeout().compareTo(SCAN_TIMEOUT) < 0 ? target.timeout() : SCAN_TIMEOUT;
			String output = session.exec(BoardSnippets.SCAN, bound)
					.stdoutOrThrow("Scanning for Wi-Fi networks"); //$NON-NLS-1$
			sub.split(1);
			return parseScan(output);
		} catch (OperationCanceledException e) {
			throw OnrampException.of(FailureReason.CANCELLED);
		}
	}

	static List<WifiNetwork> parseScan(String output) throws OnrampException {
		Object parsed;
		try {
			parsed = PythonLiteral.parse(output);
		} catch (IllegalArgumentException e) {
			throw new OnrampException(FailureReason.PROTOCOL_ERROR, "The board's scan result is not readable.", null); //$NON-NLS-1$
		}
		List<WifiNetwork> networks = new ArrayList<>();
		if (parsed instanceof List<?> entries) {
			for (Object entry : entries) {
				if (entry instanceof List<?> t && t.size() >= 5 && t.get(0) instanceof byte[] ssid && ssid.length > 0
						&& t.get(2) instanceof Long channel && t.get(3) instanceof Long rssi
						&& t.get(4) instanceof Long auth) {
					networks.add(new WifiNetwork(new String(ssid, StandardCharsets.UTF_8), rssi.intValue(),
							channel.intValue(), auth.longValue() != 0));
				}
			}
		}
		networks.sort(Comparator.comparingInt(WifiNetwork::rssi).reversed());
		return networks;
	}

	@Override
	public ProvisioningResult provision(ProvisioningTarget target, WifiCredentials credentials,
			IProgressMonitor monitor) throws OnrampException {
		SubMonitor sub = SubMonitor.convert(monitor, "Changing Wi-Fi over the REPL", 10); //$NON-NLS-1$
		long deadline = System.nanoTime() + target.timeout().toNanos();
		try (IReplSession session = ReplSessions.open(ports, repl, target.address(), sub.split(1))) {
			sub.subTask("Identifying the board"); //$NON-NLS-1$
			DeviceIdentity identity = session.identify();
			sub.split(1);
			sub.subTask("Connecting to \"" + credentials.ssid() + "\""); //$NON-NLS-1$ //$NON-NLS-2$
			String[] codes = session.exec(BoardSnippets.connect(credentials.ssid(), credentials.password().reveal()))
					.stdoutOrThrow("Connecting to the network").strip().split("\\s+"); //$NON-NLS-1$ //$NON-NLS-2$
			sub.split(1);
			long gotIp = parseLong(codes, 0);
			long status = awaitOutcome(session, gotIp, deadline, sub.split(4));
			if (status != gotIp) {
				session.exec(BoardSnippets.DISCONNECT);
				throw failure(status, parseLong(codes, 1), parseLong(codes, 2), credentials.ssid());
			}
			String ip = session.execOrThrow(BoardSnippets.STATION_ADDRESS, "Reading the address").strip(); //$NON-NLS-1$ //$NON-NLS-2$
			Optional<String> address = ip.isEmpty() || ip.equals("0.0.0.0") ? Optional.empty() : Optional.of(ip); //$NON-NLS-1$
			if (!identity.pyDirect()) {
				sub.split(3);
				ILog.of(getClass()).info("The board on " + target.address() + " joined " + credentials.ssid() //$NON-NLS-1$ //$NON-NLS-2$
						+ " for its running session; stock MicroPython keeps no Wi-Fi setting"); //$NON-NLS-1$
				return new ProvisioningResult(credentials.ssid(), address, "repl", false); //$NON-NLS-1$
			}
			sub.subTask("Storing the network in the board's settings"); //$NON-NLS-1$
			storePyDirect(session, identity, credentials);
			sub.split(3);
			ILog.of(getClass()).info("The board on " + target.address() + " joined " + credentials.ssid()); //$NON-NLS-1$ //$NON-NLS-2$
			return new ProvisioningResult(credentials.ssid(), address, "repl", true); //$NON-NLS-1$
		} catch (OperationCanceledException e) {
			throw OnrampException.of(FailureReason.CANCELLED);
		}
	}

	private static long parseLong(String[] values, int index) throws OnrampException {
		try {
			return Long.parseLong(values[index]);
		} catch (NumberFormatException | ArrayIndexOutOfBoundsException e) {
			throw new OnrampException(FailureReason.PROTOCOL_ERROR,
					"The board's network module does not report connection states.", null); //$NON-NLS-1$
		}
	}

	/** @return the first status that is neither idle nor connecting */
	private static long awaitOutcome(IReplSession session, long gotIp, long deadline, SubMonitor monitor)
			throws OnrampException {
		String poll = BoardSnippets.POLL_STATUS;
		while (true) {
			if (monitor.isCanceled()) {
				throw OnrampException.of(FailureReason.CANCELLED);
			}
			String[] values = session.execOrThrow(poll, "Reading the connection state").strip().split("\\s+"); //$NON-NLS-1$ //$NON-NLS-2$
			long status = parseLong(values, 0);
			if (status == gotIp || (status != parseLong(values, 1) && status != parseLong(values, 2))) {
				return status;
			}
			if (System.nanoTime() - deadline >= 0) {
				throw new OnrampException(FailureReason.TIMEOUT,
						"The board did not report whether it joined the network in time.", //$NON-NLS-1$
						"Move the board closer to the access point and check that the network is 2.4 GHz."); //$NON-NLS-1$
			}
			// the board needs a moment to associate: ask again at a modest rate
			LockSupport.parkNanos(POLL_INTERVAL_NANOS);
			monitor.setWorkRemaining(10).worked(1);
		}
	}

	private static OnrampException failure(long status, long wrongPassword, long noApFound, String ssid) {
		if (status == noApFound) {
			return new OnrampException(FailureReason.WIFI_NETWORK_NOT_FOUND,
					"The board cannot see the network \"" + ssid + "\".", //$NON-NLS-1$ //$NON-NLS-2$
					"Check the name, that the network is in range and that it is 2.4 GHz (ESP32 boards cannot join 5 GHz)."); //$NON-NLS-1$
		}
		if (status == wrongPassword || status == 204 || status == 203) { // handshake timeout / assoc fail: ESP-IDF's wrong key
			return new OnrampException(FailureReason.WIFI_AUTH_FAILED,
					"The network \"" + ssid + "\" rejected the password.", //$NON-NLS-1$ //$NON-NLS-2$
					"Check the password and try again."); //$NON-NLS-1$
		}
		return new OnrampException(FailureReason.WIFI_NETWORK_NOT_FOUND,
				"The board could not join \"" + ssid + "\" (status " + status + ").", //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
				"Check that the network is 2.4 GHz and in range."); //$NON-NLS-1$
	}

	/** As the pyDirect installer's Change WiFi does (docs/index.html, performWifiSetup). */
	private static void storePyDirect(IReplSession session, DeviceIdentity identity, WifiCredentials credentials)
			throws OnrampException {
		String hostname = identity.hostname().orElseThrow(() -> new OnrampException(FailureReason.PROTOCOL_ERROR,
				"The pyDirect board reports no host name and no Wi-Fi MAC address.", //$NON-NLS-1$
				"Check the board's firmware with its installer.")); //$NON-NLS-1$
		String saved = session.execOrThrow(BoardSnippets.storePyDirectWifi(credentials.ssid(),
				credentials.password().reveal(), hostname), "Storing the network in the settings").strip(); //$NON-NLS-1$
		if (!saved.endsWith("True")) { //$NON-NLS-1$
			throw new OnrampException(FailureReason.PROTOCOL_ERROR,
					"The board joined the network but could not save its settings (it printed \"" + saved + "\").", //$NON-NLS-1$ //$NON-NLS-2$
					"Check that the board's file system is not full, then try again."); //$NON-NLS-1$
		}
	}
}
