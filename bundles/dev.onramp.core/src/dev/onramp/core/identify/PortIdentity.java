/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.core.identify;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.onramp.core.DeviceKind;
import dev.onramp.core.MacAddress;
import dev.onramp.core.repl.DeviceIdentity;

/**
 * Who answered on a port. Exactly one of {@link #micropython()}, {@link #improv()} and {@link #console()} is present,
 * and {@link #kind()} names it.
 *
 * @param port        the port as it was named
 * @param micropython the REPL's identity, for MicroPython and pyDirect boards
 * @param improv      what an Improv device reported
 * @param console     what an ESP-IDF console reported
 * @param mac         the Wi-Fi station MAC: from the REPL, or from the boot log of an ESP-IDF application
 *                    ({@code wifi:mode : sta (...)}) when the port saw it
 */
public record PortIdentity(String port, Optional<DeviceIdentity> micropython,
		Optional<ImprovDeviceInfo> improv, Optional<EspIdfConsoleInfo> console, Optional<MacAddress> mac) {

	/** {@code os.uname().machine} ends with the chip: {@code Generic ESP32S3 module with ESP32S3}. */
	private static final Pattern MACHINE_CHIP = Pattern.compile(" with (ESP32\\w*)$"); //$NON-NLS-1$
	private static final Pattern CHIP_SERIES = Pattern.compile("ESP32([A-Z]\\d+)"); //$NON-NLS-1$

	public PortIdentity {
		Objects.requireNonNull(port);
		Objects.requireNonNull(micropython);
		Objects.requireNonNull(improv);
		Objects.requireNonNull(console);
		Objects.requireNonNull(mac);
		int present = (micropython.isPresent() ? 1 : 0) + (improv.isPresent() ? 1 : 0) + (console.isPresent() ? 1 : 0);
		if (present != 1) {
			throw new IllegalArgumentException("A port identity describes exactly one kind of device"); //$NON-NLS-1$
		}
	}

	public static PortIdentity micropython(String port, DeviceIdentity identity) {
		return new PortIdentity(port, Optional.of(identity), Optional.empty(), Optional.empty(), identity.mac());
	}

	public static PortIdentity improv(String port, ImprovDeviceInfo info, Optional<MacAddress> mac) {
		return new PortIdentity(port, Optional.empty(), Optional.of(info), Optional.empty(), mac);
	}

	public static PortIdentity console(String port, EspIdfConsoleInfo info, Optional<MacAddress> mac) {
		return new PortIdentity(port, Optional.empty(), Optional.empty(), Optional.of(info), mac);
	}

	/**
	 * @return {@link DeviceKind#PYDIRECT}, {@link DeviceKind#MICROPYTHON}, {@link DeviceKind#IMPROV} or
	 *         {@link DeviceKind#ESP_IDF_CONSOLE}
	 */
	public DeviceKind kind() {
		if (micropython.isPresent()) {
			return micropython.get().pyDirect() ? DeviceKind.PYDIRECT : DeviceKind.MICROPYTHON;
		}
		return improv.isPresent() ? DeviceKind.IMPROV : DeviceKind.ESP_IDF_CONSOLE;
	}

	/** @return {@code pydirect}, {@code micropython}, {@code improv} or {@code esp-idf-console}, as scripts see it */
	public String kindKey() {
		if (micropython.isPresent()) {
			return micropython.get().kind();
		}
		return improv.isPresent() ? "improv" : "esp-idf-console"; //$NON-NLS-1$ //$NON-NLS-2$
	}

	/** @return the chip as the device names it, in Espressif's spelling ({@code ESP32-S3}) */
	public Optional<String> chip() {
		Optional<String> named = improv.flatMap(ImprovDeviceInfo::chip)
				.or(() -> console.flatMap(EspIdfConsoleInfo::chip))
				.or(() -> micropython.map(DeviceIdentity::machine).map(MACHINE_CHIP::matcher).filter(Matcher::find)
						.map(m -> m.group(1)));
		return named.map(chip -> CHIP_SERIES.matcher(chip).replaceFirst("ESP32-$1")); //$NON-NLS-1$
	}

	/** @return the host name the device reports: pyDirect's, or an Improv device's */
	public Optional<String> hostname() {
		return micropython.flatMap(DeviceIdentity::hostname).or(() -> improv.flatMap(ImprovDeviceInfo::hostname));
	}
}
