/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.core.repl.snippets;

import java.util.List;
import java.util.Optional;

/** The snippets of {@link BoardSnippets} with example arguments, for the check against a real MicroPython. */
final class BoardSnippetSamples {

	private BoardSnippetSamples() {
	}

	/** @return every snippet of BoardSnippets with example arguments, in groups that run in order */
	static List<Sample> all() {
		String password = "it's a \\secret\"\n"; //$NON-NLS-1$
		return List.of( //
				Sample.clean("identify", "identity", BoardSnippets.IDENTITY), //$NON-NLS-1$ //$NON-NLS-2$
				Sample.clean("identify", "station MAC", BoardSnippets.STATION_MAC), //$NON-NLS-1$ //$NON-NLS-2$
				Sample.clean("identify", "pyDirect naming", BoardSnippets.PYDIRECT_NAMING), //$NON-NLS-1$ //$NON-NLS-2$
				Sample.clean("identify", "pyDirect HTTPS files", BoardSnippets.PYDIRECT_HTTPS_FILES), //$NON-NLS-1$ //$NON-NLS-2$
				Sample.clean("identify", "station state", BoardSnippets.STATION_STATE), //$NON-NLS-1$ //$NON-NLS-2$
				Sample.clean("wifi", "scan", BoardSnippets.SCAN), //$NON-NLS-1$ //$NON-NLS-2$
				Sample.clean("wifi", "connect", BoardSnippets.connect("Café \"Home\"", password)), //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
				Sample.clean("wifi", "poll status", BoardSnippets.POLL_STATUS), //$NON-NLS-1$ //$NON-NLS-2$
				Sample.clean("wifi", "station address", BoardSnippets.STATION_ADDRESS), //$NON-NLS-1$ //$NON-NLS-2$
				Sample.clean("wifi", "store pyDirect Wi-Fi", BoardSnippets.storePyDirectWifi("HomeNet", password, "pydirect-abcd")), //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$
				Sample.clean("wifi", "disconnect", BoardSnippets.DISCONNECT), //$NON-NLS-1$ //$NON-NLS-2$
				Sample.clean("bless", "setup mode", BoardSnippets.enterPyDirectSetupMode(Optional.empty())), //$NON-NLS-1$ //$NON-NLS-2$
				Sample.clean("bless", "setup mode, new name", BoardSnippets.enterPyDirectSetupMode(Optional.of("bench-7"))), //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
				Sample.clean("reset", "hard reset", BoardSnippets.HARD_RESET)); //$NON-NLS-1$ //$NON-NLS-2$
	}
}
