/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.serial.internal;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Supplier;

import dev.onramp.core.UsbIdentity;
import dev.onramp.core.serial.PortAccess;
import dev.onramp.core.serial.SerialPortInfo;

/**
 * Lists the serial ports: jSerialComm's enumeration, named as each platform names them (Linux: the device, with the
 * udev link of the by-id directory that survives renumbering; macOS: the callout device {@code /dev/cu.*}, each
 * device once; Windows: {@code COMn}), plus the ports that symbolic links in extra directories point to
 * (pseudo-terminals of socat or simulators, which no enumeration finds).
 */
final class PortScanner {

	static final Path BY_ID_DIRECTORY = Path.of("/dev/serial/by-id"); //$NON-NLS-1$
	/**
	 * More directories of links to ports, separated by the path separator, for scripted runs and tests whose boards
	 * are pseudo-terminals: {@code -Ddev.onramp.serial.linkDirectories=/tmp/boards}.
	 */
	static final String LINK_DIRECTORIES_PROPERTY = "dev.onramp.serial.linkDirectories"; //$NON-NLS-1$

	private final Platform platform;
	private final Path byIdDirectory;
	private final List<Path> linkDirectories;
	private final Supplier<List<SystemPort>> systemPorts;

	/**
	 * @param byIdDirectory        the directory of stable links ({@code /dev/serial/by-id})
	 * @param linkDirectories      more directories whose links to character devices count as ports
	 * @param enumerateSystemPorts whether to list the ports the operating system enumerates (tests turn it off)
	 */
	PortScanner(Path byIdDirectory, List<Path> linkDirectories, boolean enumerateSystemPorts) {
		this(Platform.current(), byIdDirectory, linkDirectories, enumerateSystemPorts ? SystemPort::enumerate : List::of);
	}

	/**
	 * For tests of another platform's listing: the ports that platform's enumeration would give.
	 *
	 * @param platform    whose naming rules apply
	 * @param systemPorts the operating system's enumeration
	 */
	PortScanner(Platform platform, Path byIdDirectory, List<Path> linkDirectories,
			Supplier<List<SystemPort>> systemPorts) {
		this.platform = platform;
		this.byIdDirectory = byIdDirectory;
		this.linkDirectories = List.copyOf(linkDirectories);
		this.systemPorts = systemPorts;
	}

	Platform platform() {
		return platform;
	}

	static PortScanner system() {
		return new PortScanner(BY_ID_DIRECTORY, linkDirectories(System.getProperty(LINK_DIRECTORIES_PROPERTY)), true);
	}

	/** @param property directories separated by the path separator; {@code null} or blank for none */
	static List<Path> linkDirectories(String property) {
		List<Path> directories = new ArrayList<>();
		if (property != null) {
			for (String directory : property.split(File.pathSeparator)) {
				if (!directory.isBlank()) {
					directories.add(Path.of(directory.strip()));
				}
			}
		}
		return directories;
	}

	/** @return the ports present now, each once, sorted by system path */
	List<SerialPortInfo> scan() {
		Map<String, SerialPortInfo> ports = new TreeMap<>();
		Map<Path, Path> stableLinks = platform == Platform.WINDOWS ? Map.of() : StableLinks.scan(byIdDirectory);
		for (SystemPort port : systemPorts.get()) {
			SerialPortInfo info = describe(port, stableLinks);
			// macOS has a dial-in and a callout device for each port: both name the callout one, listed once
			ports.putIfAbsent(info.systemPath(), info);
		}
		for (Path directory : linkDirectories) {
			StableLinks.scan(directory).forEach((device, link) -> {
				if (Files.isSymbolicLink(link) && isDevice(device)) {
					ports.putIfAbsent(device.toString(), new SerialPortInfo(device.toString(), link.toString(),
							"Linked port", Optional.empty(), PortAccessProbe.probe(device))); //$NON-NLS-1$
				}
			});
		}
		return new ArrayList<>(ports.values());
	}

	private static boolean isDevice(Path path) {
		return Files.exists(path) && !Files.isRegularFile(path) && !Files.isDirectory(path);
	}

	SerialPortInfo describe(SystemPort port, Map<Path, Path> stableLinks) {
		if (platform == Platform.WINDOWS) {
			// COM ports have no file to probe: the driver decides when the port is opened
			String name = PortNames.canonical(platform, port.name().isBlank() ? port.path() : port.name());
			return new SerialPortInfo(name, "", port.description(), usbIdentity(port), PortAccess.UNKNOWN); //$NON-NLS-1$
		}
		String systemPath = PortNames.canonical(platform, port.path());
		Path stable = stableLinks.get(StableLinks.realPath(Path.of(systemPath)));
		return new SerialPortInfo(systemPath, stable == null ? "" : stable.toString(), //$NON-NLS-1$
				port.description(), usbIdentity(port), PortAccessProbe.probe(Path.of(systemPath)));
	}

	private static Optional<UsbIdentity> usbIdentity(SystemPort port) {
		if (port.vendorId() < 0 || port.productId() < 0 || port.vendorId() > 0xFFFF || port.productId() > 0xFFFF) {
			return Optional.empty();
		}
		return Optional.of(new UsbIdentity(port.vendorId(), port.productId(), port.serialNumber(),
				port.manufacturer(), port.product()));
	}
}
