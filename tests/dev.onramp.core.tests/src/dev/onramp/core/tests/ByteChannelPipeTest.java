/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.core.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import dev.onramp.core.FailureReason;
import dev.onramp.core.OnrampException;
import dev.onramp.core.serial.ByteChannelPipe;
import dev.onramp.core.serial.IByteChannel;

class ByteChannelPipeTest {

	private final ByteChannelPipe pipe = new ByteChannelPipe("host", "device");

	@Test
	void bytesFlowBothWaysInOrder() throws OnrampException {
		pipe.a().write("hello".getBytes(StandardCharsets.US_ASCII));
		pipe.b().write(new byte[] { 1, 2, 3 });
		assertEquals("hello", new String(readExactly(pipe.b(), 5), StandardCharsets.US_ASCII));
		assertArrayEquals(new byte[] { 1, 2, 3 }, readExactly(pipe.a(), 3));
	}

	@Test
	void aReadWithNothingToReadReturnsZeroAtItsDeadline() throws OnrampException {
		long started = System.nanoTime();
		assertEquals(0, pipe.a().read(new byte[8], 0, 8, Duration.ofMillis(50)));
		assertTrue(System.nanoTime() - started >= TimeUnit.MILLISECONDS.toNanos(45), "it waited for the deadline");
	}

	@Test
	void aBlockedReaderWakesWhenDataArrives() throws Exception {
		CompletableFuture<Integer> reader = CompletableFuture.supplyAsync(() -> {
			try {
				return Integer.valueOf(pipe.b().read(new byte[4], 0, 4, Duration.ofSeconds(10)));
			} catch (OnrampException e) {
				throw new IllegalStateException(e);
			}
		});
		pipe.a().write(new byte[] { 42 });
		assertEquals(1, reader.get(10, TimeUnit.SECONDS).intValue());
	}

	@Test
	void largeTransfersArriveWhole() throws OnrampException {
		byte[] data = new byte[64 * 1024];
		for (int i = 0; i < data.length; i++) {
			data[i] = (byte) (i * 31);
		}
		for (int i = 0; i < data.length; i += 1000) {
			pipe.a().write(data, i, Math.min(1000, data.length - i));
		}
		assertArrayEquals(data, readExactly(pipe.b(), data.length));
	}

	@Test
	void closingOneEndLetsTheOtherDrainThenReportsTheLineVanished() throws OnrampException {
		pipe.b().write(new byte[] { 7 });
		pipe.b().close();
		assertFalse(pipe.b().isOpen());
		assertArrayEquals(new byte[] { 7 }, readExactly(pipe.a(), 1));
		OnrampException gone = assertThrows(OnrampException.class,
				() -> pipe.a().read(new byte[1], 0, 1, Duration.ofSeconds(5)));
		assertEquals(FailureReason.DEVICE_VANISHED, gone.reason());
		assertEquals(FailureReason.DEVICE_VANISHED,
				assertThrows(OnrampException.class, () -> pipe.a().write(new byte[] { 1 })).reason());
	}

	private static byte[] readExactly(IByteChannel channel, int length) throws OnrampException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		byte[] buffer = new byte[4096];
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
		while (out.size() < length && System.nanoTime() < deadline) {
			int n = channel.read(buffer, 0, Math.min(buffer.length, length - out.size()), Duration.ofMillis(200));
			out.write(buffer, 0, n);
		}
		return Arrays.copyOf(out.toByteArray(), out.size());
	}
}
