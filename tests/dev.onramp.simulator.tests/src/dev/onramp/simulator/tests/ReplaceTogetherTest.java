/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.simulator.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicLong;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.junit.jupiter.api.Test;

import dev.onramp.core.FailureReason;
import dev.onramp.core.OnrampException;
import dev.onramp.core.repl.IReplSession;
import dev.onramp.core.repl.PutResult;
import dev.onramp.core.repl.ReplacedFile;
import dev.onramp.serial.repl.internal.ReplService;
import dev.onramp.simulator.Fault;
import dev.onramp.simulator.SimulatedMicroPythonDevice;
import dev.onramp.simulator.SimulatorOptions;
import dev.onramp.simulator.tests.bench.MpremoteCopy;

/**
 * A certificate and its key replaced together on the simulated board (whose flash commits renames atomically and
 * writes only as far as they got): with the line dropped anywhere in the conversation, or the power lost at any
 * flash operation, the board holds the old pair or the new, verified one, never a mix and never a half-written file;
 * and the next run finishes.
 */
class ReplaceTogetherTest {

	private static final String CERT = "/certs/servercert.pem";
	private static final String KEY = "/certs/prvtkey.pem";
	private static final long SEED = 20261203L;
	private static final int DROPS = 100;

	/** PEM-shaped text of about the size of a certificate chain or a key, different for every seed. */
	static byte[] pem(String label, int bodyBytes, long seed) {
		byte[] body = Simulators.randomBytes(bodyBytes, seed);
		String base64 = java.util.Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
				.encodeToString(body);
		return ("-----BEGIN " + label + "-----\n" + base64 + "\n-----END " + label + "-----\n")
				.getBytes(StandardCharsets.US_ASCII);
	}

	private record Pair(byte[] cert, byte[] key) {
		List<ReplacedFile> files() {
			return List.of(new ReplacedFile(CERT, cert), new ReplacedFile(KEY, key));
		}
	}

	private static final Pair OLD = new Pair(pem("CERTIFICATE", 900, 1), pem("PRIVATE KEY", 138, 2));
	private static final Pair NEW = new Pair(pem("CERTIFICATE", 1000, 3), pem("PRIVATE KEY", 138, 4));

	private static SimulatorOptions board() {
		return SimulatorOptions.pyDirectDefaults();
	}

	private static void place(SimulatedMicroPythonDevice device, String path, byte[] content) throws IOException {
		Path file = device.flash().resolve(path.substring(1));
		Files.createDirectories(file.getParent());
		Files.write(file, content);
	}

	private static void placeOld(SimulatedMicroPythonDevice device) throws IOException {
		place(device, CERT, OLD.cert());
		place(device, KEY, OLD.key());
	}

	private static byte[] read(SimulatedMicroPythonDevice device, String path) throws IOException {
		Path file = device.flash().resolve(path.substring(1));
		return Files.exists(file) ? Files.readAllBytes(file) : null;
	}

	/** @return the names in the board's /certs, sorted */
	private static List<String> certsFolder(SimulatedMicroPythonDevice device) throws IOException {
		Path folder = device.flash().resolve("certs");
		TreeSet<String> names = new TreeSet<>();
		if (Files.isDirectory(folder)) {
			try (var list = Files.list(folder)) {
				list.forEach(p -> names.add(p.getFileName().toString()));
			}
		}
		return new ArrayList<>(names);
	}

	private enum Held {
		OLD, NEW, MISSING
	}

	/**
	 * @return what each target holds: exactly the old content, exactly the new, or nothing; fails for anything else
	 *         (a half-written or foreign file)
	 */
	private static Held held(SimulatedMicroPythonDevice device, String path, byte[] old, byte[] fresh, String when)
			throws IOException {
		byte[] content = read(device, path);
		if (content == null) {
			return Held.MISSING;
		}
		if (java.util.Arrays.equals(content, old)) {
			return Held.OLD;
		}
		if (java.util.Arrays.equals(content, fresh)) {
			return Held.NEW;
		}
		fail(when + ": " + path + " holds " + content.length + " bytes that are neither the old nor the new file");
		return null;
	}

	/** Old and new never together; with {@code complete}, both targets hold one generation. */
	private static Held checkPair(SimulatedMicroPythonDevice device, boolean complete, String when)
			throws IOException {
		Held cert = held(device, CERT, OLD.cert(), NEW.cert(), when);
		Held key = held(device, KEY, OLD.key(), NEW.key(), when);
		boolean mix = cert == Held.OLD && key == Held.NEW || cert == Held.NEW && key == Held.OLD;
		assertFalse(mix, when + ": the certificate is " + cert + " and the key " + key);
		if (complete) {
			assertEquals(cert, key, when + ": the certificate is " + cert + " and the key " + key);
			assertTrue(cert != Held.MISSING, when + ": no certificate");
		}
		return cert == Held.MISSING ? key : cert;
	}

	private static void assertNewAndClean(SimulatedMicroPythonDevice device, String when) throws IOException {
		assertArrayEquals(NEW.cert(), read(device, CERT), when);
		assertArrayEquals(NEW.key(), read(device, KEY), when);
		assertEquals(List.of("prvtkey.pem", "servercert.pem"), certsFolder(device), when + ": leftovers");
	}

	@Test
	void aFreshBoardGetsTheFolderAndBothFilesInThreeExchanges() throws Exception {
		try (SimulatedMicroPythonDevice device = SimulatedMicroPythonDevice.withTemporaryFlash(board());
				IReplSession session = Simulators.connect(device)) {
			int execs = device.rawPasteExecs();
			List<PutResult> results = session.files().replaceTogether(NEW.files());
			assertEquals(3, device.rawPasteExecs() - execs, "look, stage and check, swap");
			assertEquals(List.of(CERT, KEY), results.stream().map(PutResult::path).toList());
			assertEquals(Simulators.hex(java.security.MessageDigest.getInstance("SHA-256").digest(NEW.key())),
					results.get(1).sha256());
			assertEquals(PutResult.Verification.DEVICE_SHA256, results.get(0).verification());
			assertNewAndClean(device, "after the install");
		}
	}

	@Test
	void anOldPairIsReplacedAndNothingIsLeftBehind() throws Exception {
		try (SimulatedMicroPythonDevice device = SimulatedMicroPythonDevice.withTemporaryFlash(board());
				IReplSession session = Simulators.connect(device)) {
			placeOld(device);
			session.files().replaceTogether(NEW.files());
			assertNewAndClean(device, "after the replacement");
		}
	}

	/** @return the host-to-device bytes of replacing the old pair by {@code files} on a board with these options */
	private static long replaceCounting(SimulatorOptions options, List<ReplacedFile> files) throws Exception {
		try (SimulatedMicroPythonDevice device = SimulatedMicroPythonDevice.withTemporaryFlash(options)) {
			placeOld(device);
			AtomicLong sent = new AtomicLong();
			CountingChannel channel = new CountingChannel(device.connectPipe(), sent, new AtomicLong());
			try (IReplSession session = new ReplService().connect(() -> channel, Simulators.fastOptions(),
					new NullProgressMonitor())) {
				sent.set(0);
				session.files().replaceTogether(files);
				long bytes = sent.get();
				for (ReplacedFile file : files) {
					assertArrayEquals(file.content(), read(device, file.path()), file.path() + " on the flash");
				}
				assertEquals(List.of("prvtkey.pem", "servercert.pem"), certsFolder(device), "leftovers");
				return bytes;
			}
		}
	}

	/**
	 * Strict PEM goes as its DER and the board rebuilds the text: for a long chain fewer bytes cross the line than
	 * the files hold, which no literal of the text can do, and for a usual pair fewer than its literals take; firmware
	 * without the binary channel, and PEM in another layout (CRLF line ends), still get exactly their files, from
	 * literals.
	 */
	@Test
	void strictPemTravelsAsItsDerAndAnythingElseAsItIs() throws Exception {
		List<ReplacedFile> longChain = List.of(new ReplacedFile(CERT, pem("CERTIFICATE", 6000, 5)),
				new ReplacedFile(KEY, NEW.key()));
		int longPayload = longChain.get(0).content().length + NEW.key().length;
		long longDer = replaceCounting(board(), longChain);
		assertTrue(longDer < longPayload, longDer + " bytes sent for " + longPayload + " bytes of PEM");

		int payload = NEW.cert().length + NEW.key().length;
		long der = replaceCounting(board(), NEW.files());
		long literal = replaceCounting(board().withBinaryStdin(false), NEW.files());
		assertTrue(literal > payload, literal + " bytes sent for " + payload + " bytes of PEM without the binary channel");
		assertTrue(der < literal, der + " bytes sent as DER, " + literal + " as text");

		byte[] crlfCert = new String(NEW.cert(), StandardCharsets.US_ASCII).replace("\n", "\r\n")
				.getBytes(StandardCharsets.US_ASCII);
		long crlf = replaceCounting(board(),
				List.of(new ReplacedFile(CERT, crlfCert), new ReplacedFile(KEY, NEW.key())));
		assertTrue(crlf > crlfCert.length + NEW.key().length, crlf + " bytes sent for PEM with CRLF line ends");
	}

	@Test
	void withoutHashlibTheStagedFilesAreReadBack() throws Exception {
		try (SimulatedMicroPythonDevice device = SimulatedMicroPythonDevice
				.withTemporaryFlash(board().withHashlib(false)); IReplSession session = Simulators.connect(device)) {
			placeOld(device);
			List<PutResult> results = session.files().replaceTogether(NEW.files());
			assertEquals(PutResult.Verification.READ_BACK, results.get(1).verification());
			assertNewAndClean(device, "after the replacement");
		}
	}

	/** A folder two levels down that does not exist yet is made before anything is staged. */
	@Test
	void missingFoldersAreCreated() throws Exception {
		try (SimulatedMicroPythonDevice device = SimulatedMicroPythonDevice.withTemporaryFlash(board());
				IReplSession session = Simulators.connect(device)) {
			session.files().replaceTogether(List.of(new ReplacedFile("/a/b/cert.pem", NEW.cert()),
					new ReplacedFile("/keys/key.pem", NEW.key())));
			assertArrayEquals(NEW.cert(), read(device, "/a/b/cert.pem"));
			assertArrayEquals(NEW.key(), read(device, "/keys/key.pem"));
		}
	}

	/** Content beyond printable ASCII (control bytes of the raw REPL among them) arrives exactly. */
	@Test
	void binaryContentArrivesExactly() throws Exception {
		byte[] binary = Simulators.randomBytes(3000, 7);
		try (SimulatedMicroPythonDevice device = SimulatedMicroPythonDevice.withTemporaryFlash(board());
				IReplSession session = Simulators.connect(device)) {
			session.files().replaceTogether(List.of(new ReplacedFile("/blob.bin", binary)));
			assertArrayEquals(binary, read(device, "/blob.bin"));
		}
	}

	/**
	 * Each state a swap can be interrupted in (after each of its six steps) is finished or rolled back by the next
	 * run, which then installs its own pair.
	 */
	@Test
	void everyInterruptedSwapIsResolvedByTheNextRun() throws Exception {
		// the swap's steps: C->C.o, K->K.o, C.n->C, K.n->K, rm C.o, rm K.o
		for (int step = 1; step <= 5; step++) {
			try (SimulatedMicroPythonDevice device = SimulatedMicroPythonDevice.withTemporaryFlash(board())) {
				Pair interrupted = new Pair(pem("CERTIFICATE", 950, 10 + step), pem("PRIVATE KEY", 138, 20 + step));
				craftInterruptedSwap(device, interrupted, step);
				try (IReplSession session = Simulators.connect(device)) {
					session.files().replaceTogether(NEW.files());
				}
				assertNewAndClean(device, "after a swap interrupted after step " + step);
			}
		}
	}

	/** The flash as a swap from {@link #OLD} to {@code fresh} leaves it after {@code step} of its six steps. */
	private static void craftInterruptedSwap(SimulatedMicroPythonDevice device, Pair fresh, int step)
			throws IOException {
		place(device, CERT + (step >= 1 ? ".o" : ""), OLD.cert());
		place(device, KEY + (step >= 2 ? ".o" : ""), OLD.key());
		place(device, CERT + (step >= 3 ? "" : ".n"), fresh.cert());
		place(device, KEY + (step >= 4 ? "" : ".n"), fresh.key());
		if (step >= 5) {
			Files.delete(device.flash().resolve("certs/servercert.pem.o"));
		}
	}

	/** A swap interrupted before it removed a backup is rolled back first: a run that stops then leaves the old pair. */
	@Test
	void anInterruptedSwapIsRolledBackBeforeAnythingNewIsStaged() throws Exception {
		for (int step = 1; step <= 3; step++) {
			try (SimulatedMicroPythonDevice device = SimulatedMicroPythonDevice.withTemporaryFlash(board())) {
				Pair interrupted = new Pair(pem("CERTIFICATE", 950, 30 + step), pem("PRIVATE KEY", 138, 40 + step));
				craftInterruptedSwap(device, interrupted, step);
				long rollbackOperations = step == 3 ? 3 : step; // remove C; C.o -> C; K.o -> K
				try (IReplSession session = Simulators.connect(device)) {
					device.injectFault(Fault.cutPowerAfterFlashOperations(rollbackOperations));
					OnrampException cut = assertThrows(OnrampException.class,
							() -> session.files().replaceTogether(NEW.files()));
					assertEquals(FailureReason.DEVICE_VANISHED, cut.reason(), cut::getMessage);
				}
				assertArrayEquals(OLD.cert(), read(device, CERT), "rolled back after step " + step);
				assertArrayEquals(OLD.key(), read(device, KEY), "rolled back after step " + step);
			}
		}
	}

	/** @return the host-to-device bytes of a whole replacement of the old pair, measured on a clean run */
	private static long conversationBytes() throws Exception {
		return replaceCounting(board(), NEW.files());
	}

	/**
	 * The fault run: the line dropped at {@value #DROPS} random host-to-device byte offsets (fixed seed) of
	 * the whole replacement conversation; after each, a reconnect, the flash holds the old pair or the new one
	 * (byte-identical, and then verified), never a mix nor a half-written file; a second run then finishes.
	 */
	@Test
	void theLineDroppedAtAHundredRandomOffsetsLeavesTheOldPairOrTheNewOne() throws Exception {
		long total = conversationBytes();
		Random random = new Random(SEED);
		int oldAfterDrop = 0;
		int newAfterDrop = 0;
		try (SimulatedMicroPythonDevice device = SimulatedMicroPythonDevice.withTemporaryFlash(board())) {
			for (int i = 0; i < DROPS; i++) {
				long offset = random.nextLong(total + 1);
				String when = "line dropped after " + offset + " of " + total + " bytes";
				resetTo(device, OLD);
				try (IReplSession session = Simulators.connect(device)) {
					device.injectFault(Fault.dropLineAfter(offset));
					if (offset < total) {
						OnrampException dropped = assertThrows(OnrampException.class,
								() -> session.files().replaceTogether(NEW.files()), when);
						assertTrue(dropped.reason() == FailureReason.DEVICE_VANISHED
								|| dropped.reason() == FailureReason.TIMEOUT, when + ": " + dropped.reason());
					} else {
						dropAfterTheLastByte(session);
					}
				}
				try (IReplSession reconnected = Simulators.connect(device)) {
					Held held = checkPair(device, true, when);
					if (held == Held.NEW) {
						newAfterDrop++;
						assertEquals(Simulators.hex(java.security.MessageDigest.getInstance("SHA-256").digest(NEW.key())),
								reconnected.files().sha256(KEY).orElseThrow(), when + ": verified on the device");
					} else {
						oldAfterDrop++;
					}
					reconnected.files().replaceTogether(NEW.files());
				}
				assertNewAndClean(device, when + ", then a second run");
			}
		}
		assertEquals(DROPS, oldAfterDrop + newAfterDrop);
		assertTrue(oldAfterDrop > 0, "some drops came before the swap");
	}

	/** The device received everything: its answer may still arrive before the line goes, or the host sees it go. */
	private static void dropAfterTheLastByte(IReplSession session) {
		try {
			session.files().replaceTogether(NEW.files());
		} catch (OnrampException e) {
			assertTrue(e.reason() == FailureReason.DEVICE_VANISHED || e.reason() == FailureReason.TIMEOUT,
					e.reason().toString());
		}
	}

	/**
	 * The line dropped once the device received everything (the swap ran): the board holds the new pair, and a
	 * second run finds it and installs again cleanly.
	 */
	@Test
	void aDropAfterTheLastByteLeavesTheNewPair() throws Exception {
		long total = conversationBytes();
		try (SimulatedMicroPythonDevice device = SimulatedMicroPythonDevice.withTemporaryFlash(board())) {
			resetTo(device, OLD);
			try (IReplSession session = Simulators.connect(device)) {
				device.injectFault(Fault.dropLineAfter(total));
				dropAfterTheLastByte(session);
			}
			assertNewAndClean(device, "dropped after the last byte");
			try (IReplSession session = Simulators.connect(device)) {
				session.files().replaceTogether(NEW.files());
			}
			assertNewAndClean(device, "then a second run");
		}
	}

	private static void resetTo(SimulatedMicroPythonDevice device, Pair pair) throws IOException {
		Path folder = device.flash().resolve("certs");
		if (Files.isDirectory(folder)) {
			try (var list = Files.list(folder)) {
				for (Path p : list.toList()) {
					Files.delete(p);
				}
			}
		}
		place(device, CERT, pair.cert());
		place(device, KEY, pair.key());
	}

	/**
	 * The power lost at each flash operation of a replacement in turn (the write during which it goes leaves half its
	 * bytes): at no point do the targets hold old and new together or a partial file; the next run installs the new
	 * pair and leaves nothing behind.
	 */
	@Test
	void thePowerLostAtEveryFlashOperationNeverLeavesAMix() throws Exception {
		long operations;
		try (SimulatedMicroPythonDevice device = SimulatedMicroPythonDevice.withTemporaryFlash(board())) {
			placeOld(device);
			try (IReplSession session = Simulators.connect(device)) {
				long before = device.flashOperations();
				session.files().replaceTogether(NEW.files());
				operations = device.flashOperations() - before;
			}
		}
		assertTrue(operations >= 10, "opens, writes, renames and removes: " + operations);
		try (SimulatedMicroPythonDevice device = SimulatedMicroPythonDevice.withTemporaryFlash(board())) {
			for (long cut = 0; cut < operations; cut++) {
				String when = "power lost at flash operation " + (cut + 1) + " of " + operations;
				resetTo(device, OLD);
				try (IReplSession session = Simulators.connect(device)) {
					device.injectFault(Fault.cutPowerAfterFlashOperations(cut));
					OnrampException lost = assertThrows(OnrampException.class,
							() -> session.files().replaceTogether(NEW.files()), when);
					assertEquals(FailureReason.DEVICE_VANISHED, lost.reason(), when);
				}
				checkPair(device, false, when);
				try (IReplSession session = Simulators.connect(device)) {
					session.files().replaceTogether(NEW.files());
				}
				assertNewAndClean(device, when + ", then a second run");
			}
		}
	}

	/**
	 * The check above can fail: a naive installer that writes each target in place, in 256-byte pieces as mpremote
	 * does, leaves a mix or a partial file for some drop offsets.
	 */
	@Test
	void aNaiveInstallerFailsTheSameCheck() throws Exception {
		Random random = new Random(SEED);
		int caught = 0;
		try (SimulatedMicroPythonDevice device = SimulatedMicroPythonDevice.withTemporaryFlash(board())) {
			for (int i = 0; i < 10; i++) {
				resetTo(device, OLD);
				try (IReplSession session = Simulators.connect(device)) {
					device.injectFault(Fault.dropLineAfter(100 + random.nextInt(1400)));
					assertThrows(OnrampException.class, () -> {
						naiveWrite(session, CERT, NEW.cert());
						naiveWrite(session, KEY, NEW.key());
					});
				}
				try {
					checkPair(device, true, "naive");
				} catch (AssertionError expected) {
					caught++;
				}
			}
		}
		assertTrue(caught > 0, "the check never caught the naive installer");
	}

	private static void naiveWrite(IReplSession session, String path, byte[] content) throws OnrampException {
		MpremoteCopy.write(session, path, content);
	}
}
