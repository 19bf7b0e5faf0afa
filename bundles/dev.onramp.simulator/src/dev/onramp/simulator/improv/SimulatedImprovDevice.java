/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.simulator.improv;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import dev.onramp.core.OnrampException;
import dev.onramp.core.serial.IByteChannel;

/**
 * A device speaking Improv Wi-Fi on the device end of a byte channel, with ESP-IDF-style log lines between frames.
 * Known networks connect (state provisioned, then the URL); others fail with "unable to connect". The device
 * frames are built here independently of the client's code.
 */
public final class SimulatedImprovDevice implements AutoCloseable {

	private static final byte[] HEADER = "IMPROV".getBytes(StandardCharsets.US_ASCII); //$NON-NLS-1$
	private static final String NAME = "pydirect-ab12"; //$NON-NLS-1$

	private final IByteChannel line;
	private final AtomicInteger scans = new AtomicInteger();
	private final Map<String, String> networks;
	private final List<String> visible;
	private final boolean corruptChecksums;
	private final Duration scanTime;
	private final boolean dropMidScanFrame;
	private final Thread thread;
	private volatile boolean running = true;
	private int state = 0x02;
	private volatile String receivedSsid;

	/**
	 * @param line             the device's end of the line
	 * @param networks         joinable networks, SSID to password
	 * @param extraVisible     further SSIDs the scan shows
	 * @param corruptChecksums send every frame with a wrong checksum (a bad cable or baud rate)
	 */
	public SimulatedImprovDevice(IByteChannel line, Map<String, String> networks, List<String> extraVisible,
			boolean corruptChecksums) {
		this(line, networks, extraVisible, corruptChecksums, Duration.ZERO, false);
	}

	/**
	 * @param scanTime         how long the device's Wi-Fi scan takes before its first result (an ESP32 scanning all
	 *                         channels takes about two seconds)
	 * @param dropMidScanFrame the line drops in the middle of the first scan result frame (cable pulled, the board
	 *                         browning out), after half of its bytes went out
	 */
	public SimulatedImprovDevice(IByteChannel line, Map<String, String> networks, List<String> extraVisible,
			boolean corruptChecksums, Duration scanTime, boolean dropMidScanFrame) {
		this.line = line;
		this.scanTime = scanTime;
		this.dropMidScanFrame = dropMidScanFrame;
		this.networks = new LinkedHashMap<>(networks);
		this.visible = new java.util.ArrayList<>(networks.keySet());
		this.visible.addAll(extraVisible);
		this.corruptChecksums = corruptChecksums;
		this.thread = new Thread(this::run, "improv-device-" + line.name()); //$NON-NLS-1$
		this.thread.setDaemon(true);
		this.thread.start();
	}

	/** @return the SSID of the last settings received */
	public String receivedSsid() {
		return receivedSsid;
	}

	/** @return how many scans (RPC 0x04) the device ran */
	public int scans() {
		return scans.get();
	}

	private void run() {
		ByteArrayOutputStream pending = new ByteArrayOutputStream();
		byte[] chunk = new byte[256];
		try {
			log("I (312) boot: Improv serial ready"); //$NON-NLS-1$
			while (running) {
				int n = line.read(chunk, 0, chunk.length, Duration.ofMillis(100));
				if (n == 0) {
					// like firmware: a partial frame is dropped after ~100 ms of silence
					pending.reset();
					continue;
				}
				pending.write(chunk, 0, n);
				byte[] frame = takeFrame(pending);
				while (frame != null) {
					handle(frame);
					frame = takeFrame(pending);
				}
			}
		} catch (OnrampException e) {
			// the line closed
		}
	}

	/** @return the data of an RPC frame ([command, len, payload]) or null; consumes it from the buffer */
	private static byte[] takeFrame(ByteArrayOutputStream pending) {
		byte[] bytes = pending.toByteArray();
		for (int i = 0; i + HEADER.length + 3 <= bytes.length; i++) {
			if (!matches(bytes, i)) {
				continue;
			}
			int length = bytes[i + HEADER.length + 2] & 0xff;
			int end = i + HEADER.length + 3 + length + 1;
			if (end > bytes.length) {
				return null;
			}
			int sum = 0;
			for (int j = i; j < end - 1; j++) {
				sum += bytes[j] & 0xff;
			}
			byte[] data = java.util.Arrays.copyOfRange(bytes, i + HEADER.length + 3, end - 1);
			boolean rpc = bytes[i + HEADER.length + 1] == 0x03;
			pending.reset();
			pending.write(bytes, end, bytes.length - end);
			return (sum & 0xff) == (bytes[end - 1] & 0xff) && rpc ? data : new byte[0];
		}
		return null;
	}

	private static boolean matches(byte[] bytes, int at) {
		for (int j = 0; j < HEADER.length; j++) {
			if (bytes[at + j] != HEADER[j]) {
				return false;
			}
		}
		return true;
	}

	private void handle(byte[] rpc) throws OnrampException {
		if (rpc.length < 2) {
			send(0x02, new byte[] { 0x01 }); // invalid RPC packet
			return;
		}
		int command = rpc[0] & 0xff;
		log("D (1200) improv: command " + command); //$NON-NLS-1$
		switch (command) {
		case 0x01 -> sendWifi(rpc);
		case 0x02 -> send(0x01, new byte[] { (byte) state });
		case 0x03 -> result(0x03, "pyDirect", "1.4.2", "ESP32-S3", NAME); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
		case 0x04 -> {
			scans.incrementAndGet();
			scanning();
			if (dropMidScanFrame && !visible.isEmpty()) {
				byte[] frame = frame(0x04, resultData(0x04, visible.get(0), "-40", "YES")); //$NON-NLS-1$ //$NON-NLS-2$
				line.write(java.util.Arrays.copyOf(frame, frame.length / 2));
				running = false;
				line.close();
				return;
			}
			int rssi = -40;
			for (String ssid : visible) {
				result(0x04, ssid, Integer.toString(rssi), rssi % 3 == 0 ? "NO" : "YES"); //$NON-NLS-1$ //$NON-NLS-2$
				rssi -= 5;
			}
			result(0x04);
		}
		case 0x05 -> result(0x05, NAME); // hostname: reading it (setting is not simulated)
		default -> send(0x02, new byte[] { 0x02 }); // unknown RPC
		}
	}

	private void sendWifi(byte[] rpc) throws OnrampException {
		int at = 2;
		int ssidLength = rpc[at++] & 0xff;
		String ssid = new String(rpc, at, ssidLength, StandardCharsets.UTF_8);
		at += ssidLength;
		int passwordLength = rpc[at++] & 0xff;
		String password = new String(rpc, at, passwordLength, StandardCharsets.UTF_8);
		receivedSsid = ssid;
		state = 0x03;
		send(0x01, new byte[] { 0x03 });
		log("I (5120) wifi: connecting to " + ssid); //$NON-NLS-1$
		if (password.equals(networks.get(ssid))) {
			state = 0x04;
			send(0x01, new byte[] { 0x04 });
			result(0x01, "http://192.168.1.61"); //$NON-NLS-1$
		} else {
			state = 0x02;
			log("W (9120) wifi: connection failed"); //$NON-NLS-1$
			send(0x02, new byte[] { 0x03 });
		}
	}

	/** The radio is busy scanning: a rate of the simulated firmware, not a synchronisation. */
	private void scanning() {
		long until = System.nanoTime() + scanTime.toNanos();
		for (long left = scanTime.toNanos(); left > 0 && running; left = until - System.nanoTime()) {
			java.util.concurrent.locks.LockSupport.parkNanos(Math.min(left, 50_000_000L));
		}
	}

	private void result(int command, String... values) throws OnrampException {
		send(0x04, resultData(command, values));
	}

	private static byte[] resultData(int command, String... values) {
		ByteArrayOutputStream strings = new ByteArrayOutputStream();
		for (String value : values) {
			byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
			strings.write(bytes.length);
			strings.writeBytes(bytes);
		}
		byte[] payload = strings.toByteArray();
		byte[] data = new byte[payload.length + 2];
		data[0] = (byte) command;
		data[1] = (byte) payload.length;
		System.arraycopy(payload, 0, data, 2, payload.length);
		return data;
	}

	private void send(int type, byte[] data) throws OnrampException {
		line.write(frame(type, data));
	}

	private byte[] frame(int type, byte[] data) {
		ByteArrayOutputStream frame = new ByteArrayOutputStream();
		frame.writeBytes(HEADER);
		frame.write(1);
		frame.write(type);
		frame.write(data.length);
		frame.writeBytes(data);
		int sum = 0;
		for (byte b : frame.toByteArray()) {
			sum += b & 0xff;
		}
		frame.write(corruptChecksums ? sum + 1 : sum);
		frame.write('\n');
		return frame.toByteArray();
	}

	private void log(String text) throws OnrampException {
		line.write((text + "\r\n").getBytes(StandardCharsets.US_ASCII)); //$NON-NLS-1$
	}

	@Override
	public void close() {
		running = false;
		line.close();
		try {
			thread.join(2000);
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}
}
