/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.simulator.improv;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.onramp.simulator.internal.LoopbackLineServer;

/**
 * An Improv device behind {@code socket://127.0.0.1:PORT}, the way ser2net would carry a real board's serial line:
 * every connection is a fresh power-on of a {@link SimulatedImprovDevice} with the same networks.
 */
public final class ImprovSimulatorServer implements AutoCloseable {

	private final Map<String, String> networks;
	private final List<String> extraVisible;
	private final List<SimulatedImprovDevice> devices = new CopyOnWriteArrayList<>();
	private final LoopbackLineServer server;
	private volatile Duration scanTime = Duration.ZERO;
	private volatile boolean dropMidScanFrame;

	/**
	 * Starts serving on an ephemeral loopback port.
	 *
	 * @param networks     joinable networks, SSID to password
	 * @param extraVisible further SSIDs the scan shows
	 */
	public ImprovSimulatorServer(Map<String, String> networks, List<String> extraVisible) throws IOException {
		this.networks = Map.copyOf(networks);
		this.extraVisible = List.copyOf(extraVisible);
		this.server = new LoopbackLineServer("improv-simulator-server", //$NON-NLS-1$
				line -> devices.add(new SimulatedImprovDevice(line, this.networks, this.extraVisible, false, scanTime,
						dropMidScanFrame)));
	}

	/** @param value how long the Wi-Fi scan of the devices served from now on takes */
	public ImprovSimulatorServer withScanTime(Duration value) {
		scanTime = value;
		return this;
	}

	/** Devices served from now on drop their line in the middle of their first scan result frame. */
	public ImprovSimulatorServer droppingLineMidScanFrame() {
		dropMidScanFrame = true;
		return this;
	}

	public int port() {
		return server.port();
	}

	/** @return {@code socket://127.0.0.1:PORT} */
	public String uri() {
		return server.uri();
	}

	/** @return the SSID the most recent connection received, or {@code null} */
	public String lastReceivedSsid() {
		for (int i = devices.size() - 1; i >= 0; i--) {
			String ssid = devices.get(i).receivedSsid();
			if (ssid != null) {
				return ssid;
			}
		}
		return null;
	}

	/** @return how many scans the devices of every connection ran */
	public int scans() {
		return devices.stream().mapToInt(SimulatedImprovDevice::scans).sum();
	}

	@Override
	public void close() {
		server.close();
		devices.forEach(SimulatedImprovDevice::close);
	}
}
