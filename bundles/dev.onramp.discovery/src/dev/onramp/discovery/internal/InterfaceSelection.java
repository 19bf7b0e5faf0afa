/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.discovery.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.eclipse.core.runtime.Platform;
import org.eclipse.core.runtime.preferences.IPreferencesService;

import dev.onramp.core.FailureReason;
import dev.onramp.core.OnrampException;
import dev.onramp.core.Remedy;

/**
 * Which network interfaces mDNS runs on. In order: the interfaces a caller names (for example
 * {@code --interface lo}); the system property {@value #SYSTEM_PROPERTY}; the bundle's preferences
 * {@value #PREF_INCLUDE} and {@value #PREF_EXCLUDE} (comma-separated names, {@code *} as wildcard); the default:
 * every interface that is up, has multicast and an address, except loopback, point-to-point links (VPNs) and
 * container or virtual-machine bridges, where multicast would go to the wrong place.
 */
public final class InterfaceSelection {

	public static final String PREFERENCES_QUALIFIER = "dev.onramp.discovery"; //$NON-NLS-1$
	/** Only these interfaces (names or patterns such as {@code wl*}); empty for the default. */
	public static final String PREF_INCLUDE = "interfaces.include"; //$NON-NLS-1$
	/** Never these interfaces, in addition to the built-in exclusions. */
	public static final String PREF_EXCLUDE = "interfaces.exclude"; //$NON-NLS-1$
	/** Overrides the preferences, for scripted runs and tests: {@code -Ddev.onramp.discovery.interfaces=lo}. */
	public static final String SYSTEM_PROPERTY = "dev.onramp.discovery.interfaces"; //$NON-NLS-1$

	/** Container and virtual-machine bridges: mDNS there only reaches containers or VMs, never devices. */
	static final List<String> BUILT_IN_EXCLUDES = List.of("docker*", "veth*", "virbr*", "br-*", "cni*", "flannel*", //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$ //$NON-NLS-5$ //$NON-NLS-6$
			"podman*", "vboxnet*", "vmnet*", "lxcbr*", "lxdbr*"); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$ //$NON-NLS-5$

	private final Supplier<List<NetworkInterfaceInfo>> interfaces;
	private final UnaryOperator<String> settings;

	/**
	 * @param interfaces the interfaces of the machine (a fake in tests)
	 * @param settings   the value of {@link #SYSTEM_PROPERTY}, {@link #PREF_INCLUDE} or {@link #PREF_EXCLUDE}, or
	 *                   {@code null}
	 */
	public InterfaceSelection(Supplier<List<NetworkInterfaceInfo>> interfaces, UnaryOperator<String> settings) {
		this.interfaces = Objects.requireNonNull(interfaces);
		this.settings = Objects.requireNonNull(settings);
	}

	/** @return the selection the product uses: real interfaces, system property, then preferences */
	public static InterfaceSelection fromEnvironment() {
		return new InterfaceSelection(NetworkInterfaceInfo::systemInterfaces, InterfaceSelection::environmentSetting);
	}

	/** @return a selection that always uses exactly the named interfaces, whatever the preferences say */
	public static InterfaceSelection only(String... names) {
		String joined = String.join(",", names); //$NON-NLS-1$
		return new InterfaceSelection(NetworkInterfaceInfo::systemInterfaces,
				key -> SYSTEM_PROPERTY.equals(key) ? joined : null);
	}

	private static String environmentSetting(String key) {
		if (SYSTEM_PROPERTY.equals(key)) {
			return System.getProperty(SYSTEM_PROPERTY);
		}
		try {
			IPreferencesService preferences = Platform.getPreferencesService();
			return preferences == null ? null : preferences.getString(PREFERENCES_QUALIFIER, key, null, null);
		} catch (RuntimeException | LinkageError e) {
			return null; // no preference service (plain Java): the defaults apply
		}
	}

	/**
	 * @param requested interface names a caller insists on; empty for the configured or default ones
	 * @return the interfaces to run mDNS on, never empty
	 * @throws OnrampException {@code USAGE} for an unknown name, {@code DEVICE_UNREACHABLE} when an interface cannot
	 *                         carry mDNS or none is usable, each with what to do
	 */
	public List<NetworkInterfaceInfo> select(Set<String> requested) throws OnrampException {
		List<NetworkInterfaceInfo> all = interfaces.get();
		Set<String> names = new LinkedHashSet<>(requested == null ? Set.of() : requested);
		if (names.isEmpty()) {
			names.addAll(split(settings.apply(SYSTEM_PROPERTY)));
		}
		if (!names.isEmpty()) {
			List<NetworkInterfaceInfo> result = new ArrayList<>();
			for (String name : names) {
				result.add(checkNamed(name, all));
			}
			return result;
		}
		return byRules(all, split(settings.apply(PREF_INCLUDE)), split(settings.apply(PREF_EXCLUDE)));
	}

	private static NetworkInterfaceInfo checkNamed(String name, List<NetworkInterfaceInfo> all) throws OnrampException {
		Optional<NetworkInterfaceInfo> found = all.stream().filter(i -> i.name().equals(name)).findFirst();
		if (found.isEmpty()) {
			throw new OnrampException(FailureReason.USAGE, "There is no network interface named '" + name + "'.", //$NON-NLS-1$ //$NON-NLS-2$
					"Interfaces on this computer: " + all.stream().map(NetworkInterfaceInfo::name) //$NON-NLS-1$
							.collect(Collectors.joining(", ")) + "."); //$NON-NLS-1$ //$NON-NLS-2$
		}
		NetworkInterfaceInfo info = found.get();
		if (!info.up()) {
			throw new OnrampException(FailureReason.DEVICE_UNREACHABLE,
					"Network interface '" + name + "' is down, so mDNS cannot run on it.", //$NON-NLS-1$ //$NON-NLS-2$
					"Bring it up (ip link set " + name + " up) or choose another interface.") //$NON-NLS-1$ //$NON-NLS-2$
					.withRemedy(Remedy.NETWORK_INTERFACE);
		}
		if (!info.multicast()) {
			throw new OnrampException(FailureReason.DEVICE_UNREACHABLE,
					"Network interface '" + name + "' has multicast disabled, so mDNS cannot run on it.", //$NON-NLS-1$ //$NON-NLS-2$
					"Enable it as root with 'ip link set " + name + " multicast on', or choose another interface.") //$NON-NLS-1$ //$NON-NLS-2$
					.withRemedy(Remedy.NETWORK_INTERFACE);
		}
		if (info.bindAddress().isEmpty()) {
			throw new OnrampException(FailureReason.DEVICE_UNREACHABLE,
					"Network interface '" + name + "' has no IP address, so mDNS cannot run on it.", //$NON-NLS-1$ //$NON-NLS-2$
					"Connect it to a network or choose another interface.").withRemedy(Remedy.NETWORK_INTERFACE); //$NON-NLS-1$
		}
		return info;
	}

	static List<NetworkInterfaceInfo> byRules(List<NetworkInterfaceInfo> all, List<String> include,
			List<String> exclude) throws OnrampException {
		List<NetworkInterfaceInfo> result = new ArrayList<>();
		List<String> skipped = new ArrayList<>();
		for (NetworkInterfaceInfo info : all) {
			Optional<String> whyNot = include.isEmpty() ? defaultExclusion(info) : includeExclusion(info, include);
			if (whyNot.isEmpty() && matchesAny(info.name(), exclude)) {
				whyNot = Optional.of("excluded in the preferences"); //$NON-NLS-1$
			}
			if (whyNot.isPresent()) {
				skipped.add(info.name() + " (" + whyNot.get() + ")"); //$NON-NLS-1$ //$NON-NLS-2$
			} else {
				result.add(info);
			}
		}
		if (result.isEmpty()) {
			throw new OnrampException(FailureReason.DEVICE_UNREACHABLE,
					"No network interface is usable for mDNS" //$NON-NLS-1$
							+ (skipped.isEmpty() ? "." : ": skipped " + String.join(", ", skipped) + "."), //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$
					"Connect this computer to the devices' network, or choose the interfaces mDNS uses.") //$NON-NLS-1$
					.withRemedy(Remedy.NETWORK_INTERFACE);
		}
		return result;
	}

	private static Optional<String> defaultExclusion(NetworkInterfaceInfo info) {
		if (!info.up()) {
			return Optional.of("down"); //$NON-NLS-1$
		}
		if (info.loopback()) {
			return Optional.of("loopback"); //$NON-NLS-1$
		}
		if (info.pointToPoint()) {
			return Optional.of("point-to-point link, for example a VPN"); //$NON-NLS-1$
		}
		if (matchesAny(info.name(), BUILT_IN_EXCLUDES)) {
			return Optional.of("container or virtual-machine bridge"); //$NON-NLS-1$
		}
		return usable(info);
	}

	private static Optional<String> includeExclusion(NetworkInterfaceInfo info, List<String> include) {
		if (!matchesAny(info.name(), include)) {
			return Optional.of("not included in the preferences"); //$NON-NLS-1$
		}
		if (!info.up()) {
			return Optional.of("down"); //$NON-NLS-1$
		}
		return usable(info);
	}

	private static Optional<String> usable(NetworkInterfaceInfo info) {
		if (!info.multicast()) {
			return Optional.of("multicast disabled"); //$NON-NLS-1$
		}
		if (info.bindAddress().isEmpty()) {
			return Optional.of("no IP address"); //$NON-NLS-1$
		}
		return Optional.empty();
	}

	static boolean matchesAny(String name, List<String> patterns) {
		for (String pattern : patterns) {
			String regex = Arrays.stream(pattern.toLowerCase(Locale.ROOT).split("\\*", -1)).map(Pattern::quote) //$NON-NLS-1$
					.collect(Collectors.joining(".*")); //$NON-NLS-1$
			if (name.toLowerCase(Locale.ROOT).matches(regex)) {
				return true;
			}
		}
		return false;
	}

	static List<String> split(String value) {
		if (value == null || value.isBlank()) {
			return List.of();
		}
		return Arrays.stream(value.split("[,\\s]+")).filter(s -> !s.isEmpty()).toList(); //$NON-NLS-1$
	}
}
