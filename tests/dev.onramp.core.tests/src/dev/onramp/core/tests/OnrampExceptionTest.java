/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.core.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;

import org.eclipse.core.runtime.IStatus;
import org.junit.jupiter.api.Test;

import dev.onramp.core.FailureReason;
import dev.onramp.core.OnrampException;

class OnrampExceptionTest {

	@Test
	void withoutAMessageTheReasonsSentenceIsUsed() {
		OnrampException failure = OnrampException.of(FailureReason.PORT_BUSY);
		assertEquals(FailureReason.PORT_BUSY.defaultMessage(), failure.getMessage());
		assertTrue(failure.hint().isEmpty());
		assertEquals(failure.getMessage(), failure.userText());
	}

	@Test
	void userTextAddsTheHintOnItsOwnLine() {
		OnrampException failure = new OnrampException(FailureReason.PERMISSION_DENIED,
				"Permission denied: /dev/ttyUSB0", "sudo usermod -aG dialout $USER");
		assertEquals("Permission denied: /dev/ttyUSB0" + System.lineSeparator() + "sudo usermod -aG dialout $USER",
				failure.userText());
	}

	@Test
	void statusCarriesTheExitCodeAndCause() {
		IOException cause = new IOException("reset by peer");
		IStatus status = new OnrampException(FailureReason.TIMEOUT, "no answer", null, cause).toStatus("test");
		assertEquals(IStatus.ERROR, status.getSeverity());
		assertEquals(7, status.getCode());
		assertSame(cause, status.getException());
		assertEquals(IStatus.CANCEL, OnrampException.of(FailureReason.CANCELLED).toStatus("test").getSeverity());
	}
}
