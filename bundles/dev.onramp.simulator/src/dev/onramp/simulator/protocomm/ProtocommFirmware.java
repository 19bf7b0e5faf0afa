/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.simulator.protocomm;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * The transport-independent half of an ESP-IDF device in provisioning mode: protocomm's endpoints (proto-ver,
 * prov-session, prov-scan, prov-config, prov-ctrl, cloud_user_assoc, custom-data) behind the device's security scheme,
 * one session at a time, and its Wi-Fi state. The SoftAP HTTP server, the UART console and the BLE GATT stand-in each
 * carry requests to the same firmware, as ESP-IDF's {@code protocomm_req_handle()} serves every transport.
 */
public final class ProtocommFirmware {

	private final ProtocommDeviceConfig config;
	private final DeviceWifi wifi;
	private final byte[] salt;
	private final byte[] verifier;
	private final SecureRandom random = new SecureRandom();
	private long sessionId = -1;
	private DeviceCipher cipher;
	private final AtomicInteger scansStarted = new AtomicInteger();
	private volatile Duration scanTime = Duration.ZERO;

	public ProtocommFirmware(ProtocommDeviceConfig config) {
		this.config = config;
		this.wifi = new DeviceWifi(config);
		this.wifi.scanning = this::scanning;
		if (config.security() == 2) {
			salt = config.salt().orElseGet(() -> {
				byte[] fresh = new byte[16];
				random.nextBytes(fresh);
				return fresh;
			});
			verifier = config.verifier()
					.orElseGet(() -> DeviceSecurity2.verifierFor(config.username(), config.pop().orElse(""), salt)); //$NON-NLS-1$
		} else {
			salt = null;
			verifier = null;
		}
	}

	public ProtocommDeviceConfig config() {
		return config;
	}

	/**
	 * @param value how long a Wi-Fi scan takes from now on; the device answers nothing meanwhile, as the example
	 *              firmware's blocking scan does (an ESP32 scanning all channels takes about two seconds)
	 */
	public void scanTime(Duration value) {
		scanTime = value;
	}

	/** @return how many scans the device started */
	public int scansStarted() {
		return scansStarted.get();
	}

	/** The radio is busy scanning: a rate of the simulated firmware, not a synchronisation. */
	private void scanning() {
		scansStarted.incrementAndGet();
		long until = System.nanoTime() + scanTime.toNanos();
		for (long left = scanTime.toNanos(); left > 0; left = until - System.nanoTime()) {
			LockSupport.parkNanos(left);
		}
	}

	/**
	 * Makes {@code id} the current session: a request of another session ends the one before, with its keys, as
	 * protocomm does when a new client arrives.
	 *
	 * @return whether a new session started
	 */
	public synchronized boolean session(long id) {
		if (id == sessionId && cipher != null) {
			return false;
		}
		sessionId = id;
		cipher = newCipher();
		return true;
	}

	/** Starts a session with a fresh random id, as the HTTP transport does for a request without the cookie. */
	public synchronized long newSession() {
		long id = random.nextInt() & 0xffffffffL;
		session(id);
		return id;
	}

	/** @return the current session's id, or -1 before the first */
	public synchronized long sessionId() {
		return sessionId;
	}

	/**
	 * Serves one request of the current session.
	 *
	 * @return the answer, or null for an endpoint the firmware does not register
	 * @throws IOException when the handler fails: every transport then drops the request without an answer
	 */
	public synchronized byte[] handle(String endpoint, byte[] body) throws IOException {
		if (cipher == null) {
			newSession();
		}
		switch (endpoint) {
		case "proto-ver": //$NON-NLS-1$
			return protoVersion().getBytes(StandardCharsets.UTF_8);
		case "prov-session": //$NON-NLS-1$
			return cipher.handshake(body);
		case "prov-scan": //$NON-NLS-1$
		case "prov-config": //$NON-NLS-1$
		case "prov-ctrl": //$NON-NLS-1$
		case "cloud_user_assoc": //$NON-NLS-1$
		case "custom-data": //$NON-NLS-1$
			if ("cloud_user_assoc".equals(endpoint) && config.nodeId().isEmpty()) { //$NON-NLS-1$
				return null;
			}
			if (!cipher.established()) {
				throw new IOException("no secure session"); //$NON-NLS-1$
			}
			byte[] plain = cipher.decrypt(body);
			byte[] reply = switch (endpoint) {
			case "prov-scan" -> wifi.scan(plain); //$NON-NLS-1$
			case "prov-config" -> wifi.config(plain); //$NON-NLS-1$
			case "prov-ctrl" -> wifi.ctrl(plain); //$NON-NLS-1$
			case "cloud_user_assoc" -> wifi.associate(plain); //$NON-NLS-1$
			default -> "SUCCESS\0".getBytes(StandardCharsets.US_ASCII); //$NON-NLS-1$
			};
			return cipher.encrypt(reply);
		default:
			return null;
		}
	}

	/**
	 * @return whether the device has just reported Connected (once): firmware stops its provisioning service shortly
	 *         afterwards
	 */
	public synchronized boolean takeConnectedReport() {
		boolean connected = wifi.reportedConnected;
		wifi.reportedConnected = false;
		return connected;
	}

	/** @return whether the last request applied the credentials and the device is now joining */
	public synchronized boolean applying() {
		return wifi.phase() == DeviceWifi.Phase.APPLYING;
	}

	private DeviceCipher newCipher() {
		return switch (config.security()) {
		case 0 -> new DeviceSecurity0();
		case 1 -> new DeviceSecurity1(config.pop());
		default -> new DeviceSecurity2(config.username(), salt, verifier, config.patchVersion());
		};
	}

	public synchronized int resets() {
		return wifi.resets();
	}

	public synchronized String associatedUser() {
		return wifi.associatedUser();
	}

	public synchronized String lastReceivedSsid() {
		return wifi.lastReceivedSsid();
	}

	/** @return how many networks the scan reports */
	public int visibleNetworks() {
		return wifi.visibleCount();
	}

	/** @return the {@code proto-ver} answer */
	public String protoVersion() {
		List<String> caps = new ArrayList<>();
		caps.add("\"wifi_scan\""); //$NON-NLS-1$
		if (config.security() == 0) {
			caps.add("\"no_sec\""); //$NON-NLS-1$
		}
		if (config.security() == 1 && config.pop().isEmpty()) {
			caps.add("\"no_pop\""); //$NON-NLS-1$
		}
		String rmaker = config.nodeId().isPresent() ? "\"rmaker\":{\"ver\":\"1.0\",\"cap\":[]}," : ""; //$NON-NLS-1$ //$NON-NLS-2$
		return "{" + rmaker + "\"prov\":{\"ver\":\"v1.1\",\"sec_ver\":" + config.security() //$NON-NLS-1$ //$NON-NLS-2$
				+ (config.security() == 2 ? ",\"sec_patch_ver\":" + config.patchVersion() : "") //$NON-NLS-1$ //$NON-NLS-2$
				+ ",\"cap\":[" + String.join(",", caps) + "]}}"; //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
	}
}
