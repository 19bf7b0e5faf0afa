/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.simulator.tests;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Random;
import java.util.function.BooleanSupplier;
import java.util.concurrent.locks.LockSupport;

import org.eclipse.core.runtime.NullProgressMonitor;

import dev.onramp.core.FailureReason;
import dev.onramp.core.OnrampException;
import dev.onramp.core.repl.IChannelOpener;
import dev.onramp.core.repl.IReplSession;
import dev.onramp.core.repl.ReplOptions;
import dev.onramp.core.serial.IByteChannel;
import dev.onramp.serial.repl.internal.ReplService;
import dev.onramp.simulator.SimulatedMicroPythonDevice;
import dev.onramp.simulator.internal.SocketByteChannel;

/** Test helpers: sessions on simulated devices. */
final class Simulators {

	private Simulators() {
	}

	static ReplOptions fastOptions() {
		return ReplOptions.defaults().withConnectTimeout(Duration.ofSeconds(3)).withExecTimeout(Duration.ofSeconds(10))
				.withReconnectTimeout(Duration.ofSeconds(5));
	}

	/** @return an opener that plugs a new in-memory cable into the device each time (like USB re-enumeration) */
	static IChannelOpener pipeOpener(SimulatedMicroPythonDevice device) {
		return device::connectPipe;
	}

	static IReplSession connect(SimulatedMicroPythonDevice device, ReplOptions options) throws OnrampException {
		return new ReplService().connect(pipeOpener(device), options, new NullProgressMonitor());
	}

	static IReplSession connect(SimulatedMicroPythonDevice device) throws OnrampException {
		return connect(device, fastOptions());
	}

	static IChannelOpener socketOpener(int port) {
		return () -> {
			try {
				return (IByteChannel) new SocketByteChannel(new Socket(InetAddress.getLoopbackAddress(), port));
			} catch (IOException e) {
				throw new OnrampException(FailureReason.DEVICE_UNREACHABLE, "connect: " + e.getMessage());
			}
		};
	}

	static byte[] randomBytes(int size, long seed) {
		byte[] data = new byte[size];
		new Random(seed).nextBytes(data);
		return data;
	}

	static String hex(byte[] data) {
		return HexFormat.of().formatHex(data);
	}

	/** Waits for a condition until a deadline (polling, no fixed sleeps). */
	static boolean await(BooleanSupplier condition, Duration timeout) {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (!condition.getAsBoolean()) {
			if (System.nanoTime() - deadline > 0) {
				return false;
			}
			LockSupport.parkNanos(10_000_000L);
		}
		return true;
	}
}
