/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.serial.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

import dev.onramp.core.FailureReason;
import dev.onramp.core.OnrampException;
import dev.onramp.core.Remedy;
import dev.onramp.core.serial.IByteChannel;
import dev.onramp.core.serial.IModemLines;
import dev.onramp.core.serial.PortAccess;
import dev.onramp.core.serial.SerialPortInfo;

/** Real pseudo-terminals opened through jSerialComm. */
class SerialPortChannelTest {

	private static final Duration SECOND = Duration.ofSeconds(1);

	@TempDir
	Path directory;

	private SerialPortService service;
	private SocatPair pair;

	@BeforeEach
	void startCable() throws IOException {
		service = new SerialPortService(new PortScanner(directory.resolve("by-id"), List.of(directory), false),
				Duration.ofMillis(50));
		pair = SocatPair.start(directory, "A", "B");
	}

	@AfterEach
	void killProcesses() throws InterruptedException {
		SocatPair.killAll();
	}

	@Test
	void bytesTravelBothWaysThroughTheLinks() throws Exception {
		try (IByteChannel a = service.open(pair.a.toString(), 115200);
				IByteChannel b = service.open(pair.b.toString(), 115200)) {
			assertEquals(pair.a.toString(), a.name());
			a.write("ping\r\n".getBytes(StandardCharsets.US_ASCII));
			assertArrayEquals("ping\r\n".getBytes(StandardCharsets.US_ASCII), readExactly(b, 6));
			b.write(new byte[] { 0, (byte) 0xFF, 3, 4 });
			assertArrayEquals(new byte[] { 0, (byte) 0xFF, 3, 4 }, readExactly(a, 4));
		}
	}

	@Test
	void sixtyFourKilobytesOfBinaryArriveIntactInEachDirection() throws Exception {
		byte[] data = new byte[64 * 1024];
		new Random(42).nextBytes(data);
		try (IByteChannel a = service.open(pair.a.toString(), 115200);
				IByteChannel b = service.open(pair.b.toString(), 115200)) {
			for (IByteChannel[] ends : new IByteChannel[][] { { a, b }, { b, a } }) {
				CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
					try {
						ends[0].write(data);
					} catch (OnrampException e) {
						throw new IllegalStateException(e);
					}
				});
				assertArrayEquals(data, readExactly(ends[1], data.length));
				writer.get(10, TimeUnit.SECONDS);
			}
		}
	}

	@Test
	void aReadOnASilentLineReturnsNothingAtItsDeadline() throws Exception {
		try (IByteChannel a = service.open(pair.a.toString(), 115200)) {
			long start = System.nanoTime();
			assertEquals(0, a.read(new byte[16], 0, 16, Duration.ofMillis(300)));
			long elapsedMillis = (System.nanoTime() - start) / 1_000_000;
			assertTrue(elapsedMillis >= 290 && elapsedMillis < 700, "returned after " + elapsedMillis + " ms");
			assertEquals(0, a.read(new byte[16], 0, 16, Duration.ZERO));
		}
	}

	@Test
	void pullingTheCableMidReadEndsTheReadWithDeviceVanished() throws Exception {
		IByteChannel a = service.open(pair.a.toString(), 115200);
		CompletableFuture<OnrampException> reading = CompletableFuture.supplyAsync(() -> {
			try {
				a.read(new byte[16], 0, 16, Duration.ofSeconds(30));
				return null;
			} catch (OnrampException e) {
				return e;
			}
		});
		assertFalse(reading.isDone());
		pair.kill();
		OnrampException failure = reading.get(5, TimeUnit.SECONDS);
		assertEquals(FailureReason.DEVICE_VANISHED, failure.reason());
		assertTrue(failure.getMessage().contains(pair.a.toString()), failure.getMessage());
		assertFalse(a.isOpen());
		assertEquals(FailureReason.DEVICE_VANISHED,
				assertThrows(OnrampException.class, () -> a.write(new byte[] { 1 })).reason());
		assertEquals(FailureReason.DEVICE_VANISHED,
				assertThrows(OnrampException.class, () -> a.read(new byte[1], 0, 1, SECOND)).reason());
		a.close();
	}

	@Test
	void aWriteAfterTheCableWasPulledEndsWithDeviceVanishedInsteadOfSpinning() throws Exception {
		IByteChannel a = service.open(pair.a.toString(), 115200);
		pair.kill();
		pair.process().waitFor();
		// jSerialComm answers a write to the vanished pty with "0 bytes written" (errno EIO), again and again
		byte[] line = "import machine\r\n".getBytes(StandardCharsets.US_ASCII);
		OnrampException failure = assertTimeoutPreemptively(Duration.ofSeconds(5),
				() -> assertThrows(OnrampException.class, () -> a.write(line)), "the write fails, not retries forever");
		assertEquals(FailureReason.DEVICE_VANISHED, failure.reason());
		assertTrue(failure.getMessage().contains(pair.a.toString()), failure.getMessage());
		assertFalse(a.isOpen());
		a.close();
	}

	@Test
	void aClosedChannelFailsCleanlyAndFreesThePort() throws Exception {
		IByteChannel a = service.open(pair.a.toString(), 115200);
		a.close();
		assertFalse(a.isOpen());
		assertEquals(FailureReason.DEVICE_VANISHED,
				assertThrows(OnrampException.class, () -> a.read(new byte[1], 0, 1, SECOND)).reason());
		try (IByteChannel again = service.open(pair.a.toString(), 115200)) {
			assertTrue(again.isOpen());
		}
	}

	@Test
	void aMissingPortIsReportedAsNotFoundWithTheFix() {
		OnrampException failure = assertThrows(OnrampException.class,
				() -> service.open(directory.resolve("ttyUSB9").toString(), 115200));
		assertEquals(FailureReason.PORT_NOT_FOUND, failure.reason());
		assertTrue(failure.getMessage().contains("ttyUSB9"), failure.getMessage());
		// the hint is the same in the workbench and on the command line; each front end names its own way to the list
		assertEquals(Optional.of(Remedy.SERIAL_PORT), failure.remedy());
		assertFalse(failure.userText().contains("onramp"), failure.userText());
		assertTrue(failure.hint().orElseThrow().contains("data-capable USB cable"), failure.userText());
	}

	@Test
	void aSecondOpenInThisProcessIsBusy() throws Exception {
		try (IByteChannel a = service.open(pair.a.toString(), 115200)) {
			OnrampException failure = assertThrows(OnrampException.class, () -> service.open(pair.a.toString(), 9600));
			assertEquals(FailureReason.PORT_BUSY, failure.reason());
			assertTrue(failure.getMessage().contains("already open in this Onramp session"), failure.getMessage());
		}
	}

	@Test
	void aPortLockedByAnotherProcessIsBusyAndTheProcessIsNamed() throws Exception {
		Process holder = new ProcessBuilder("flock", "--no-fork", "--exclusive", pair.a.toString(), "sh", "-c",
				"echo locked; exec sleep 600").redirectErrorStream(true).start();
		SocatPair.register(holder);
		try (BufferedReader output = new BufferedReader(
				new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8))) {
			assertEquals("locked", assertTimeoutPreemptively(Duration.ofSeconds(10), output::readLine));
		}
		Path command = Path.of("/proc", Long.toString(holder.pid()), "comm");
		Await.until("the lock holder to become sleep", Duration.ofSeconds(10),
				() -> readQuietly(command).equals("sleep"));

		OnrampException failure = assertThrows(OnrampException.class, () -> service.open(pair.a.toString(), 115200));

		assertEquals(FailureReason.PORT_BUSY, failure.reason());
		assertTrue(failure.getMessage().contains("held by sleep (pid " + holder.pid() + ")"), failure.getMessage());
		assertTrue(failure.hint().orElseThrow().contains("kill " + holder.pid()), failure.userText());
	}

	@Test
	void aPortOpenInAnotherProcessWithoutALockIsBusyAndTheProcessIsNamed() throws Exception {
		// like a serial monitor that opens the port without flock: the shell's stdin is the port
		Process holder = new ProcessBuilder("sleep", "600").redirectInput(pair.a.toFile()).start();
		SocatPair.register(holder);
		Path command = Path.of("/proc", Long.toString(holder.pid()), "comm");
		Await.until("the holder to become sleep", Duration.ofSeconds(10), () -> readQuietly(command).equals("sleep"));

		OnrampException failure = assertThrows(OnrampException.class, () -> service.open(pair.a.toString(), 115200));

		assertEquals(FailureReason.PORT_BUSY, failure.reason());
		assertTrue(failure.getMessage().contains("held by sleep (pid " + holder.pid() + ")"), failure.getMessage());
		assertEquals(PortAccess.BUSY, accessListed(pair.a));
		holder.destroy();
		assertTrue(holder.waitFor(10, TimeUnit.SECONDS));
		try (IByteChannel channel = service.open(pair.a.toString(), 115200)) {
			assertTrue(channel.isOpen(), "the port opens once the other program is gone");
		}
	}

	@Test
	void theProgramOwningAPseudoTerminalPairIsNotACompetitor() {
		// socat holds both ends of the pair open; it is the line, not another user of it
		assertEquals(PortAccess.AVAILABLE, accessListed(pair.a));
	}

	private static PortAccess accessListed(Path port) {
		SerialPortInfo listed = new SerialPortInfo(port.toString(), "", "", Optional.empty(), PortAccess.AVAILABLE);
		return PortHolders.markBusy(List.of(listed)).get(0).access();
	}

	private static String readQuietly(Path file) {
		try {
			return Files.readString(file).strip();
		} catch (IOException e) {
			return "";
		}
	}

	@Test
	void aPseudoTerminalsMissingModemLinesAreASpecificFailureNotAHang() throws Exception {
		try (IByteChannel a = service.open(pair.a.toString(), 115200)) {
			IModemLines lines = a.modemLines().orElseThrow();
			for (Executable change : List.<Executable> of(() -> lines.setDtr(false), () -> lines.setRts(true),
					lines::resetIntoFirmware)) {
				OnrampException failure = assertTimeoutPreemptively(Duration.ofSeconds(5),
						() -> assertThrows(OnrampException.class, change));
				assertEquals(FailureReason.NOT_AVAILABLE, failure.reason());
				assertTrue(failure.getMessage().startsWith(
						"The port " + pair.a + " has no modem control lines (RTS/DTR): its driver refused to set "),
						failure.getMessage());
				assertTrue(failure.hint().orElseThrow().contains("RESET"), failure.hint().orElseThrow());
			}
			// the line itself still works
			try (IByteChannel b = service.open(pair.b.toString(), 115200)) {
				a.write(new byte[] { 42 });
				assertArrayEquals(new byte[] { 42 }, readExactly(b, 1));
			}
		}
	}

	@Test
	void modemLinesOfAClosedPortSayItIsClosed() throws Exception {
		IByteChannel a = service.open(pair.a.toString(), 115200);
		IModemLines lines = a.modemLines().orElseThrow();
		a.close();
		OnrampException failure = assertThrows(OnrampException.class, () -> lines.setRts(true));
		assertEquals(FailureReason.DEVICE_VANISHED, failure.reason());
		assertEquals("The port " + pair.a + " is closed.", failure.getMessage());
	}

	static byte[] readExactly(IByteChannel channel, int length) throws OnrampException {
		byte[] buffer = new byte[length];
		int filled = 0;
		long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
		while (filled < length) {
			long remaining = deadline - System.nanoTime();
			if (remaining <= 0) {
				throw new AssertionError("only " + filled + " of " + length + " bytes arrived");
			}
			filled += channel.read(buffer, filled, length - filled, Duration.ofNanos(remaining));
		}
		return buffer;
	}
}
