/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.core.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.onramp.core.DataDirectory;

/**
 * Where each platform keeps Onramp's data, by the os.name each JVM reports (the values below are what Temurin
 * reports on those systems), without being on that system.
 */
class DataDirectoryTest {

	private static final Path HOME = Path.of("/home/ada"); //$NON-NLS-1$

	private static Path resolve(String osName, Map<String, String> environment) {
		return DataDirectory.resolve(name -> null, environment, osName, HOME);
	}

	@Test
	void linuxFollowsXdgDataHome() {
		assertEquals(Path.of("/data/ada", "onramp"), resolve("Linux", Map.of("XDG_DATA_HOME", "/data/ada")));
		assertEquals(Path.of("/home/ada/.local/share/onramp"), resolve("Linux", Map.of()));
		assertEquals(Path.of("/home/ada/.local/share/onramp"), resolve("Linux", Map.of("XDG_DATA_HOME", " ")),
				"a blank XDG_DATA_HOME counts as unset");
	}

	@ParameterizedTest
	@ValueSource(strings = { "Mac OS X", "Darwin" })
	void macOsUsesApplicationSupportEvenWithXdgVariables(String osName) {
		assertEquals(Path.of("/home/ada/Library/Application Support/Onramp"),
				resolve(osName, Map.of("XDG_DATA_HOME", "/data/ada")));
	}

	@ParameterizedTest
	@ValueSource(strings = { "Windows 11", "Windows 10", "Windows Server 2022" })
	void windowsUsesTheLocalNotTheRoamingAppData(String osName) {
		Map<String, String> environment = Map.of("LOCALAPPDATA", "C:\\Users\\ada\\AppData\\Local", "APPDATA",
				"C:\\Users\\ada\\AppData\\Roaming", "XDG_DATA_HOME", "/data/ada");
		assertEquals(Path.of("C:\\Users\\ada\\AppData\\Local", "Onramp"), resolve(osName, environment));
	}

	@Test
	void windowsWithoutLocalAppDataUsesTheProfilesLocalFolder() {
		assertEquals(HOME.resolve("AppData").resolve("Local").resolve("Onramp"),
				resolve("Windows 11", Map.of("APPDATA", "C:\\Users\\ada\\AppData\\Roaming")));
	}

	@Test
	void otherUnixSystemsFollowXdgLikeLinux() {
		assertEquals(Path.of("/home/ada/.local/share/onramp"), resolve("FreeBSD", Map.of()));
	}

	@Test
	void theOptionAndTheVariableWinOverThePlatformsFolder() {
		Map<String, String> environment = Map.of(DataDirectory.ENVIRONMENT_VARIABLE, "/srv/station",
				"LOCALAPPDATA", "C:\\Users\\ada\\AppData\\Local");
		assertEquals(Path.of("/srv/station"), DataDirectory.resolve(name -> null, environment, "Windows 11", HOME));
		assertEquals(Path.of("/tmp/given"), DataDirectory.resolve(
				name -> DataDirectory.PROPERTY.equals(name) ? "/tmp/given" : null, environment, "Mac OS X", HOME));
		assertEquals(Path.of("/srv/station"), DataDirectory.resolve(name -> " ", environment, "Linux", HOME),
				"a blank option counts as not given");
	}

	/** The running JVM's os.name and user.home decide, as they do in the command and the workbench. */
	@Test
	void currentFollowsTheJvmsOsName(@TempDir Path home) {
		assumeTrue(System.getenv(DataDirectory.ENVIRONMENT_VARIABLE) == null
				&& System.getProperty(DataDirectory.PROPERTY) == null, "no data directory configured for this run");
		String osName = System.getProperty("os.name"); //$NON-NLS-1$
		String userHome = System.getProperty("user.home"); //$NON-NLS-1$
		try {
			System.setProperty("os.name", "Mac OS X"); //$NON-NLS-1$ //$NON-NLS-2$
			System.setProperty("user.home", home.toString()); //$NON-NLS-1$
			assertEquals(home.resolve("Library/Application Support/Onramp"), DataDirectory.current());
		} finally {
			System.setProperty("os.name", osName); //$NON-NLS-1$
			System.setProperty("user.home", userHome); //$NON-NLS-1$
		}
	}
}
