/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.simulator.protocomm;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The GATT side of an ESP-IDF device provisioning over BLE, as {@code protocomm_nimble.c} serves it: one
 * characteristic per endpoint, named by its User Description descriptor; a write runs the endpoint's handler and keeps
 * its answer as the characteristic's value, which the client then reads; a handler that fails is answered with the ATT
 * error Invalid PDU (0x04) and the value is left as it was; each BLE connection is a protocomm session, closed with
 * the link. A Bluetooth stack stand-in (the tests' BlueZ on D-Bus) carries the client's reads and writes here.
 */
public final class ProtocommGattService {

	/** The service UUID of ESP-IDF's provisioning examples. */
	public static final String SERVICE_UUID = "021a9004-0382-4aea-bff4-6b3f1c5adfb4"; //$NON-NLS-1$
	/** The ATT error NimBLE answers a write with when the endpoint's handler fails. */
	public static final int ATT_INVALID_PDU = 0x04;

	/** A characteristic: its UUID and the endpoint its User Description descriptor names. */
	public record Characteristic(String uuid, String endpoint) {
	}

	/** What a write did. */
	public enum WriteResult {
		/** The handler answered; the answer is the characteristic's value now. */
		ANSWERED,
		/** The handler failed: the firmware answers with {@link ProtocommGattService#ATT_INVALID_PDU}. */
		REJECTED
	}

	private final ProtocommFirmware firmware;
	private final List<Characteristic> characteristics = new ArrayList<>();
	private final Map<String, byte[]> values = new HashMap<>();
	private long connection;

	public ProtocommGattService(ProtocommFirmware firmware) {
		this.firmware = firmware;
		List<String> endpoints = new ArrayList<>(
				List.of("prov-ctrl", "prov-scan", "prov-session", "prov-config", "proto-ver", "custom-data")); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$ //$NON-NLS-5$ //$NON-NLS-6$
		if (firmware.config().nodeId().isPresent()) {
			endpoints.add("cloud_user_assoc"); //$NON-NLS-1$
		}
		// the firmware derives each characteristic's UUID from the service's, with bytes 12-13 counting up from 0xff4f
		int next = 0xff4f;
		for (String endpoint : endpoints) {
			String uuid = SERVICE_UUID.substring(0, 4) + Integer.toHexString(next++) + SERVICE_UUID.substring(8);
			characteristics.add(new Characteristic(uuid, endpoint));
		}
	}

	public ProtocommFirmware firmware() {
		return firmware;
	}

	/** @return the characteristics in registration order */
	public List<Characteristic> characteristics() {
		return List.copyOf(characteristics);
	}

	/** A client connected: protocomm opens a transport session for the link. */
	public synchronized void connected() {
		connection++;
		firmware.session(connection);
		values.clear();
	}

	/** The link closed: the session and its keys end with it. */
	public synchronized void disconnected() {
		firmware.session(-connection - 1);
		values.clear();
	}

	/** Runs the endpoint's handler on a written value. */
	public synchronized WriteResult write(String endpoint, byte[] value) {
		if (value.length == 0) {
			return WriteResult.ANSWERED; // NimBLE ignores an empty write
		}
		byte[] answer;
		try {
			answer = firmware.handle(endpoint, value);
		} catch (IOException e) {
			return WriteResult.REJECTED;
		}
		if (answer == null) {
			return WriteResult.REJECTED;
		}
		values.put(endpoint, answer);
		return WriteResult.ANSWERED;
	}

	/** @return the endpoint's last answer; empty before the first write */
	public synchronized byte[] read(String endpoint) {
		byte[] value = values.get(endpoint);
		return value == null ? new byte[0] : value.clone();
	}

	/** @return whether the device has just reported Connected (once): it stops provisioning soon afterwards */
	public boolean takeConnectedReport() {
		return firmware.takeConnectedReport();
	}
}
