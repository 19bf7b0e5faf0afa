/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.simulator.internal;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.onramp.simulator.internal.DeviceRuntime.Namespace;
import dev.onramp.simulator.internal.PyValues.Bytes;
import dev.onramp.simulator.internal.PyValues.Function;
import dev.onramp.simulator.internal.PyValues.Tuple;

/**
 * MicroPython's {@code network} module on the simulated ESP32: {@code WLAN(STA_IF)} with {@code active},
 * {@code scan}, {@code connect}, {@code disconnect}, {@code status}, {@code isconnected}, {@code ifconfig} and
 * {@code config('mac'|'essid')}, and the {@code STAT_*} and {@code AUTH_*} constants, backed by the device's
 * {@link DeviceNetwork}. The station's address is 127.0.0.1: the simulated device lives on loopback.
 */
final class WlanModule {

	private WlanModule() {
	}

	static void addTo(Map<String, Object> module, DeviceNetwork network, byte[] mac) {
		module.put("STA_IF", Long.valueOf(0)); //$NON-NLS-1$
		module.put("AP_IF", Long.valueOf(1)); //$NON-NLS-1$
		module.put("STAT_IDLE", Long.valueOf(DeviceNetwork.STAT_IDLE)); //$NON-NLS-1$
		module.put("STAT_CONNECTING", Long.valueOf(DeviceNetwork.STAT_CONNECTING)); //$NON-NLS-1$
		module.put("STAT_GOT_IP", Long.valueOf(DeviceNetwork.STAT_GOT_IP)); //$NON-NLS-1$
		module.put("STAT_NO_AP_FOUND", Long.valueOf(DeviceNetwork.STAT_NO_AP_FOUND)); //$NON-NLS-1$
		module.put("STAT_WRONG_PASSWORD", Long.valueOf(DeviceNetwork.STAT_WRONG_PASSWORD)); //$NON-NLS-1$
		module.put("STAT_BEACON_TIMEOUT", Long.valueOf(200)); //$NON-NLS-1$
		module.put("STAT_ASSOC_FAIL", Long.valueOf(203)); //$NON-NLS-1$
		module.put("STAT_HANDSHAKE_TIMEOUT", Long.valueOf(204)); //$NON-NLS-1$
		module.put("AUTH_OPEN", Long.valueOf(0)); //$NON-NLS-1$
		module.put("AUTH_WPA2_PSK", Long.valueOf(3)); //$NON-NLS-1$
		module.put("WLAN", (Function) (args, kw) -> station(network, mac)); //$NON-NLS-1$
	}

	private static Namespace station(DeviceNetwork network, byte[] mac) {
		Map<String, Object> a = new HashMap<>();
		a.put("config", (Function) (args, kw) -> { //$NON-NLS-1$
			String key = PyValues.asStr(DeviceRuntime.arg(args, 0));
			return switch (key) {
			case "mac" -> new Bytes(mac.clone()); //$NON-NLS-1$
			case "essid", "ssid" -> network.connectedSsid(); //$NON-NLS-1$ //$NON-NLS-2$
			default -> throw new PyException("ValueError", "unknown config param"); //$NON-NLS-1$ //$NON-NLS-2$
			};
		});
		a.put("active", (Function) (args, kw) -> Boolean.TRUE); //$NON-NLS-1$
		a.put("isconnected", (Function) (args, kw) -> Boolean.valueOf(network.isConnected())); //$NON-NLS-1$
		a.put("status", (Function) (args, kw) -> { //$NON-NLS-1$
			if (!args.isEmpty()) {
				if ("rssi".equals(PyValues.asStr(args.get(0))) && network.isConnected()) { //$NON-NLS-1$
					return Long.valueOf(-48);
				}
				throw new PyException("ValueError", "unknown status param"); //$NON-NLS-1$ //$NON-NLS-2$
			}
			return Long.valueOf(network.status());
		});
		a.put("scan", (Function) (args, kw) -> { //$NON-NLS-1$
			List<Object> result = new ArrayList<>();
			for (Object[] n : network.scan()) {
				byte[] bssid = { 0x24, 0x0a, (byte) 0xc4, 0x00, 0x00, (byte) result.size() };
				result.add(new Tuple(List.of(new Bytes(((String) n[0]).getBytes(StandardCharsets.UTF_8)),
						new Bytes(bssid), n[1], n[2], n[3], Boolean.FALSE)));
			}
			return result;
		});
		a.put("connect", (Function) (args, kw) -> { //$NON-NLS-1$
			Object ssid = args.isEmpty() ? kw.get("ssid") : args.get(0); //$NON-NLS-1$
			Object key = args.size() > 1 ? args.get(1) : kw.getOrDefault("key", ""); //$NON-NLS-1$ //$NON-NLS-2$
			if (ssid == null) {
				throw PyValues.typeError("connect() needs an ssid"); //$NON-NLS-1$
			}
			network.connect(PyValues.asStr(ssid), PyValues.asStr(key));
			return PyValues.NONE;
		});
		a.put("disconnect", (Function) (args, kw) -> { //$NON-NLS-1$
			network.disconnect();
			return PyValues.NONE;
		});
		a.put("ifconfig", (Function) (args, kw) -> { //$NON-NLS-1$
			String ip = network.isConnected() ? "127.0.0.1" : "0.0.0.0"; //$NON-NLS-1$ //$NON-NLS-2$
			return new Tuple(List.of(ip, "255.0.0.0", ip, ip)); //$NON-NLS-1$
		});
		return new Namespace("WLAN", a); //$NON-NLS-1$
	}
}
