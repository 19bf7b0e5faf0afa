/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.serial.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import com.fazecast.jSerialComm.SerialPort;
import com.fazecast.jSerialComm.SerialPortInvalidPortException;

import dev.onramp.core.OnrampException;
import dev.onramp.core.UsbIdentity;
import dev.onramp.core.serial.SerialPortInfo;

/**
 * Opens serial ports exclusively: within this process by bookkeeping, across processes by jSerialComm's
 * {@code flock} on POSIX and the driver's sharing rules on Windows.
 */
final class SerialPortOpener {

	private final Platform platform;
	private final PortScanner scanner;
	private final Set<String> openDevices = ConcurrentHashMap.newKeySet();

	SerialPortOpener(Platform platform, PortScanner scanner) {
		this.platform = platform;
		this.scanner = scanner;
	}

	SerialPortChannel open(String requestedPort, int baudRate) throws OnrampException {
		String device = devicePath(requestedPort);
		if (!openDevices.add(device)) {
			throw PortOpenFailureDiagnosis.alreadyOpenHere(requestedPort);
		}
		boolean opened = false;
		try {
			SerialPort port = SerialPort.getCommPort(device);
			port.setComPortParameters(baudRate, 8, SerialPort.ONE_STOP_BIT, SerialPort.NO_PARITY);
			port.setComPortTimeouts(SerialPort.TIMEOUT_READ_SEMI_BLOCKING, 100, 0);
			if (!port.openPort(0)) {
				throw PortOpenFailureDiagnosis.diagnose(describeFailure(requestedPort, device, port.getLastErrorCode()));
			}
			if (platform == Platform.LINUX) {
				refuseShared(requestedPort, device, port);
			}
			opened = true;
			return new SerialPortChannel(requestedPort, port, () -> openDevices.remove(device));
		} catch (SerialPortInvalidPortException e) {
			throw PortOpenFailureDiagnosis.notFound(platform, requestedPort);
		} finally {
			if (!opened) {
				openDevices.remove(device);
			}
		}
	}

	/**
	 * The lock that jSerialComm takes only keeps out programs that ask for it; serial monitors such as {@code idf.py
	 * monitor}, screen or cat open the port without one, and then each program gets part of the bytes.
	 */
	private static void refuseShared(String requestedPort, String device, SerialPort port) throws OnrampException {
		List<PortHolder> others = PortHolders.openers(Path.of(device));
		if (!others.isEmpty()) {
			port.closePort();
			throw PortOpenFailureDiagnosis.busy(requestedPort, others);
		}
	}

	/**
	 * @return the real device behind a path or link; a Windows COM port as {@code COMn} ({@code com3} and
	 *         {@code \\.\COM10} too); on macOS the callout device {@code /dev/cu.X} for {@code /dev/tty.X}
	 */
	private String devicePath(String requestedPort) throws OnrampException {
		if (platform == Platform.WINDOWS && PortNames.isWindowsComPort(requestedPort)) {
			return PortNames.canonical(platform, requestedPort);
		}
		Path path = Path.of(PortNames.canonical(platform, requestedPort));
		if (!Files.exists(path)) {
			throw PortOpenFailureDiagnosis.notFound(platform, requestedPort);
		}
		return StableLinks.realPath(path).toString();
	}

	private PortOpenFailure describeFailure(String requestedPort, String device, int errorCode) {
		Optional<DeviceNodeOwnership> ownership = Optional.empty();
		Optional<UsbIdentity> usb = Optional.empty();
		List<PortHolder> holders = List.of();
		if (platform == Platform.LINUX) {
			Path devicePath = Path.of(device);
			ownership = DeviceNodeOwnership.of(devicePath);
			holders = PortHolders.of(devicePath);
		}
		// the chip tells which driver to suggest on Windows and macOS, and whether brltty may be in the way on Linux
		usb = scanner.scan().stream().filter(p -> p.systemPath().equals(device)).findFirst()
				.flatMap(SerialPortInfo::usb);
		return new PortOpenFailure(requestedPort, device, platform, errorCode, ownership, usb, holders);
	}
}
