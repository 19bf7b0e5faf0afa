/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.simulator.tests.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import org.eclipse.core.runtime.NullProgressMonitor;

import dev.onramp.core.OnrampException;
import dev.onramp.core.repl.FileTransferProgress;
import dev.onramp.core.repl.IDeviceFileSystem;
import dev.onramp.core.repl.IReplSession;
import dev.onramp.core.repl.ReplOptions;
import dev.onramp.core.repl.ReplacedFile;
import dev.onramp.serial.repl.internal.ReplService;
import dev.onramp.simulator.SimulatedMicroPythonDevice;
import dev.onramp.simulator.SimulatorOptions;
import dev.onramp.simulator.tests.CountingChannel;

/**
 * Upload figures on the simulated pyDirect board behind a serial line of 115200 baud 8N1 (11,520 bytes/s each way),
 * each beside its anchor, mpremote's method (see {@link MpremoteCopy}), measured in the same run:
 * <ol>
 * <li><b>The re-provision write</b>: a certificate chain and its key (real files from keytool, two profiles) written
 * to a board without {@code /certs} (so: mkdir, two files, and for Onramp the checks and renames) and to a board that
 * holds an old pair. Onramp today ({@link IDeviceFileSystem#replaceTogether}), Onramp before it (each file uploaded
 * to {@code .new} and verified, then a rename snippet and two device hashes), and mpremote's {@code mkdir} +
 * {@code cp}. Payload = the two files' bytes; the figure of merit is payload ÷ host-to-device wire bytes.</li>
 * <li><b>Upload time against size</b> (1 to 64 KB of random bytes, one file): Onramp's {@code put} (binary through
 * {@code sys.stdin.buffer}, and base64 in raw-paste for firmware without it; both verified and renamed atomically)
 * against mpremote's {@code cp}.</li>
 * </ol>
 * Wire bytes are counted on the host's channel; connecting (interrupting main.py, entering the raw REPL) is not
 * counted. Times are the median of {@value #RUNS} runs after one warm-up run of each method. Every run checks the
 * flash byte for byte afterwards. Prints a table, {@code FIGURE <key> <value> <unit> <description>} lines, and
 * writes a CSV ({@code --csv <file>}); {@code --install-only} measures only the re-provision write (about a minute). Run
 * with {@code run-benchmark.sh}.
 */
public final class UploadBenchmark {

	private static final int BAUD = 115200;
	private static final double BYTES_PER_SECOND = BAUD / 10.0;
	private static final int RUNS = 3;
	private static final String CERT = "/certs/servercert.pem"; //$NON-NLS-1$
	private static final String KEY = "/certs/prvtkey.pem"; //$NON-NLS-1$
	private static final int[] SIZES_KB = { 1, 2, 4, 8, 16, 32, 64 };

	private UploadBenchmark() {
	}

	private record Row(String kind, String method, String what, int payload, long sent, long received,
			double seconds) {
		double ratioHostToDevice() {
			return payload / (double) sent;
		}

		double ratioWire() {
			return payload / (double) (sent + received);
		}
	}

	@FunctionalInterface
	private interface Work {
		void run(IReplSession session) throws OnrampException;
	}

	@FunctionalInterface
	private interface Setup {
		void prepare(Path flash) throws IOException;
	}

	public static void main(String[] args) throws Exception {
		Path csv = null;
		boolean installOnly = false;
		for (int i = 0; i < args.length; i++) {
			if (args[i].equals("--csv") && i + 1 < args.length) { //$NON-NLS-1$
				csv = Path.of(args[i + 1]);
			} else if (args[i].equals("--install-only")) { //$NON-NLS-1$
				installOnly = true;
			}
		}
		PrintStream out = System.out;
		List<Row> rows = new ArrayList<>();
		Path scratch = Files.createTempDirectory("onramp-bench-certs"); //$NON-NLS-1$
		List<BenchCertificates.Pem> profiles;
		try {
			profiles = BenchCertificates.create(scratch);
		} finally {
			deleteTree(scratch);
		}
		out.printf(Locale.ROOT, "Uploads to the simulated pyDirect board at %d baud 8N1 (%.0f bytes/s each way)%n%n", //$NON-NLS-1$
				BAUD, BYTES_PER_SECOND);
		header(out);
		SimulatorOptions board = SimulatorOptions.pyDirectDefaults().withBaudRate(BAUD);
		for (BenchCertificates.Pem pem : profiles) {
			List<ReplacedFile> files = List.of(new ReplacedFile(CERT, pem.chain()), new ReplacedFile(KEY, pem.key()));
			Setup fresh = flash -> {
				// a board that never had certificates
			};
			Setup replace = flash -> {
				Files.createDirectories(flash.resolve("certs")); //$NON-NLS-1$
				Files.writeString(flash.resolve("certs/servercert.pem"), "old certificate\n"); //$NON-NLS-1$ //$NON-NLS-2$
				Files.writeString(flash.resolve("certs/prvtkey.pem"), "old key\n"); //$NON-NLS-1$ //$NON-NLS-2$
			};
			for (String scenario : List.of("fresh", "replace")) { //$NON-NLS-1$ //$NON-NLS-2$
				Setup setup = scenario.equals("fresh") ? fresh : replace; //$NON-NLS-1$
				String what = pem.profile() + "/" + scenario; //$NON-NLS-1$
				rows.add(print(out, measure("install", "onramp", what, board, setup, pem, //$NON-NLS-1$ //$NON-NLS-2$
						session -> session.files().replaceTogether(files))));
				rows.add(print(out, measure("install", "onramp-before", what, board, setup, pem, //$NON-NLS-1$ //$NON-NLS-2$
						session -> installBefore(session, pem))));
				rows.add(print(out, measure("install", "mpremote", what, board, setup, pem, session -> { //$NON-NLS-1$ //$NON-NLS-2$
					if (scenario.equals("fresh")) { //$NON-NLS-1$
						MpremoteCopy.mkdir(session, "/certs"); //$NON-NLS-1$
					}
					MpremoteCopy.write(session, CERT, pem.chain());
					MpremoteCopy.write(session, KEY, pem.key());
				})));
			}
		}
		out.println();
		for (int kb : installOnly ? new int[0] : SIZES_KB) {
			byte[] data = new byte[kb * 1024];
			new Random(kb).nextBytes(data);
			BenchCertificates.Pem blob = new BenchCertificates.Pem("bench.bin", data, new byte[0]); //$NON-NLS-1$
			String what = kb + "KB"; //$NON-NLS-1$
			rows.add(print(out, measure("upload", "onramp-binary", what, board, f -> { //$NON-NLS-1$ //$NON-NLS-2$
			}, blob, session -> session.files().put("/bench.bin", data, FileTransferProgress.NONE)))); //$NON-NLS-1$
			rows.add(print(out, measure("upload", "onramp-base64", what, board.withBinaryStdin(false), f -> { //$NON-NLS-1$ //$NON-NLS-2$
			}, blob, session -> session.files().put("/bench.bin", data, FileTransferProgress.NONE)))); //$NON-NLS-1$
			rows.add(print(out, measure("upload", "mpremote", what, board, f -> { //$NON-NLS-1$ //$NON-NLS-2$
			}, blob, session -> MpremoteCopy.write(session, "/bench.bin", data)))); //$NON-NLS-1$
		}
		out.println();
		out.println("h->d = payload / host-to-device bytes; wire = payload / bytes both ways; time = median of " + RUNS //$NON-NLS-1$
				+ " runs; x limit = time / (payload / 11520 B/s)."); //$NON-NLS-1$
		out.println();
		figures(out, rows);
		if (csv != null) {
			writeCsv(csv, rows);
			out.println("CSV written to " + csv.toAbsolutePath()); //$NON-NLS-1$
		}
	}

	/** What the re-provision wrote before {@code replaceTogether}: two verified uploads, a rename snippet, two hashes. */
	private static void installBefore(IReplSession session, BenchCertificates.Pem pem) throws OnrampException {
		IDeviceFileSystem files = session.files();
		files.mkdirs("/certs"); //$NON-NLS-1$
		files.mkdirs("/certs"); //$NON-NLS-1$
		files.put(CERT + ".new", pem.chain(), FileTransferProgress.NONE); //$NON-NLS-1$
		files.put(KEY + ".new", pem.key(), FileTransferProgress.NONE); //$NON-NLS-1$
		session.execOrThrow("import os\nos.rename('" + CERT + ".new', '" + CERT + "')\nos.rename('" + KEY + ".new', '" + KEY //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$ //$NON-NLS-5$
				+ "')\n", "swap"); //$NON-NLS-1$ //$NON-NLS-2$
		files.sha256(CERT);
		files.sha256(KEY);
	}

	private static void header(PrintStream out) {
		out.printf(Locale.ROOT, "%-8s %-14s %-28s %7s %9s %9s %6s %6s %8s %7s%n", "kind", "method", "what", "payload", //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$ //$NON-NLS-5$
				"host->dev", "dev->host", "h->d", "wire", "time s", "x limit"); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$ //$NON-NLS-5$ //$NON-NLS-6$
	}

	private static Row print(PrintStream out, Row row) {
		out.printf(Locale.ROOT, "%-8s %-14s %-28s %7d %9d %9d %6.3f %6.3f %8.2f %7.2f%n", row.kind(), row.method(), //$NON-NLS-1$
				row.what(), row.payload(), row.sent(), row.received(), row.ratioHostToDevice(), row.ratioWire(),
				row.seconds(), row.seconds() / (row.payload() / BYTES_PER_SECOND));
		return row;
	}

	private static void figures(PrintStream out, List<Row> rows) {
		for (Row row : rows) {
			String key = row.kind() + "." + row.what().replace('/', '.') + "." + row.method(); //$NON-NLS-1$ //$NON-NLS-2$
			String about = row.kind().equals("install") //$NON-NLS-1$
					? "re-provision write of " + row.what() + " (" + row.payload() + " B certificate chain + key) at 115200 baud" //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
					: "upload of " + row.what() + " of random bytes at 115200 baud"; //$NON-NLS-1$ //$NON-NLS-2$
			if (row.kind().equals("install")) { //$NON-NLS-1$
				out.printf(Locale.ROOT, "FIGURE %s.payload_per_host_to_device_byte %.3f ratio %s, %s: payload / host-to-device wire bytes%n", //$NON-NLS-1$
						key, Double.valueOf(row.ratioHostToDevice()), about, row.method());
			}
			out.printf(Locale.ROOT, "FIGURE %s.seconds %.3f s %s, %s: wall time, median of %d%n", key, //$NON-NLS-1$
					Double.valueOf(row.seconds()), about, row.method(), Integer.valueOf(RUNS));
		}
	}

	private static void writeCsv(Path csv, List<Row> rows) throws IOException {
		if (csv.getParent() != null) {
			Files.createDirectories(csv.getParent());
		}
		try (PrintWriter writer = new PrintWriter(Files.newBufferedWriter(csv, StandardCharsets.UTF_8))) {
			writer.println("kind,method,what,payload_bytes,host_to_device_bytes,device_to_host_bytes,payload_per_host_to_device_byte,payload_per_wire_byte,seconds"); //$NON-NLS-1$
			for (Row row : rows) {
				writer.printf(Locale.ROOT, "%s,%s,%s,%d,%d,%d,%.4f,%.4f,%.4f%n", row.kind(), row.method(), row.what(), //$NON-NLS-1$
						Integer.valueOf(row.payload()), Long.valueOf(row.sent()), Long.valueOf(row.received()),
						Double.valueOf(row.ratioHostToDevice()), Double.valueOf(row.ratioWire()),
						Double.valueOf(row.seconds()));
			}
		}
	}

	/** One untimed warm-up run (class loading, JIT), then the run with the median time of {@link #RUNS}. */
	private static Row measure(String kind, String method, String what, SimulatorOptions options, Setup setup,
			BenchCertificates.Pem pem, Work work) throws Exception {
		measureOnce(kind, method, what, options, setup, pem, work);
		Row[] rows = new Row[RUNS];
		for (int i = 0; i < RUNS; i++) {
			rows[i] = measureOnce(kind, method, what, options, setup, pem, work);
		}
		Arrays.sort(rows, Comparator.comparingDouble(Row::seconds));
		return rows[RUNS / 2];
	}

	private static Row measureOnce(String kind, String method, String what, SimulatorOptions options, Setup setup,
			BenchCertificates.Pem pem, Work work) throws Exception {
		try (SimulatedMicroPythonDevice device = SimulatedMicroPythonDevice.withTemporaryFlash(options)) {
			setup.prepare(device.flash());
			AtomicLong sent = new AtomicLong();
			AtomicLong received = new AtomicLong();
			CountingChannel channel = new CountingChannel(device.connectPipe(), sent, received);
			ReplOptions replOptions = ReplOptions.defaults().withExecTimeout(Duration.ofSeconds(60));
			try (IReplSession session = new ReplService().connect(() -> channel, replOptions, new NullProgressMonitor())) {
				sent.set(0);
				received.set(0);
				long start = System.nanoTime();
				work.run(session);
				double seconds = (System.nanoTime() - start) / 1e9;
				check(device.flash(), kind, pem);
				return new Row(kind, method, what, pem.payload(), sent.get(), received.get(), seconds);
			}
		}
	}

	private static void check(Path flash, String kind, BenchCertificates.Pem pem) throws IOException {
		boolean exact = kind.equals("install") //$NON-NLS-1$
				? Arrays.equals(Files.readAllBytes(flash.resolve("certs/servercert.pem")), pem.chain()) //$NON-NLS-1$
						&& Arrays.equals(Files.readAllBytes(flash.resolve("certs/prvtkey.pem")), pem.key()) //$NON-NLS-1$
				: Arrays.equals(Files.readAllBytes(flash.resolve("bench.bin")), pem.chain()); //$NON-NLS-1$
		if (!exact) {
			throw new IllegalStateException("the device's files differ from what was sent"); //$NON-NLS-1$
		}
	}

	private static void deleteTree(Path folder) throws IOException {
		try (Stream<Path> walk = Files.walk(folder)) {
			for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
				Files.delete(p);
			}
		}
	}
}
