/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.core.repl.snippets;

import java.util.Objects;
import java.util.Optional;

/**
 * One snippet the product sends to a board, instantiated with example arguments, for the check against a real
 * MicroPython. Samples of one group run in order in one REPL session (globals persist, as on the board).
 *
 * @param group         samples that run in one session, in order
 * @param name          what the snippet does, for messages
 * @param code          the code exactly as the product sends it
 * @param expectedError the exception type the snippet must raise on the reference (for example {@code OSError} when
 *                      a file is missing), empty when it must run cleanly
 */
public record Sample(String group, String name, String code, Optional<String> expectedError) {

	public Sample {
		Objects.requireNonNull(group);
		Objects.requireNonNull(name);
		Objects.requireNonNull(code);
		Objects.requireNonNull(expectedError);
	}

	public static Sample clean(String group, String name, String code) {
		return new Sample(group, name, code, Optional.empty());
	}
}
