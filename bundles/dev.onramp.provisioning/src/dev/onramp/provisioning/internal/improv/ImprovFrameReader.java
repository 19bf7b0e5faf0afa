/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.provisioning.internal.improv;

import java.time.Duration;

import dev.onramp.core.OnrampException;
import dev.onramp.core.serial.IByteChannel;
import dev.onramp.provisioning.internal.Deadline;

/**
 * Finds Improv frames in a serial stream that also carries the device's log lines: bytes before an {@code IMPROV}
 * header are skipped, frames with a bad checksum are dropped (and counted).
 */
public class ImprovFrameReader {

	private final IByteChannel channel;
	private final byte[] buffer = new byte[1024];
	private int start;
	private int end;
	private int corrupted;

	public ImprovFrameReader(IByteChannel channel) {
		this.channel = channel;
	}

	/** @return how many frames failed their checksum so far */
	public int corrupted() {
		return corrupted;
	}

	/** @return the next valid frame, or null when the deadline passes first */
	public ImprovFrame next(Deadline deadline) throws OnrampException {
		while (true) {
			ImprovFrame frame = parse();
			if (frame != null) {
				return frame;
			}
			int left = deadline.remainingMillis();
			if (left == 0) {
				return null;
			}
			compact();
			int n = channel.read(buffer, end, buffer.length - end, Duration.ofMillis(Math.min(left, 200)));
			end += n;
		}
	}

	private void compact() {
		if (start > 0) {
			System.arraycopy(buffer, start, buffer, 0, end - start);
			end -= start;
			start = 0;
		}
		if (end == buffer.length) {
			// a full buffer without a frame is log noise: keep only a possible header start
			int keep = ImprovFrame.HEADER.length;
			System.arraycopy(buffer, end - keep, buffer, 0, keep);
			end = keep;
		}
	}

	/**
	 * @return a frame from the buffer, consuming it, or null if none is complete yet. A header whose frame is still
	 *         incomplete does not hide a complete, valid frame after it: that header was a cut-off frame (the device
	 *         dropped it after its ~100 ms of silence) or log text, and waiting on it would stall until the deadline.
	 */
	private ImprovFrame parse() {
		byte[] header = ImprovFrame.HEADER;
		int from = start;
		int incomplete = -1;
		while (true) {
			int at = indexOfHeader(from);
			if (at < 0) {
				// keep an incomplete frame, or else a tail that could be the start of a header
				start = incomplete >= 0 ? incomplete : Math.max(start, end - header.length + 1);
				return null;
			}
			int available = end - at;
			if (available < header.length + 3) {
				start = incomplete >= 0 ? incomplete : at;
				return null;
			}
			int version = buffer[at + header.length] & 0xff;
			int type = buffer[at + header.length + 1] & 0xff;
			int length = buffer[at + header.length + 2] & 0xff;
			int total = header.length + 3 + length + 1;
			from = at + 1;
			if (version != ImprovFrame.VERSION) {
				continue;
			}
			if (available < total) {
				if (incomplete < 0) {
					incomplete = at;
				}
				continue;
			}
			int checksum = buffer[at + total - 1] & 0xff;
			byte[] frameBytes = new byte[total - 1];
			System.arraycopy(buffer, at, frameBytes, 0, total - 1);
			int spec = ImprovFrame.sum(frameBytes, frameBytes.length);
			int variant = (spec - ImprovFrame.HEADER_SUM) & 0xff;
			if (checksum != spec && checksum != variant) {
				if (incomplete < 0) {
					corrupted++;
				}
				continue;
			}
			byte[] data = new byte[length];
			System.arraycopy(buffer, at + header.length + 3, data, 0, length);
			start = at + total;
			return new ImprovFrame(type, data);
		}
	}

	private int indexOfHeader(int from) {
		byte[] header = ImprovFrame.HEADER;
		outer: for (int i = from; i <= end - header.length; i++) {
			for (int j = 0; j < header.length; j++) {
				if (buffer[i + j] != header[j]) {
					continue outer;
				}
			}
			return i;
		}
		return -1;
	}
}
