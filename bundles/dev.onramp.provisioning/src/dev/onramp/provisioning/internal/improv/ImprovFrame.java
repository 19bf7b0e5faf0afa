/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.provisioning.internal.improv;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * One Improv serial frame: {@code IMPROV} | version 1 | type | length | data | checksum, the checksum being the sum of
 * every preceding byte (header included) modulo 256. Onramp sends the spec's checksum. It also accepts the variant
 * that sums only version..data (pyDirect's {@code improv_serial.py}, which differs by 0xDD): a device that speaks
 * Improv in every other respect is more useful than a strict refusal, and the frame's length already guards
 * against noise.
 */
public record ImprovFrame(int type, byte[] data) {

	public static final byte[] HEADER = "IMPROV".getBytes(StandardCharsets.US_ASCII); //$NON-NLS-1$
	public static final int VERSION = 1;

	public static final int TYPE_CURRENT_STATE = 0x01;
	public static final int TYPE_ERROR_STATE = 0x02;
	public static final int TYPE_RPC = 0x03;
	public static final int TYPE_RPC_RESULT = 0x04;

	/** The checksum difference of the variant that leaves the header out of the sum. */
	static final int HEADER_SUM = sum(HEADER, HEADER.length);

	/** @return the frame's bytes, with the spec's checksum and the customary newline */
	public byte[] encode() {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		out.writeBytes(HEADER);
		out.write(VERSION);
		out.write(type);
		out.write(data.length);
		out.writeBytes(data);
		byte[] body = out.toByteArray();
		out.write(sum(body, body.length));
		out.write('\n');
		return out.toByteArray();
	}

	static int sum(byte[] bytes, int length) {
		int sum = 0;
		for (int i = 0; i < length; i++) {
			sum += bytes[i] & 0xff;
		}
		return sum & 0xff;
	}

	/** @return an RPC frame: data = [command, length, payload] */
	public static ImprovFrame rpc(int command, byte[] payload) {
		byte[] data = new byte[payload.length + 2];
		data[0] = (byte) command;
		data[1] = (byte) payload.length;
		System.arraycopy(payload, 0, data, 2, payload.length);
		return new ImprovFrame(TYPE_RPC, data);
	}

	/** @return length-prefixed strings, as RPC payloads and results carry them */
	public static byte[] strings(byte[]... values) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		for (byte[] value : values) {
			out.write(value.length);
			out.writeBytes(value);
		}
		return out.toByteArray();
	}

	/** For an RPC result [command, total, (len, string)*]: the strings. */
	public List<String> resultStrings() {
		List<String> strings = new ArrayList<>();
		int at = 2;
		int end = Math.min(data.length, 2 + (data.length > 1 ? data[1] & 0xff : 0));
		while (at < end) {
			int length = data[at++] & 0xff;
			int stop = Math.min(end, at + length);
			strings.add(new String(data, at, stop - at, StandardCharsets.UTF_8));
			at = stop;
		}
		return strings;
	}

	/** @return the command an RPC or RPC result is about */
	public int command() {
		return data.length == 0 ? -1 : data[0] & 0xff;
	}
}
