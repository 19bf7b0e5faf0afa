/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.headless.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.NullProgressMonitor;
import org.junit.jupiter.api.Test;

import com.google.gson.JsonObject;

import dev.onramp.core.FailureReason;
import dev.onramp.core.OnrampException;
import dev.onramp.core.discovery.DiscoveredService;
import dev.onramp.core.discovery.IDiscoveryService;
import dev.onramp.headless.internal.CommandLineParser;
import dev.onramp.headless.internal.CommandResult;
import dev.onramp.headless.internal.commands.DiscoverCommand;

/** {@code onramp discover}: options, grouping of services by host, and the JSON shape of shared/CLI.md. */
class DiscoverCommandTest {

	private static final class FakeDiscovery implements IDiscoveryService {
		final List<Object> calls = new ArrayList<>();
		final List<DiscoveredService> services;

		FakeDiscovery(List<DiscoveredService> services) {
			this.services = services;
		}

		@Override
		public List<DiscoveredService> browse(Duration timeout, Set<String> interfaces, IProgressMonitor monitor) {
			calls.add(timeout);
			calls.add(interfaces);
			return services;
		}

		@Override
		public List<InetAddress> resolve(String hostname, Duration timeout) {
			throw new UnsupportedOperationException();
		}
	}

	private static CommandResult run(FakeDiscovery discovery, String... args) throws OnrampException {
		return new DiscoverCommand(discovery).run(new CommandLineParser().parse(args), null, new NullProgressMonitor());
	}

	@Test
	void servicesOfOneHostAreOneDeviceWithAddressesAndTxt() throws OnrampException {
		InetAddress loopback = InetAddress.getLoopbackAddress();
		FakeDiscovery discovery = new FakeDiscovery(List.of(
				new DiscoveredService("pyDirect e5f6", "_https._tcp", "pydirect-e5f6", List.of(loopback), 8443, //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
						Map.of("mac", "a1:b2:c3:d4:e5:f6"), "lo"), //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
				new DiscoveredService("pyDirect e5f6", "_webrepl._tcp", "pydirect-e5f6", List.of(loopback), 8266, //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
						Map.of(), "lo"))); //$NON-NLS-1$
		CommandResult result = run(discovery, "discover", "--interface", "lo", "--timeout", "1.5", "--json"); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$ //$NON-NLS-5$ //$NON-NLS-6$
		assertEquals(List.of(Duration.ofMillis(1500), Set.of("lo")), discovery.calls); //$NON-NLS-1$
		assertEquals(1, result.data().getAsJsonArray("devices").size()); //$NON-NLS-1$
		JsonObject device = result.data().getAsJsonArray("devices").get(0).getAsJsonObject(); //$NON-NLS-1$
		assertEquals("pyDirect e5f6", device.get("name").getAsString()); //$NON-NLS-1$ //$NON-NLS-2$
		assertEquals("pydirect-e5f6.local", device.get("hostname").getAsString()); //$NON-NLS-1$ //$NON-NLS-2$
		assertEquals("127.0.0.1", device.getAsJsonArray("addresses").get(0).getAsString()); //$NON-NLS-1$ //$NON-NLS-2$
		JsonObject https = device.getAsJsonArray("services").get(0).getAsJsonObject(); //$NON-NLS-1$
		assertEquals("_https._tcp", https.get("type").getAsString()); //$NON-NLS-1$ //$NON-NLS-2$
		assertEquals(8443, https.get("port").getAsInt()); //$NON-NLS-1$
		assertEquals("a1:b2:c3:d4:e5:f6", https.getAsJsonObject("txt").get("mac").getAsString()); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
		assertTrue(result.lines().get(0).contains("pydirect-e5f6.local"), result.lines().toString()); //$NON-NLS-1$
	}

	@Test
	void theDefaultTimeoutIsThreeSecondsAndNothingFoundSaysWhatToTry() throws OnrampException {
		FakeDiscovery discovery = new FakeDiscovery(List.of());
		CommandResult result = run(discovery, "discover"); //$NON-NLS-1$
		assertEquals(Duration.ofSeconds(3), discovery.calls.get(0));
		assertEquals(0, result.data().getAsJsonArray("devices").size()); //$NON-NLS-1$
		assertTrue(String.join("\n", result.lines()).contains("--interface"), result.lines().toString()); //$NON-NLS-1$ //$NON-NLS-2$
	}

	@Test
	void aTimeoutThatIsNotANumberIsAUsageError() {
		OnrampException failure = assertThrows(OnrampException.class,
				() -> run(new FakeDiscovery(List.of()), "discover", "--timeout", "soon")); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
		assertEquals(FailureReason.USAGE, failure.reason());
	}
}
