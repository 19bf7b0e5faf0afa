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
import java.util.Arrays;

import dev.onramp.core.OnrampException;
import dev.onramp.core.serial.ByteChannelPipe;
import dev.onramp.core.serial.IByteChannel;

/**
 * A serial line between the host and a {@link SimulatedImprovDevice} that damages one of the device's frames, as a
 * noisy cable, a wrong baud rate, a device that crashes mid-answer or a log line written in the middle of a frame
 * would. Bytes from the host pass unchanged; frames from the device are counted from 1.
 */
public final class FaultyImprovLine implements AutoCloseable {

	/** What happens to the chosen frame from the device. */
	public enum Fault {
		/** the frame arrives with a checksum off by one; later frames are intact */
		CORRUPT_CHECKSUM,
		/** the frame and everything after it never arrive: the device went silent mid-answer */
		SILENT_FROM,
		/**
		 * before the frame, a cut-off frame whose length byte claims more than follows, then log lines; the frame
		 * itself arrives intact
		 */
		PARTIAL_FRAME_BEFORE
	}

	private static final byte[] HEADER = "IMPROV".getBytes(StandardCharsets.US_ASCII); //$NON-NLS-1$

	private final IByteChannel device;
	private final IByteChannel host;
	private final IByteChannel inner;
	private final Fault fault;
	private final int frame;
	private final Thread up;
	private final Thread down;
	private volatile boolean running = true;
	private int frames;
	private boolean silent;

	/**
	 * @param device the host's end of the simulated device's line
	 * @param fault  what to do
	 * @param frame  which frame from the device it hits, counting from 1
	 */
	public FaultyImprovLine(IByteChannel device, Fault fault, int frame) {
		this.device = device;
		ByteChannelPipe pipe = new ByteChannelPipe(device.name(), "faulty-line"); //$NON-NLS-1$
		this.host = pipe.a();
		this.inner = pipe.b();
		this.fault = fault;
		this.frame = frame;
		up = new Thread(this::hostToDevice, "improv-faulty-line-up"); //$NON-NLS-1$
		down = new Thread(this::deviceToHost, "improv-faulty-line-down"); //$NON-NLS-1$
		up.setDaemon(true);
		down.setDaemon(true);
		up.start();
		down.start();
	}

	/** @return the line the host (the client under test) uses */
	public IByteChannel host() {
		return host;
	}

	private void hostToDevice() {
		byte[] chunk = new byte[256];
		try {
			while (running) {
				int n = inner.read(chunk, 0, chunk.length, Duration.ofMillis(100));
				if (n < 0) {
					return;
				}
				if (n > 0) {
					device.write(chunk, 0, n);
				}
			}
		} catch (OnrampException e) {
			// a side closed
		}
	}

	private void deviceToHost() {
		ByteArrayOutputStream pending = new ByteArrayOutputStream();
		byte[] chunk = new byte[256];
		try {
			while (running) {
				int n = device.read(chunk, 0, chunk.length, Duration.ofMillis(100));
				if (n < 0) {
					return;
				}
				pending.write(chunk, 0, n);
				forward(pending);
			}
		} catch (OnrampException e) {
			// a side closed
		}
	}

	/** Passes on log bytes and whole frames, keeping back only what may be the start of an unfinished frame. */
	private void forward(ByteArrayOutputStream pending) throws OnrampException {
		byte[] bytes = pending.toByteArray();
		int at = 0;
		while (true) {
			int header = indexOf(bytes, at);
			if (header < 0) {
				int keep = Math.min(bytes.length - at, HEADER.length - 1);
				emit(Arrays.copyOfRange(bytes, at, bytes.length - keep));
				at = bytes.length - keep;
				break;
			}
			emit(Arrays.copyOfRange(bytes, at, header));
			at = header;
			if (bytes.length - header < HEADER.length + 3) {
				break;
			}
			int end = header + HEADER.length + 3 + (bytes[header + HEADER.length + 2] & 0xff) + 1;
			if (end > bytes.length) {
				break;
			}
			frame(Arrays.copyOfRange(bytes, header, end));
			at = end;
		}
		pending.reset();
		pending.write(bytes, at, bytes.length - at);
	}

	private void frame(byte[] bytes) throws OnrampException {
		frames++;
		if (frames != frame) {
			emit(bytes);
			return;
		}
		switch (fault) {
		case CORRUPT_CHECKSUM -> {
			bytes[bytes.length - 1]++;
			emit(bytes);
		}
		case SILENT_FROM -> silent = true;
		case PARTIAL_FRAME_BEFORE -> {
			// the length byte promises 200 bytes; the log lines and the real frame are far fewer
			emit(Arrays.copyOf(bytes, HEADER.length + 2));
			emit(new byte[] { (byte) 200 });
			emit("\r\nE (4410) improv: frame dropped, restarting\r\nIMPRO".getBytes(StandardCharsets.US_ASCII)); //$NON-NLS-1$
			emit(bytes);
		}
		}
	}

	private void emit(byte[] bytes) throws OnrampException {
		if (bytes.length > 0 && !silent) {
			inner.write(bytes);
		}
	}

	private static int indexOf(byte[] bytes, int from) {
		outer: for (int i = from; i <= bytes.length - HEADER.length; i++) {
			for (int j = 0; j < HEADER.length; j++) {
				if (bytes[i + j] != HEADER[j]) {
					continue outer;
				}
			}
			return i;
		}
		return -1;
	}

	@Override
	public void close() {
		running = false;
		inner.close();
		host.close();
		try {
			up.join(2000);
			down.join(2000);
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}
}
