/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.core.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import dev.onramp.core.repl.snippets.Sample;

/**
 * The board the snippet check runs on (releng/micropython-check: MicroPython 1.27 plus stubs of what only firmware
 * has) answers as an ESP32 with pyDirect does, so that a snippet passing there is a snippet that works on a board.
 */
class ReferenceBoardTest {

	private static final String G = "reference board"; //$NON-NLS-1$

	@Test
	void identifiesAsAnEsp32WithItsMac() throws Exception {
		List<MicroPythonCheck.Result> results = MicroPythonCheck.run("identity", List.of( //$NON-NLS-1$
				Sample.clean(G, "no names left by the set-up", //$NON-NLS-1$
						"print(sorted(k for k in globals() if not k.startswith('__')))"), //$NON-NLS-1$
				Sample.clean(G, "uname", //$NON-NLS-1$
						"import sys,os\n_u=os.uname()\nprint(sys.implementation.name, _u.sysname, _u.release)"), //$NON-NLS-1$
				Sample.clean(G, "mac", "import network,binascii\n" //$NON-NLS-1$ //$NON-NLS-2$
						+ "print(binascii.hexlify(network.WLAN(network.STA_IF).config('mac')).decode())")), //$NON-NLS-1$
				5000);

		assertEquals("[]\n", stdout(results, 0)); //$NON-NLS-1$
		assertEquals("micropython esp32 1.27.0\n", stdout(results, 1)); //$NON-NLS-1$
		assertEquals("246f28a1b2c3\n", stdout(results, 2)); //$NON-NLS-1$
	}

	@Test
	void joinsOnlyTheKnownNetworkWithItsPasswordAndSaysConnectingFirst() throws Exception {
		String station = "import network\nw=network.WLAN(network.STA_IF)\nw.active(True)\n"; //$NON-NLS-1$
		String poll = "print(w.status(), w.status(), w.isconnected(), w.ifconfig()[0])"; //$NON-NLS-1$
		List<MicroPythonCheck.Result> results = MicroPythonCheck.run("wifi", List.of( //$NON-NLS-1$
				Sample.clean(G, "scan", station + "print(w.scan()[0])"), //$NON-NLS-1$ //$NON-NLS-2$
				Sample.clean(G, "wrong password", "w.connect('HomeNet', 'wrong')\n" + poll), //$NON-NLS-1$ //$NON-NLS-2$
				Sample.clean(G, "unknown network", "w.connect('Elsewhere', 'x')\n" + poll), //$NON-NLS-1$ //$NON-NLS-2$
				Sample.clean(G, "right password", "w.connect('HomeNet', 'correct horse')\n" + poll), //$NON-NLS-1$ //$NON-NLS-2$
				new Sample(G, "scan needs an active interface", "w.active(False)\nw.scan()", Optional.of("OSError"))), //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
				5000);

		assertEquals("(b'HomeNet', b'\\x10 0@P`', 6, -48, 3, False)\n", stdout(results, 0)); //$NON-NLS-1$
		assertEquals("1001 202 False 0.0.0.0\n", stdout(results, 1)); //$NON-NLS-1$
		assertEquals("1001 201 False 0.0.0.0\n", stdout(results, 2)); //$NON-NLS-1$
		assertEquals("1001 1010 True 192.168.1.42\n", stdout(results, 3)); //$NON-NLS-1$
		assertTrue(results.get(4).passed(), results.get(4)::describe);
	}

	@Test
	void pyDirectSettingsAreSavedToTheUserFileAndSurviveAReset() throws Exception {
		List<MicroPythonCheck.Result> results = MicroPythonCheck.run("settings", List.of( //$NON-NLS-1$
				Sample.clean(G, "defaults", "from lib.sys import settings\n" //$NON-NLS-1$ //$NON-NLS-2$
						+ "print(settings.get('wifi.hostname_prefix'), settings.get('device.hostname', 'none'))"), //$NON-NLS-1$
				Sample.clean(G, "save", "settings.set('device.hostname', 'pydirect-b2c3')\nprint(settings.save())"), //$NON-NLS-1$ //$NON-NLS-2$
				Sample.clean(G, "reset", "import machine\nmachine.reset()"), //$NON-NLS-1$ //$NON-NLS-2$
				Sample.clean(G, "after the reset", "from lib.sys import settings\nprint(settings.get('device.hostname'))\n" //$NON-NLS-1$ //$NON-NLS-2$
						+ "print(open('/settings/user_settings.json').read())"), //$NON-NLS-1$
				new Sample(G, "there is no top-level settings module, only the /settings folder", //$NON-NLS-1$
						"import settings\nsettings.get('device.hostname')", Optional.of("AttributeError"))), //$NON-NLS-1$ //$NON-NLS-2$
				5000);

		assertEquals("pydirect none\n", stdout(results, 0)); //$NON-NLS-1$
		assertEquals("True\n", stdout(results, 1)); //$NON-NLS-1$
		assertEquals("reset", results.get(2).outcome(), results.get(2)::describe); //$NON-NLS-1$
		assertEquals("pydirect-b2c3\n{\"device\": {\"hostname\": \"pydirect-b2c3\"}}\n", stdout(results, 3)); //$NON-NLS-1$
		assertTrue(results.get(4).passed(), results.get(4)::describe);
	}

	private static String stdout(List<MicroPythonCheck.Result> results, int index) {
		MicroPythonCheck.Result result = results.get(index);
		assertTrue(result.passed(), result::describe);
		return result.stdout();
	}
}
