/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.bluez;

import org.freedesktop.dbus.exceptions.DBusExecutionException;

/**
 * BlueZ's D-Bus errors, for the stand-in to answer with: dbus-java names the error of an exception thrown by an
 * exported method after its class, so {@code org.bluez.Error$Failed} goes on the bus as {@code org.bluez.Error.Failed}.
 */
public final class Error {

	private Error() {
	}

	public static class Failed extends DBusExecutionException {
		private static final long serialVersionUID = 1L;

		public Failed(String message) {
			super(message);
		}
	}

	public static class NotConnected extends DBusExecutionException {
		private static final long serialVersionUID = 1L;

		public NotConnected(String message) {
			super(message);
		}
	}

	public static class NotReady extends DBusExecutionException {
		private static final long serialVersionUID = 1L;

		public NotReady(String message) {
			super(message);
		}
	}

	public static class AuthenticationFailed extends DBusExecutionException {
		private static final long serialVersionUID = 1L;

		public AuthenticationFailed(String message) {
			super(message);
		}
	}

	public static class DoesNotExist extends DBusExecutionException {
		private static final long serialVersionUID = 1L;

		public DoesNotExist(String message) {
			super(message);
		}
	}
}
