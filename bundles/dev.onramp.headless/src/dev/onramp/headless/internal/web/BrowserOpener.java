/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.headless.internal.web;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Opens an address in the desktop's default browser through the operating system's own opener ({@code xdg-open},
 * {@code open}, {@code rundll32 url.dll,FileProtocolHandler}): {@code java.awt.Desktop} is not there in a headless
 * runtime. The system property {@value #COMMAND_PROPERTY} names another opener (tests record the call with it).
 */
public final class BrowserOpener {

	/** A program to run with the address as its only argument instead of the system's opener. */
	public static final String COMMAND_PROPERTY = "onramp.browser.command"; //$NON-NLS-1$

	private final List<String> command;

	BrowserOpener(List<String> command) {
		this.command = List.copyOf(command);
	}

	/** @return the opener of this system, or the one {@value #COMMAND_PROPERTY} names */
	public static BrowserOpener forSystem() {
		String configured = System.getProperty(COMMAND_PROPERTY);
		if (configured != null && !configured.isBlank()) {
			return new BrowserOpener(List.of(configured));
		}
		String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT); //$NON-NLS-1$ //$NON-NLS-2$
		if (os.startsWith("windows")) { //$NON-NLS-1$
			return new BrowserOpener(List.of("rundll32", "url.dll,FileProtocolHandler")); //$NON-NLS-1$ //$NON-NLS-2$
		}
		if (os.startsWith("mac")) { //$NON-NLS-1$
			return new BrowserOpener(List.of("open")); //$NON-NLS-1$
		}
		return new BrowserOpener(List.of("xdg-open")); //$NON-NLS-1$
	}

	/**
	 * Starts the opener and returns at once: some openers stay until the browser they started ends. What the opener
	 * or the browser prints is discarded, so that it never mixes into the command's result on stdout.
	 *
	 * @param failures where to say that the opener failed, once it has
	 * @return whether the opener started
	 */
	public boolean open(URI address, PrintStream failures) {
		List<String> line = new ArrayList<>(command);
		line.add(address.toString());
		try {
			Process process = new ProcessBuilder(line).redirectInput(ProcessBuilder.Redirect.PIPE)
					.redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD)
					.start();
			process.getOutputStream().close();
			process.onExit().thenAccept(ended -> {
				if (ended.exitValue() != 0) {
					failures.println(Messages.Page_openerFailed);
				}
			});
			return true;
		} catch (IOException | RuntimeException e) {
			return false;
		}
	}
}
