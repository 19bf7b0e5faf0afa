/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.certs.internal;

import java.lang.System.Logger.Level;

import org.eclipse.core.runtime.ILog;
import org.osgi.framework.FrameworkUtil;

/**
 * Logs to the Eclipse log through {@link ILog#of(Class)} when running in OSGi, and to the JDK's platform logger
 * when the classes run on a plain class path (unit tests, the benchmark), where {@link ILog} has no bundle to log
 * for. Callers pass only text that contains no secret.
 */
final class CertsLog {

	private CertsLog() {
	}

	static void info(Class<?> owner, String message) {
		if (inOsgi(owner)) {
			ILog.of(owner).info(message);
		} else {
			System.getLogger(owner.getName()).log(Level.INFO, message);
		}
	}

	static void warn(Class<?> owner, String message, Throwable cause) {
		if (inOsgi(owner)) {
			ILog.of(owner).warn(message, cause);
		} else {
			System.getLogger(owner.getName()).log(Level.WARNING, message, cause);
		}
	}

	private static boolean inOsgi(Class<?> owner) {
		return FrameworkUtil.getBundle(owner) != null;
	}
}
