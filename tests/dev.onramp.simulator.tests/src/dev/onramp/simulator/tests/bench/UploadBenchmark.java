/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.simulator.tests.bench;

import java.io.PrintStream;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;

import org.eclipse.core.runtime.NullProgressMonitor;

import dev.onramp.core.OnrampException;
import dev.onramp.core.repl.FileTransferProgress;
import dev.onramp.core.repl.IReplSession;
import dev.onramp.core.repl.ReplOptions;
import dev.onramp.serial.repl.internal.ReplService;
import dev.onramp.simulator.SimulatedMicroPythonDevice;
import dev.onramp.simulator.SimulatorOptions;
import dev.onramp.simulator.tests.CountingChannel;

/**
 * Uploads 4 KB and 64 KB of random bytes to the simulated device throttled to 115200 baud 8N1 (11,520 bytes/s each
 * way) with Onramp's two methods (binary: raw bytes read by a receiver from {@code sys.stdin.buffer}, one ACK byte
 * per KB; base64: lines in raw-paste mode, used by firmware without {@code micropython.kbd_intr}; both SHA-256
 * verified on the device and renamed atomically) and with mpremote's method (one exec per 256-byte chunk of {@code repr(bytes)}, raw-paste as mpremote uses it, no
 * verification), and prints wire bytes (both directions, measured on the host's channel), payload/wire efficiency and
 * time (the median of five runs after one warm-up run). Connecting (interrupting main.py, entering the raw REPL) is
 * not counted. Run with {@code run-benchmark.sh}.
 */
public final class UploadBenchmark {

	private static final int BAUD = 115200;
	private static final double BYTES_PER_SECOND = BAUD / 10.0;
	private static final int RUNS = 5;

	private UploadBenchmark() {
	}

	private record Row(String method, int size, long sent, long received, double seconds, double coldSeconds) {
		long wire() {
			return sent + received;
		}
	}

	@FunctionalInterface
	private interface Upload {
		void run(IReplSession session, String path, byte[] data) throws OnrampException;
	}

	public static void main(String[] args) throws Exception {
		PrintStream out = System.out;
		int[] sizes = { 4096, 65536 };
		out.printf(Locale.ROOT, "Upload to the simulated pyDirect device at %d baud 8N1 (%.0f bytes/s each way)%n%n", BAUD,
				BYTES_PER_SECOND);
		out.printf(Locale.ROOT, "%-34s %7s %9s %9s %9s %7s %8s %9s %9s %9s%n", "method", "payload", "host->dev",
				"dev->host", "wire", "effic.", "time s", "x payload", "x h->d", "cold run");
		out.printf(Locale.ROOT, "%-34s %7s %9s %9s %9s %7s %8s %9s %9s %9s%n", "", "bytes", "bytes", "bytes", "bytes", "",
				"", "limit", "limit", "x payload");
		for (int size : sizes) {
			byte[] data = new byte[size];
			new Random(size).nextBytes(data);
			SimulatorOptions firmware = SimulatorOptions.pyDirectDefaults().withBaudRate(BAUD);
			print(out, measure("onramp: binary stdin, verified", firmware, data,
					(s, p, d) -> s.files().put(p, d, FileTransferProgress.NONE)));
			print(out, measure("onramp: base64 raw-paste, verified", firmware.withBinaryStdin(false), data,
					(s, p, d) -> s.files().put(p, d, FileTransferProgress.NONE)));
			print(out, measure("mpremote: 256 B repr(bytes)/exec", firmware, data, UploadBenchmark::mpremoteUpload));
		}
		out.println();
		out.println("effic. = payload / wire bytes (both directions); x payload limit = time / (payload / 11520 B/s);");
		out.println("x h->d limit = time / (host-to-device bytes / 11520 B/s), i.e. how close the transfer runs to the line rate;");
		out.println("time is the median of " + RUNS + " runs after a warm-up run; cold run = that first run (class loading, JIT) / payload limit.");
	}

	private static void print(PrintStream out, Row row) {
		double payloadLimit = row.size() / BYTES_PER_SECOND;
		double wireLimit = row.sent() / BYTES_PER_SECOND;
		out.printf(Locale.ROOT, "%-34s %7d %9d %9d %9d %7.3f %8.2f %9.2f %9.2f %9.2f%n", row.method(), row.size(),
				row.sent(), row.received(), row.wire(), row.size() / (double) row.wire(), row.seconds(),
				row.seconds() / payloadLimit, row.seconds() / wireLimit, row.coldSeconds() / payloadLimit);
	}

	/** One untimed warm-up run (class loading, JIT), then the run with the median time of {@link #RUNS}. */
	private static Row measure(String method, SimulatorOptions options, byte[] data, Upload upload) throws Exception {
		double cold = measureOnce(method, options, data, upload).seconds();
		Row[] rows = new Row[RUNS];
		for (int i = 0; i < RUNS; i++) {
			rows[i] = measureOnce(method, options, data, upload);
		}
		Arrays.sort(rows, (a, b) -> Double.compare(a.seconds(), b.seconds()));
		Row median = rows[RUNS / 2];
		return new Row(method, median.size(), median.sent(), median.received(), median.seconds(), cold);
	}

	private static Row measureOnce(String method, SimulatorOptions options, byte[] data, Upload upload) throws Exception {
		try (SimulatedMicroPythonDevice device = SimulatedMicroPythonDevice.withTemporaryFlash(options)) {
			AtomicLong sent = new AtomicLong();
			AtomicLong received = new AtomicLong();
			CountingChannel channel = new CountingChannel(device.connectPipe(), sent, received);
			ReplOptions replOptions = ReplOptions.defaults().withExecTimeout(Duration.ofSeconds(60));
			try (IReplSession session = new ReplService().connect(() -> channel, replOptions, new NullProgressMonitor())) {
				session.exec("import os,binascii"); // both methods need these imports
				sent.set(0);
				received.set(0);
				long start = System.nanoTime();
				upload.run(session, "/bench.bin", data);
				double seconds = (System.nanoTime() - start) / 1e9;
				Row row = new Row(method, data.length, sent.get(), received.get(), seconds, seconds);
				byte[] written = Files.readAllBytes(device.flash().resolve("bench.bin"));
				if (!Arrays.equals(written, data)) {
					throw new IllegalStateException(method + " did not write the data exactly");
				}
				return row;
			}
		}
	}

	/** mpremote's {@code fs_writefile}: open, one exec per 256-byte chunk of {@code repr(bytes)}, close. */
	private static void mpremoteUpload(IReplSession session, String path, byte[] data) throws OnrampException {
		session.execOrThrow("f=open('" + path + "','wb')\nw=f.write", "open");
		for (int offset = 0; offset < data.length; offset += 256) {
			byte[] chunk = Arrays.copyOfRange(data, offset, Math.min(data.length, offset + 256));
			session.execOrThrow("w(" + pythonBytesRepr(chunk) + ")", "write");
		}
		session.execOrThrow("f.close()", "close");
	}

	/** CPython's {@code repr(bytes)}, as mpremote sends it. */
	static String pythonBytesRepr(byte[] data) {
		boolean single = false;
		boolean dbl = false;
		for (byte b : data) {
			single |= b == '\'';
			dbl |= b == '"';
		}
		char quote = single && !dbl ? '"' : '\'';
		StringBuilder sb = new StringBuilder("b").append(quote);
		for (byte value : data) {
			int c = value & 0xff;
			if (c == quote || c == '\\') {
				sb.append('\\').append((char) c);
			} else if (c == '\t') {
				sb.append("\\t");
			} else if (c == '\n') {
				sb.append("\\n");
			} else if (c == '\r') {
				sb.append("\\r");
			} else if (c < 0x20 || c >= 0x7f) {
				sb.append(String.format("\\x%02x", Integer.valueOf(c)));
			} else {
				sb.append((char) c);
			}
		}
		return sb.append(quote).toString();
	}
}
