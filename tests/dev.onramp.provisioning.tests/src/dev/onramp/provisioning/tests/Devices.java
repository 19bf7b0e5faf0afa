/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.provisioning.tests;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.eclipse.core.runtime.NullProgressMonitor;

import dev.onramp.core.Secret;
import dev.onramp.core.provisioning.ProvisioningTarget;
import dev.onramp.simulator.protocomm.ProtocommDeviceConfig;
import dev.onramp.simulator.protocomm.SimulatedProtocommDevice;

/** Simulated devices and targets for the tests; every device is closed by {@link #close()}. */
final class Devices implements AutoCloseable {

	static final String HOME = "HomeNet";
	static final String HOME_PASSWORD = "correct horse battery";
	static final String OFFICE = "Office-2G";
	static final String OFFICE_PASSWORD = "office-pass-1";

	private final List<SimulatedProtocommDevice> started = new ArrayList<>();

	static ProtocommDeviceConfig.Builder config() {
		return ProtocommDeviceConfig.builder().network(HOME, HOME_PASSWORD).network(OFFICE, OFFICE_PASSWORD);
	}

	SimulatedProtocommDevice start(ProtocommDeviceConfig.Builder builder) throws IOException {
		SimulatedProtocommDevice device = SimulatedProtocommDevice.start(builder.build());
		started.add(device);
		return device;
	}

	static ProvisioningTarget target(SimulatedProtocommDevice device, String security, String pop) {
		return target(device, security, null, pop, Duration.ofSeconds(20));
	}

	static ProvisioningTarget target(SimulatedProtocommDevice device, String security, String username, String pop,
			Duration timeout) {
		return new ProvisioningTarget(device.endpoint(), security, username,
				Optional.ofNullable(pop).map(Secret::of), timeout);
	}

	/** Records the sub-tasks reported, to check progress such as the remaining attempts. */
	static final class RecordingMonitor extends NullProgressMonitor {
		final List<String> tasks = new ArrayList<>();

		@Override
		public void subTask(String name) {
			tasks.add(name);
		}
	}

	@Override
	public void close() {
		started.forEach(SimulatedProtocommDevice::close);
	}
}
