/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.headless.tests.load;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import dev.onramp.core.MacAddress;
import dev.onramp.simulator.SimulatedMicroPythonDevice;
import dev.onramp.simulator.SimulatedNetwork;
import dev.onramp.simulator.SimulatorOptions;
import dev.onramp.simulator.improv.ImprovSimulatorServer;
import dev.onramp.simulator.protocomm.FaultInjectingProxy;
import dev.onramp.simulator.protocomm.ProtocommDeviceConfig;
import dev.onramp.simulator.protocomm.SimulatedProtocommDevice;
import dev.onramp.simulator.rfc2217.Rfc2217SimulatorServer;

/**
 * A fleet of simulated devices on 127.0.0.1 for load runs: ESP-IDF SoftAP provisioning with security 0 and 1 (most
 * rows) and 2, Improv and MicroPython REPL boards on serial lines over TCP, with one row in ten given a fault chosen
 * by a fixed seed: a wrong proof of possession, a wrong Wi-Fi password, a silent device, a connection reset during
 * the handshake, an unknown network. {@link #manifest()} is the first run's manifest; {@link #fixedManifest()} the
 * same rows with every fault put right, as an operator would before {@code --resume}: the right PoP, password and
 * network name, the silent board swapped for a working one (a new address), and the reset, a passing drop of the
 * link, simply run again.
 */
public final class LoadFleet implements AutoCloseable {

	/** What is wrong with a row on the first run. */
	public enum Fault {
		NONE(null, 0), WRONG_POP("handshake_rejected", 4), WRONG_PASSWORD("wifi_auth_failed", 5),
		SILENT("timeout", 7), RESET_MID_HANDSHAKE("device_vanished", 3),
		NETWORK_NOT_FOUND("wifi_network_not_found", 6);

		private final String reason;
		private final int code;

		Fault(String reason, int code) {
			this.reason = reason;
			this.code = code;
		}

		/** @return the reason key the report gives the row */
		public String reason() {
			return reason;
		}

		/** @return the exit code of that reason */
		public int code() {
			return code;
		}
	}

	public static final String SSID = "LoadLab"; //$NON-NLS-1$
	public static final String PASSWORD_ENV = "LOAD_PW"; //$NON-NLS-1$
	public static final String WRONG_PASSWORD_ENV = "LOAD_WRONG_PW"; //$NON-NLS-1$
	private static final String HEADER = "name,protocol,target,pop,ssid,password_env\n"; //$NON-NLS-1$
	private static final Fault[] FAULT_KINDS = { Fault.WRONG_POP, Fault.WRONG_PASSWORD, Fault.SILENT,
			Fault.RESET_MID_HANDSHAKE, Fault.NETWORK_NOT_FOUND };

	/** One manifest row and what stands behind it. */
	private record Row(String name, String protocol, int security, String target, String fixedTarget, String pop,
			Fault fault) {
	}

	private final String password;
	private final List<Row> rows = new ArrayList<>();
	private final List<AutoCloseable> started = new ArrayList<>();
	private final List<String> secrets = new ArrayList<>();

	private LoadFleet(String password) {
		this.password = password;
		secrets.add(password);
	}

	/**
	 * Starts the devices of a fleet.
	 *
	 * @param size     rows; one in ten (rounded down) gets a fault
	 * @param seed     chooses which rows fail and how
	 * @param password the Wi-Fi password the devices' network accepts
	 */
	public static LoadFleet start(int size, long seed, String password) throws IOException {
		LoadFleet fleet = new LoadFleet(password);
		try {
			fleet.build(size, new Random(seed));
		} catch (IOException | RuntimeException e) {
			fleet.close();
			throw e;
		}
		return fleet;
	}

	private void build(int size, Random random) throws IOException {
		String[] protocols = new String[size];
		int[] security = new int[size];
		for (int i = 0; i < size; i++) {
			protocols[i] = i % 20 == 19 ? "improv" : i % 40 == 9 ? "repl" : "provision"; //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
			security[i] = i % 20 == 4 ? 2 : i % 2;
		}
		Fault[] faults = new Fault[size];
		java.util.Arrays.fill(faults, Fault.NONE);
		List<Integer> candidates = new ArrayList<>();
		for (int i = 0; i < size; i++) {
			candidates.add(Integer.valueOf(i));
		}
		Collections.shuffle(candidates, random);
		for (int n = 0; n < size / 10; n++) {
			Fault kind = FAULT_KINDS[n % FAULT_KINDS.length];
			for (Integer candidate : candidates) {
				int i = candidate.intValue();
				if (faults[i] == Fault.NONE && fits(kind, protocols[i], security[i])) {
					faults[i] = kind;
					break;
				}
			}
		}
		for (int i = 0; i < size; i++) {
			String name = String.format("%s-%03d", protocols[i], Integer.valueOf(i)); //$NON-NLS-1$
			rows.add(switch (protocols[i]) {
			case "improv" -> serialRow(name, "improv", improv(), faults[i]); //$NON-NLS-1$ //$NON-NLS-2$
			case "repl" -> serialRow(name, "repl", repl(i), faults[i]); //$NON-NLS-1$ //$NON-NLS-2$
			default -> provisionRow(name, security[i], faults[i]);
			});
		}
	}

	private static boolean fits(Fault kind, String protocol, int security) {
		return switch (kind) {
		case WRONG_POP -> "provision".equals(protocol) && security > 0; //$NON-NLS-1$
		case SILENT, RESET_MID_HANDSHAKE -> "provision".equals(protocol); //$NON-NLS-1$
		case WRONG_PASSWORD, NETWORK_NOT_FOUND -> !"repl".equals(protocol); //$NON-NLS-1$
		case NONE -> true;
		};
	}

	private Row provisionRow(String name, int security, Fault fault) throws IOException {
		String pop = security == 0 ? null : "pop-" + UUID.randomUUID(); //$NON-NLS-1$
		if (pop != null) {
			secrets.add(pop);
		}
		SimulatedProtocommDevice device = protocomm(security, pop, fault == Fault.SILENT);
		String target = device.endpoint();
		String fixedTarget = target;
		if (fault == Fault.SILENT) {
			fixedTarget = protocomm(security, pop, false).endpoint();
		} else if (fault == Fault.RESET_MID_HANDSHAKE) {
			FaultInjectingProxy proxy = FaultInjectingProxy.start(device, "prov-session", 1, //$NON-NLS-1$
					FaultInjectingProxy.Fault.RESET);
			started.add(proxy);
			target = proxy.endpoint();
			fixedTarget = target;
		}
		return new Row(name, "provision", security, target, fixedTarget, pop, fault); //$NON-NLS-1$
	}

	private SimulatedProtocommDevice protocomm(int security, String pop, boolean silent) throws IOException {
		SimulatedProtocommDevice device = SimulatedProtocommDevice.start(ProtocommDeviceConfig.builder()
				.security(security).pop(pop).network(SSID, password).extraVisibleNetworks(2).attempts(1)
				.silent(silent).build());
		started.add(device);
		return device;
	}

	private String improv() throws IOException {
		ImprovSimulatorServer server = new ImprovSimulatorServer(Map.of(SSID, password), List.of("Neighbour")); //$NON-NLS-1$
		started.add(server);
		return server.uri();
	}

	private String repl(int index) throws IOException {
		SimulatorOptions options = SimulatorOptions.pyDirectDefaults()
				.withMac(MacAddress.parse(String.format("24:0a:c4:e3:%02x:%02x", //$NON-NLS-1$
						Integer.valueOf(index / 256), Integer.valueOf(index % 256))))
				.withNetwork(SimulatedNetwork.isolated().withKnownNetwork(SSID, password));
		SimulatedMicroPythonDevice board = SimulatedMicroPythonDevice.withTemporaryFlash(options);
		try {
			Rfc2217SimulatorServer server = new Rfc2217SimulatorServer(board);
			started.add(server); // the server owns the board and switches it off
			return server.uri();
		} catch (IOException e) {
			board.close();
			throw e;
		}
	}

	private static Row serialRow(String name, String protocol, String target, Fault fault) {
		return new Row(name, protocol, -1, target, target, null, fault);
	}

	/** @return the first run's manifest, faults and all */
	public String manifest() {
		return manifest(false);
	}

	/** @return the manifest with every fault put right */
	public String fixedManifest() {
		return manifest(true);
	}

	private String manifest(boolean fixed) {
		StringBuilder text = new StringBuilder(HEADER);
		for (Row row : rows) {
			Fault fault = fixed ? Fault.NONE : row.fault();
			String pop = row.pop() == null ? "" : fault == Fault.WRONG_POP ? "wrong-" + row.pop() : row.pop(); //$NON-NLS-1$ //$NON-NLS-2$
			text.append(row.name()).append(',').append(row.protocol()).append(',')
					.append(fixed ? row.fixedTarget() : row.target()).append(',').append(pop).append(',')
					.append(fault == Fault.NETWORK_NOT_FOUND ? "NoSuchNetwork" : SSID).append(',') //$NON-NLS-1$
					.append(fault == Fault.WRONG_PASSWORD ? WRONG_PASSWORD_ENV : PASSWORD_ENV).append('\n');
		}
		return text.toString();
	}

	/** @return every row's name, in manifest order, with its first-run fault */
	public Map<String, Fault> faults() {
		Map<String, Fault> faults = new LinkedHashMap<>();
		rows.forEach(row -> faults.put(row.name(), row.fault()));
		return faults;
	}

	/** @return how many rows of each protocol (security 0/1/2 told apart for provisioning) */
	public Map<String, Integer> mix() {
		Map<String, Integer> mix = new LinkedHashMap<>();
		for (Row row : rows) {
			String key = row.security() >= 0 ? row.protocol() + "-sec" + row.security() : row.protocol(); //$NON-NLS-1$
			mix.merge(key, Integer.valueOf(1), Integer::sum);
		}
		return mix;
	}

	/** @return the proofs of possession and the password: none may appear in any output */
	public List<String> secrets() {
		return List.copyOf(secrets);
	}

	@Override
	public void close() {
		for (AutoCloseable device : started) {
			try {
				device.close();
			} catch (Exception e) {
				// the others still close
			}
		}
		started.clear();
	}
}
