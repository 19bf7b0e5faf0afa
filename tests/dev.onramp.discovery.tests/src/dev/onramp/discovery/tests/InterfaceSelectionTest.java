/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.discovery.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.onramp.core.FailureReason;
import dev.onramp.core.OnrampException;
import dev.onramp.core.Remedy;
import dev.onramp.discovery.internal.InterfaceSelection;
import dev.onramp.discovery.internal.NetworkInterfaceInfo;

/** Which interfaces mDNS runs on: defaults, preferences, and interfaces a caller names. */
class InterfaceSelectionTest {

	private static final List<NetworkInterfaceInfo> MACHINE = List.of(
			nic("lo", true, true, false, true, "127.0.0.1"), //$NON-NLS-1$ //$NON-NLS-2$
			nic("eth0", true, false, false, true, "192.168.1.20"), //$NON-NLS-1$ //$NON-NLS-2$
			nic("wlan0", true, false, false, true, "192.168.1.21"), //$NON-NLS-1$ //$NON-NLS-2$
			nic("eth1", false, false, false, true, "10.0.0.2"), //$NON-NLS-1$ //$NON-NLS-2$
			nic("tun0", true, false, true, true, "10.8.0.2"), //$NON-NLS-1$ //$NON-NLS-2$
			nic("docker0", true, false, false, true, "172.17.0.1"), //$NON-NLS-1$ //$NON-NLS-2$
			nic("veth1a2b3c", true, false, false, true, "172.17.0.9"), //$NON-NLS-1$ //$NON-NLS-2$
			nic("virbr0", true, false, false, true, "192.168.122.1"), //$NON-NLS-1$ //$NON-NLS-2$
			nic("br-0123abcd", true, false, false, true, "172.18.0.1"), //$NON-NLS-1$ //$NON-NLS-2$
			nic("enp0s31f6", true, false, false, false, "10.1.1.1")); //$NON-NLS-1$ //$NON-NLS-2$

	private static NetworkInterfaceInfo nic(String name, boolean up, boolean loopback, boolean pointToPoint,
			boolean multicast, String address) {
		try {
			return new NetworkInterfaceInfo(name, up, loopback, pointToPoint, multicast,
					List.of(InetAddress.getByName(address)));
		} catch (UnknownHostException e) {
			throw new IllegalStateException(e);
		}
	}

	private static InterfaceSelection selection(List<NetworkInterfaceInfo> machine, Map<String, String> settings) {
		return new InterfaceSelection(() -> machine, settings::get);
	}

	private static List<String> names(List<NetworkInterfaceInfo> interfaces) {
		return interfaces.stream().map(NetworkInterfaceInfo::name).toList();
	}

	@Test
	void theDefaultSkipsDownLoopbackPointToPointBridgesAndInterfacesWithoutMulticast() throws OnrampException {
		assertEquals(List.of("eth0", "wlan0"), names(selection(MACHINE, Map.of()).select(Set.of()))); //$NON-NLS-1$ //$NON-NLS-2$
	}

	@Test
	void preferencesIncludeAndExcludeWithWildcards() throws OnrampException {
		Map<String, String> settings = new HashMap<>();
		settings.put(InterfaceSelection.PREF_INCLUDE, "wl*, docker0"); //$NON-NLS-1$
		assertEquals(List.of("wlan0", "docker0"), names(selection(MACHINE, settings).select(Set.of()))); //$NON-NLS-1$ //$NON-NLS-2$
		settings.clear();
		settings.put(InterfaceSelection.PREF_EXCLUDE, "wlan*"); //$NON-NLS-1$
		assertEquals(List.of("eth0"), names(selection(MACHINE, settings).select(Set.of()))); //$NON-NLS-1$
	}

	@Test
	void aCallerCanForceLoopbackAndTheSystemPropertySettingOverridesPreferences() throws OnrampException {
		assertEquals(List.of("lo"), names(selection(MACHINE, Map.of()).select(Set.of("lo")))); //$NON-NLS-1$ //$NON-NLS-2$
		Map<String, String> settings = Map.of(InterfaceSelection.SYSTEM_PROPERTY, "lo", //$NON-NLS-1$
				InterfaceSelection.PREF_INCLUDE, "eth0"); //$NON-NLS-1$
		assertEquals(List.of("lo"), names(selection(MACHINE, settings).select(Set.of()))); //$NON-NLS-1$
	}

	@Test
	void namedInterfacesThatCannotCarryMdnsFailWithTheFix() {
		OnrampException unknown = assertThrows(OnrampException.class,
				() -> selection(MACHINE, Map.of()).select(Set.of("eth7"))); //$NON-NLS-1$
		assertEquals(FailureReason.USAGE, unknown.reason());
		assertTrue(unknown.hint().orElseThrow().contains("wlan0"), unknown.userText()); //$NON-NLS-1$

		List<NetworkInterfaceInfo> noMulticastLoopback = List.of(nic("lo", true, true, false, false, "127.0.0.1")); //$NON-NLS-1$ //$NON-NLS-2$
		OnrampException multicastOff = assertThrows(OnrampException.class,
				() -> selection(noMulticastLoopback, Map.of()).select(Set.of("lo"))); //$NON-NLS-1$
		assertTrue(multicastOff.getMessage().contains("multicast disabled"), multicastOff.userText()); //$NON-NLS-1$
		assertTrue(multicastOff.hint().orElseThrow().contains("ip link set lo multicast on"), multicastOff.userText()); //$NON-NLS-1$

		OnrampException down = assertThrows(OnrampException.class,
				() -> selection(MACHINE, Map.of()).select(Set.of("eth1"))); //$NON-NLS-1$
		assertTrue(down.getMessage().contains("down"), down.userText()); //$NON-NLS-1$
	}

	@Test
	void noUsableInterfaceSaysWhatWasSkippedAndWhatToDo() {
		List<NetworkInterfaceInfo> onlyBridges = List.of(nic("lo", true, true, false, true, "127.0.0.1"), //$NON-NLS-1$ //$NON-NLS-2$
				nic("docker0", true, false, false, true, "172.17.0.1")); //$NON-NLS-1$ //$NON-NLS-2$
		OnrampException failure = assertThrows(OnrampException.class,
				() -> selection(onlyBridges, Map.of()).select(Set.of()));
		assertEquals(FailureReason.DEVICE_UNREACHABLE, failure.reason());
		assertTrue(failure.getMessage().contains("lo (loopback)"), failure.getMessage()); //$NON-NLS-1$
		assertTrue(failure.getMessage().contains("docker0 (container or virtual-machine bridge)"), failure.getMessage()); //$NON-NLS-1$
		// front-end neutral: the command adds its --interface option for the remedy (RemedyOptionsTest)
		assertTrue(failure.hint().orElseThrow().contains("choose the interfaces mDNS uses"), failure.userText()); //$NON-NLS-1$
		assertEquals(Optional.of(Remedy.NETWORK_INTERFACE), failure.remedy());
	}
}
