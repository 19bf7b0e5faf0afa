/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.headless.internal.commands;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.eclipse.core.runtime.IProgressMonitor;

import com.google.gson.JsonObject;

import dev.onramp.core.Secret;
import dev.onramp.headless.internal.commands.DemoCommand.Step;
import dev.onramp.simulator.SimulatedMicroPythonDevice;
import dev.onramp.simulator.SimulatedNetwork;
import dev.onramp.simulator.SimulatorOptions;
import dev.onramp.simulator.improv.ImprovSimulatorServer;
import dev.onramp.simulator.protocomm.ProtocommDeviceConfig;
import dev.onramp.simulator.protocomm.SimulatedProtocommDevice;
import dev.onramp.simulator.rfc2217.Rfc2217SimulatorServer;

/**
 * The demo's simulated devices, in a class of their own: the only code of this bundle that touches the optional
 * simulator, loaded only once {@link DemoCommand} has checked that the simulator is installed.
 */
final class DemoDevices {

	private DemoDevices() {
	}

	static void run(DemoCommand demo, Secret pop, Secret password, List<Step> steps, JsonObject data,
			IProgressMonitor monitor) throws IOException {
		String wifiPassword = password.reveal();
		try (SimulatedProtocommDevice espIdf = SimulatedProtocommDevice.start(ProtocommDeviceConfig.builder()
				.security(2).pop(pop.reveal()).network(DemoCommand.DEMO_SSID, wifiPassword).extraVisibleNetworks(3)
				.stopAfterConnected(Duration.ofMillis(200)).build());
				ImprovSimulatorServer improv = new ImprovSimulatorServer(Map.of(DemoCommand.DEMO_SSID, wifiPassword), List.of());
				Rfc2217SimulatorServer pyDirect = new Rfc2217SimulatorServer(
						SimulatedMicroPythonDevice.withTemporaryFlash(SimulatorOptions.pyDirectDefaults().withNetwork(
								SimulatedNetwork.isolated().withKnownNetwork(DemoCommand.DEMO_SSID, wifiPassword).withMdns(true))))) {
			monitor.setTaskName("ESP-IDF security 2 device at " + espIdf.endpoint()); //$NON-NLS-1$
			steps.add(demo.wifi("esp-idf (sec2)", "protocomm", espIdf.endpoint(), Optional.of(pop), password, monitor)); //$NON-NLS-1$ //$NON-NLS-2$
			monitor.worked(1);
			monitor.setTaskName("Improv device at " + improv.uri()); //$NON-NLS-1$
			steps.add(demo.wifi("improv", "improv", improv.uri(), Optional.empty(), password, monitor)); //$NON-NLS-1$ //$NON-NLS-2$
			monitor.worked(1);
			String device = "pydirect (" + pyDirect.device().hostname() + ")"; //$NON-NLS-1$ //$NON-NLS-2$
			monitor.setTaskName("pyDirect device at " + pyDirect.uri()); //$NON-NLS-1$
			steps.add(demo.wifi(device, "repl", pyDirect.uri(), Optional.empty(), password, monitor)); //$NON-NLS-1$
			monitor.worked(1);
			monitor.setTaskName("Re-provisioning " + pyDirect.device().hostname() + " from the local CA"); //$NON-NLS-1$ //$NON-NLS-2$
			steps.add(demo.reprovision(device, pyDirect.uri(), pyDirect.device().httpsPort(), data, monitor));
			monitor.worked(1);
		}
	}
}
