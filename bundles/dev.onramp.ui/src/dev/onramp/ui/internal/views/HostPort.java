/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.ui.internal.views;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.eclipse.osgi.util.NLS;

/**
 * A provisioning endpoint as the user types it, {@code HOST:PORT}: checked as text only (no name is looked up), so
 * the dialog can say what is wrong on every keystroke.
 */
public final class HostPort {

	/** Where an ESP-IDF device in SoftAP provisioning mode answers. */
	public static final String SOFTAP_DEFAULT = "192.168.4.1:80"; //$NON-NLS-1$

	private static final Pattern FORM = Pattern.compile("(\\[[0-9A-Fa-f:.]+\\]|[^:\\s\\[\\]]+):(\\d{1,5})"); //$NON-NLS-1$
	private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}"); //$NON-NLS-1$
	private static final Pattern LABEL = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?"); //$NON-NLS-1$

	private HostPort() {
	}

	/** @return what is wrong with the text, in a sentence for the dialog; empty when it is a valid endpoint */
	public static Optional<String> problem(String text) {
		String value = text == null ? "" : text.strip(); //$NON-NLS-1$
		if (value.isEmpty()) {
			return Optional.of(Messages.AddEndpoint_empty);
		}
		Matcher matcher = FORM.matcher(value);
		if (!matcher.matches()) {
			return Optional.of(NLS.bind(Messages.AddEndpoint_form, SOFTAP_DEFAULT));
		}
		String host = matcher.group(1);
		int port = Integer.parseInt(matcher.group(2));
		if (port < 1 || port > 65535) {
			return Optional.of(Messages.AddEndpoint_port);
		}
		if (!validHost(host)) {
			return Optional.of(NLS.bind(Messages.AddEndpoint_host, host));
		}
		return Optional.empty();
	}

	private static boolean validHost(String host) {
		if (host.startsWith("[")) { //$NON-NLS-1$
			return host.length() > 2;
		}
		if (IPV4.matcher(host).matches()) {
			for (String octet : host.split("\\.")) { //$NON-NLS-1$
				if (Integer.parseInt(octet) > 255) {
					return false;
				}
			}
			return true;
		}
		if (host.matches("[0-9.]+") || host.length() > 253) { //$NON-NLS-1$
			return false;
		}
		for (String label : host.split("\\.", -1)) { //$NON-NLS-1$
			if (!LABEL.matcher(label).matches()) {
				return false;
			}
		}
		return true;
	}
}
