/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.core.repl;

import java.util.Objects;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An exception raised on the device, parsed from the traceback the raw REPL sends. {@code OSError: [Errno 2] ENOENT}
 * becomes type {@code OSError}, errno 2, errno name {@code ENOENT}.
 *
 * @param type      the exception class, for example {@code OSError}, {@code ImportError}
 * @param message   the text after the colon, may be empty
 * @param errno     for {@code OSError}s that carry a number
 * @param errnoName for example {@code ENOENT}, empty when the firmware prints only the number
 * @param traceback the full text the device sent
 */
public record MicroPythonError(String type, String message, OptionalInt errno, String errnoName, String traceback) {

	public static final int ENOENT = 2;
	public static final int EEXIST = 17;

	private static final Pattern LAST_LINE = Pattern.compile("([A-Za-z_][\\w.]*)(?::\\s?(.*))?"); //$NON-NLS-1$
	private static final Pattern ERRNO = Pattern.compile("\\[Errno (\\d+)\\]\\s*(\\w*).*|(\\d+)"); //$NON-NLS-1$

	public MicroPythonError {
		Objects.requireNonNull(type);
		message = message == null ? "" : message; //$NON-NLS-1$
		Objects.requireNonNull(errno);
		errnoName = errnoName == null ? "" : errnoName; //$NON-NLS-1$
		traceback = traceback == null ? "" : traceback; //$NON-NLS-1$
	}

	/** @return the error described by a MicroPython traceback (its last non-empty line) */
	public static MicroPythonError parse(String traceback) {
		String[] lines = traceback.strip().split("\\r?\\n"); //$NON-NLS-1$
		String last = lines.length == 0 ? "" : lines[lines.length - 1].strip(); //$NON-NLS-1$
		Matcher m = LAST_LINE.matcher(last);
		if (!m.matches()) {
			return new MicroPythonError("Error", last, OptionalInt.empty(), "", traceback); //$NON-NLS-1$ //$NON-NLS-2$
		}
		String type = m.group(1);
		String message = m.group(2) == null ? "" : m.group(2).strip(); //$NON-NLS-1$
		OptionalInt errno = OptionalInt.empty();
		String name = ""; //$NON-NLS-1$
		if (type.equals("OSError")) { //$NON-NLS-1$
			Matcher e = ERRNO.matcher(message);
			if (e.matches()) {
				errno = errnoNumber(e.group(1) != null ? e.group(1) : e.group(3));
				name = e.group(2) == null ? "" : e.group(2); //$NON-NLS-1$
			}
		}
		return new MicroPythonError(type, message, errno, name, traceback);
	}

	/** @return the errno a traceback names; none when the digits are no int (no firmware prints such a number) */
	private static OptionalInt errnoNumber(String digits) {
		try {
			return OptionalInt.of(Integer.parseInt(digits));
		} catch (NumberFormatException e) {
			return OptionalInt.empty();
		}
	}

	public boolean isOSError(int number) {
		return type.equals("OSError") && errno.isPresent() && errno.getAsInt() == number; //$NON-NLS-1$
	}

	/** @return for example {@code OSError: [Errno 2] ENOENT} */
	public String summary() {
		return message.isEmpty() ? type : type + ": " + message; //$NON-NLS-1$
	}
}
