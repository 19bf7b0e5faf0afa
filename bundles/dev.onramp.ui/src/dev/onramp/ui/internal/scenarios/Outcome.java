/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.ui.internal.scenarios;

/**
 * What a scenario ended with, in words for the result dialog.
 *
 * @param success whether the scenario did what it was asked
 * @param title   the dialog's title
 * @param message what happened (and, after a failure, what to do)
 * @param url     a page the dialog offers to open (the device's new HTTPS address), or null
 */
public record Outcome(boolean success, String title, String message, String url) {

	public static Outcome success(String title, String message) {
		return new Outcome(true, title, message, null);
	}

	public static Outcome failure(String title, String message) {
		return new Outcome(false, title, message, null);
	}
}
