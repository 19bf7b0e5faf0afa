/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.site.tests;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import dev.onramp.core.MacAddress;
import dev.onramp.simulator.SimulatedMicroPythonDevice;
import dev.onramp.simulator.SimulatedNetwork;
import dev.onramp.simulator.SimulatorOptions;
import dev.onramp.simulator.SimulatorServer;
import dev.onramp.simulator.rfc2217.Rfc2217SimulatorServer;
import dev.onramp.simulator.espidf.EspIdfConsoleConfig;
import dev.onramp.simulator.espidf.EspIdfConsoleServer;
import dev.onramp.simulator.improv.ImprovSimulatorServer;
import dev.onramp.simulator.protocomm.ProtocommDeviceConfig;
import dev.onramp.simulator.protocomm.SimulatedProtocommDevice;

/**
 * Simulated devices in the test JVM that the product, a separate process, reaches on 127.0.0.1: ESP-IDF provisioning
 * at {@code --endpoint 127.0.0.1:PORT}, Improv, MicroPython/pyDirect and the ESP-IDF console at
 * {@code --port socket://127.0.0.1:PORT} (or through a {@link PtyBridge}).
 * Closing stops them all.
 */
final class SimulatedDevices implements AutoCloseable {

	/** A serial port that exists on no machine running these tests. */
	static final String MISSING_PORT = "/dev/onramp-no-such-port";

	private final List<AutoCloseable> started = new ArrayList<>();

	/** @return an ESP-IDF device in SoftAP provisioning mode that joins {@code ssid} with {@code password} only */
	SimulatedProtocommDevice protocomm(int security, String pop, String ssid, String password) throws IOException {
		return protocomm(protocommConfig(security, pop, ssid, password).build());
	}

	/** @return the configuration {@link #protocomm(int, String, String, String)} uses, to change further */
	static ProtocommDeviceConfig.Builder protocommConfig(int security, String pop, String ssid, String password) {
		return ProtocommDeviceConfig.builder().security(security).pop(pop).network(ssid, password)
				.extraVisibleNetworks(2).attempts(1);
	}

	SimulatedProtocommDevice protocomm(ProtocommDeviceConfig config) throws IOException {
		return keep(SimulatedProtocommDevice.start(config));
	}

	/** @return an Improv device on a serial line over TCP that joins the given networks (SSID to password) */
	ImprovSimulatorServer improv(Map<String, String> networks) throws IOException {
		return keep(new ImprovSimulatorServer(networks, List.of("Neighbour")));
	}

	/**
	 * @param macSuffix distinguishes boards (MAC and {@code pyDirect-xxxx} host name)
	 * @return a pyDirect board as published (its main.py ignores Ctrl-C) behind a USB-UART bridge shared over RFC 2217,
	 *         which carries the reset lines; in range of the network's Wi-Fi
	 */
	Rfc2217SimulatorServer pyDirect(int macSuffix, SimulatedNetwork network) throws IOException {
		return keep(new Rfc2217SimulatorServer(keep(pyDirectBoard(macSuffix, network, UnaryOperator.identity()))));
	}

	/**
	 * @param tuning changes the board's options further, for example its baud rate or how a reset treats the line
	 * @return a pyDirect board on a plain serial line over TCP ({@code socket://}, no reset lines), for a
	 *         pseudo-terminal bridge
	 */
	SimulatorServer pyDirectOnTcp(int macSuffix, SimulatedNetwork network, UnaryOperator<SimulatorOptions> tuning)
			throws IOException {
		return keep(new SimulatorServer(keep(pyDirectBoard(macSuffix, network, tuning))));
	}

	private static SimulatedMicroPythonDevice pyDirectBoard(int macSuffix, SimulatedNetwork network,
			UnaryOperator<SimulatorOptions> tuning) {
		SimulatorOptions options = tuning.apply(SimulatorOptions.pyDirectDefaults()
				.withMac(MacAddress.parse(String.format("24:0a:c4:e2:%02x:%02x", macSuffix, macSuffix)))
				.withNetwork(network));
		return SimulatedMicroPythonDevice.withTemporaryFlash(options);
	}

	/** @return an ESP-IDF console application on a serial line over TCP; every connection powers it on anew */
	EspIdfConsoleServer espIdfConsole(EspIdfConsoleConfig config) throws IOException {
		return keep(new EspIdfConsoleServer(config));
	}

	/** @return a port on 127.0.0.1 where nothing listens (it was free a moment ago) */
	static int closedPort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
	}

	private <T extends AutoCloseable> T keep(T device) {
		started.add(device);
		return device;
	}

	/** Stops the devices, the servers before the boards they serve. */
	@Override
	public void close() throws Exception {
		for (int i = started.size() - 1; i >= 0; i--) {
			started.get(i).close();
		}
		started.clear();
	}
}
