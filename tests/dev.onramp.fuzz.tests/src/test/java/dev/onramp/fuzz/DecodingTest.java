/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import dev.onramp.core.FailureReason;
import dev.onramp.core.OnrampException;

/** The fuzz contract check itself: each kind of breach fails, typed failures pass. */
class DecodingTest {

	@Test
	void typedFailuresPass() {
		Decoding.Outcome outcome = Decoding.check("test", 1, () -> { //$NON-NLS-1$
			throw new OnrampException(FailureReason.PROTOCOL_ERROR, "garbage"); //$NON-NLS-1$
		});
		assertTrue(outcome.failure() instanceof OnrampException);
		assertEquals("ok", Decoding.check("test", 1, () -> "ok").value()); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
		Decoding.check("test", 1, () -> { //$NON-NLS-1$
			throw new IOException("declared by this decoder"); //$NON-NLS-1$
		}, IOException.class);
	}

	@Test
	void untypedAndInternalFailuresFail() {
		assertThrows(AssertionError.class, () -> Decoding.check("test", 1, () -> { //$NON-NLS-1$
			throw new NullPointerException();
		}));
		assertThrows(AssertionError.class, () -> Decoding.check("test", 1, () -> { //$NON-NLS-1$
			throw new StackOverflowError();
		}));
		assertThrows(AssertionError.class, () -> Decoding.check("test", 1, () -> { //$NON-NLS-1$
			throw new OnrampException(FailureReason.INTERNAL, "a device made this look like a bug"); //$NON-NLS-1$
		}));
		assertThrows(AssertionError.class, () -> Decoding.check("test", 1, () -> { //$NON-NLS-1$
			throw new IOException("not declared"); //$NON-NLS-1$
		}));
	}

	@Test
	void allocatingWhatALengthClaimsFails() {
		AssertionError e = assertThrows(AssertionError.class, () -> Decoding.check("test", 10, () -> new byte[32 << 20])); //$NON-NLS-1$
		assertTrue(e.getMessage().contains("allocated"), e.getMessage()); //$NON-NLS-1$
	}

	@Test
	void aCallPastTheTimeLimitFails() {
		Duration limit = Duration.ofMillis(100);
		long end = System.nanoTime() + limit.plus(Duration.ofMillis(100)).toNanos();
		AssertionError e = assertThrows(AssertionError.class, () -> Decoding.check(limit, "test", 1, () -> { //$NON-NLS-1$
			while (System.nanoTime() - end < 0) {
				java.util.concurrent.locks.LockSupport.parkNanos(10_000_000L);
			}
			return null;
		}));
		assertTrue(e.getMessage().contains("took"), e.getMessage()); //$NON-NLS-1$
	}
}
