/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.serial.repl.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.onramp.core.FailureReason;
import dev.onramp.core.OnrampException;
import dev.onramp.core.repl.FileTransferProgress;
import dev.onramp.core.repl.MicroPythonError;
import dev.onramp.core.repl.PythonLiteral;
import dev.onramp.fuzz.Decoding;
import dev.onramp.fuzz.ScriptedChannel;

/** The REPL inputs the fuzzer found breaking a decoder, each now a typed failure (or bounded work). */
class ReplFindingsTest {

	private static final String STAT_12_BYTES = "(32768, 0, 0, 0, 0, 0, 12, 0, 0, 0)"; //$NON-NLS-1$

	/** Each exec answered in plain raw-REPL framing: OK, stdout, 0x04, no traceback, 0x04, prompt. */
	private static ReplSession session(String... stdouts) throws ReflectiveOperationException {
		List<byte[]> answers = new ArrayList<>();
		for (String stdout : stdouts) {
			answers.add(("OK" + stdout + "\u0004\u0004>").getBytes(StandardCharsets.ISO_8859_1)); //$NON-NLS-1$ //$NON-NLS-2$
		}
		return ReplFuzzTest.inRawRepl(ScriptedChannel.segments(answers, 64), false);
	}

	private static OnrampException protocolError(org.junit.jupiter.api.function.Executable call) {
		OnrampException e = assertThrows(OnrampException.class, call);
		assertEquals(FailureReason.PROTOCOL_ERROR, e.reason(), e.getMessage());
		return e;
	}

	@Test
	void fileContentThatIsNotBase64IsAProtocolError() throws Exception {
		// was: IllegalArgumentException "Illegal base64 character 3f" escaped from IDeviceFileSystem.get
		ReplSession session = session("", STAT_12_BYTES, "", "aGVsbG8?d29ybGQh", ""); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$
		protocolError(() -> session.files().get("/cert.pem", FileTransferProgress.NONE)); //$NON-NLS-1$
	}

	@Test
	void aClaimedHugeFileSizeAllocatesNothingForIt() throws Exception {
		// was: get() reserved a buffer of the size os.stat claimed (here 2^31 - 1 bytes: OutOfMemoryError), and a
		// negative size made ByteArrayOutputStream throw IllegalArgumentException
		for (String size : new String[] { "2147483647", "-5", "9223372036854775807" }) { //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
			ReplSession session = session("", "(32768, 0, 0, 0, 0, 0, " + size + ", 0, 0, 0)", "", "aGVsbG8gd29ybGQh", ""); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$ //$NON-NLS-5$
			Decoding.check("repl.session", 100, () -> session.files().get("/cert.pem", FileTransferProgress.NONE)); //$NON-NLS-1$ //$NON-NLS-2$
			ReplSession again = session("", "(32768, 0, 0, 0, 0, 0, " + size + ", 0, 0, 0)"); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
			protocolError(() -> again.files().stat("/cert.pem")); //$NON-NLS-1$
		}
	}

	@Test
	void aListingOfUnexpectedValuesIsAProtocolError() throws Exception {
		// was: ClassCastException (bytes name, str mode), IndexOutOfBoundsException (one field) and
		// IllegalArgumentException (not a literal) escaped from IDeviceFileSystem.list
		for (String listing : new String[] { "[(b'cert.pem', 32768, 0, 12)]", "[('cert.pem', '32768', 0, 12)]", //$NON-NLS-1$ //$NON-NLS-2$
				"[('cert.pem',)]", "[None]", "[('cert.pem', 32768, 0, 12)", "[('a', 32768, 0, -12)]" }) { //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$
			ReplSession session = session("", listing); //$NON-NLS-1$
			protocolError(() -> session.files().list("/")); //$NON-NLS-1$
		}
	}

	@Test
	void anErrnoBeyondIntIsNoErrno() {
		// was: NumberFormatException from Integer.parseInt (found by ./benchmark's fuzz run at 5,000 tries)
		MicroPythonError error = MicroPythonError.parse("OSError: [Errno 9999999999999999999917] EIO"); //$NON-NLS-1$
		assertEquals("OSError", error.type()); //$NON-NLS-1$
		assertTrue(error.errno().isEmpty(), error::toString);
		assertEquals("EIO", error.errnoName()); //$NON-NLS-1$
		assertTrue(MicroPythonError.parse("OSError: [Errno 2] ENOENT").isOSError(2)); //$NON-NLS-1$
	}

	@Test
	void deepNestingIsNotALiteral() {
		// was: StackOverflowError from PythonLiteral's recursion on "[[[[..." (100,000 brackets)
		assertThrows(IllegalArgumentException.class, () -> PythonLiteral.parse("[".repeat(100_000))); //$NON-NLS-1$
		assertThrows(IllegalArgumentException.class, () -> PythonLiteral.parse("(".repeat(33) + ")".repeat(33))); //$NON-NLS-1$ //$NON-NLS-2$
		assertEquals(List.of(List.of(List.of())), PythonLiteral.parse("[([])]")); //$NON-NLS-1$
	}

	@Test
	void escapesAndNumbersAreCheckedAsPythonDoes() {
		// was: "b'\x-1'" read as byte 0xff (Integer.parseInt accepts a sign); "-" and 20 digits threw
		// NumberFormatException, which says "For input string" instead of where the literal broke
		IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PythonLiteral.parse("b'\\x-1'")); //$NON-NLS-1$
		assertTrue(e.getMessage().startsWith("Not a Python literal"), e.getMessage()); //$NON-NLS-1$
		assertTrue(assertThrows(IllegalArgumentException.class, () -> PythonLiteral.parse("-")).getMessage() //$NON-NLS-1$
				.startsWith("Not a Python literal")); //$NON-NLS-1$
		assertTrue(assertThrows(IllegalArgumentException.class, () -> PythonLiteral.parse("99999999999999999999")) //$NON-NLS-1$
				.getMessage().startsWith("Not a Python literal")); //$NON-NLS-1$
		assertArrayEquals(new byte[] { (byte) 0xff }, (byte[]) PythonLiteral.parse("b'\\xff'")); //$NON-NLS-1$
	}

	@Test
	void aLongAnswerReadByteByByteCostsNoCopyPerByte() throws Exception {
		// was: ReplReader copied its whole pending buffer for every byte read (and every chunk appended): 98 KB of
		// output read in 1-byte reads allocated about 485 MB
		byte[] answer = ("OK" + "x".repeat(100_000) + "\u0004\u0004>").getBytes(StandardCharsets.ISO_8859_1); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
		ReplSession session = ReplFuzzTest.inRawRepl(new ScriptedChannel(answer, 1), false);
		Decoding.Outcome outcome = Decoding.check("repl.session", answer.length, () -> session.exec("print('x' * 100000)")); //$NON-NLS-1$ //$NON-NLS-2$
		assertTrue(outcome.allocatedBytes() < 64L * answer.length, outcome.allocatedBytes() + " bytes allocated"); //$NON-NLS-1$
	}
}
