/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.simulator.internal;

/** A Python exception raised while the simulated device runs a snippet. */
public final class PyException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	private final String type;
	private final int line;

	public PyException(String type, String message) {
		this(type, message, 1);
	}

	public PyException(String type, String message, int line) {
		super(message);
		this.type = type;
		this.line = line;
	}

	public static PyException osError(int errno, String name) {
		return new PyException("OSError", "[Errno " + errno + "] " + name); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
	}

	public String type() {
		return type;
	}

	/** @return the traceback text MicroPython prints for this exception */
	public String traceback(int atLine) {
		String where = type.equals("SyntaxError") || type.equals("IndentationError") //$NON-NLS-1$ //$NON-NLS-2$
				? "  File \"<stdin>\", line " + line + "\r\n" //$NON-NLS-1$ //$NON-NLS-2$
				: "  File \"<stdin>\", line " + atLine + ", in <module>\r\n"; //$NON-NLS-1$ //$NON-NLS-2$
		String message = getMessage();
		return "Traceback (most recent call last):\r\n" + where + type //$NON-NLS-1$
				+ (message == null || message.isEmpty() ? "" : ": " + message) + "\r\n"; //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
	}
}
