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

import com.fazecast.jSerialComm.SerialPort;

import dev.onramp.core.UsbIdentity;
import dev.onramp.core.serial.SerialPortInfo;

/**
 * Lists the serial ports: jSerialComm's enumeration, named by the udev links of the by-id directory, plus the ports
 * that symbolic links in extra directories point to (pseudo-terminals of socat or simulators, which no enumeration
 * finds).
 */
final class PortScanner {

	static final Path BY_ID_DIRECTORY = Path.of("/dev/serial/by-id"); //$NON-NLS-1$
	/**
	 * More directories of links to ports, separated by the path separator, for scripted runs and tests whose boards
	 * are pseudo-terminals: {@code -Ddev.onramp.serial.linkDirectories=/tmp/boards}.
	 */
	static final String LINK_DIRECTORIES_PROPERTY = "dev.onramp.serial.linkDirectories"; //$NON-NLS-1$

	private final Path byIdDirectory;
	private final List<Path> linkDirectories;
	private final boolean enumerateSystemPorts;

	/**
	 * @param byIdDirectory        the directory of stable links ({@code /dev/serial/by-id})
	 * @param linkDirectories      more directories whose links to character devices count as ports
	 * @param enumerateSystemPorts whether to list the ports the operating system enumerates (tests turn it off)
	 */
	PortScanner(Path byIdDirectory, List<Path> linkDirectories, boolean enumerateSystemPorts) {
		this.byIdDirectory = byIdDirectory;
		this.linkDirectories = List.copyOf(linkDirectories);
		this.enumerateSystemPorts = enumerateSystemPorts;
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

	/** @return the ports present now, sorted by system path */
	List<SerialPortInfo> scan() {
		Map<String, SerialPortInfo> ports = new TreeMap<>();
		Map<Path, Path> stableLinks = StableLinks.scan(byIdDirectory);
		if (enumerateSystemPorts) {
			for (SerialPort port : SerialPort.getCommPorts()) {
				SerialPortInfo info = describe(port, stableLinks);
				ports.put(info.systemPath(), info);
			}
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

	static SerialPortInfo describe(SerialPort port, Map<Path, Path> stableLinks) {
		String systemPath = port.getSystemPortPath();
		Path stable = stableLinks.get(StableLinks.realPath(Path.of(systemPath)));
		return new SerialPortInfo(systemPath, stable == null ? "" : stable.toString(), //$NON-NLS-1$
				port.getPortDescription(), usbIdentity(port), PortAccessProbe.probe(Path.of(systemPath)));
	}

	private static Optional<UsbIdentity> usbIdentity(SerialPort port) {
		int vendorId = port.getVendorID();
		int productId = port.getProductID();
		if (vendorId < 0 || productId < 0) {
			return Optional.empty();
		}
		return Optional.of(new UsbIdentity(vendorId, productId, port.getSerialNumber(), port.getManufacturer(),
				port.getDescriptivePortName()));
	}
}
