/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.site.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The products of every platform carry the script that starts them at their root, and the Linux/macOS script starts
 * the command the way a user's shell does: a Java 21+ of its own choosing, the master password of the secure storage
 * made once in the platform's folder (macOS's taken on this Linux machine through a uname that says Darwin).
 */
class LauncherScriptTest {

	private static final Duration RUN_TIMEOUT = Duration.ofSeconds(120);

	/** @return the folder with one product per os/ws/arch */
	private static Path products() {
		Path linux = Installation.builtProduct().root();
		return linux.getParent().getParent().getParent();
	}

	@ParameterizedTest(name = "{0}/{1}/{2}")
	@CsvSource({ "linux, gtk, x86_64, ., onramp", "linux, gtk, aarch64, ., onramp",
			"macosx, cocoa, x86_64, Onramp.app/Contents/Eclipse, onramp",
			"macosx, cocoa, aarch64, Onramp.app/Contents/Eclipse, onramp", "win32, win32, x86_64, ., onramp.cmd" })
	void everyProductHasItsScriptAtItsRoot(String os, String ws, String arch, String root, String script)
			throws IOException {
		Path installation = products().resolve(os).resolve(ws).resolve(arch).resolve(root).normalize();
		assertTrue(Files.isDirectory(installation), "the build materialized " + installation);
		Path launcher = installation.resolve(script);
		assertTrue(Files.isRegularFile(launcher), script + " in " + installation);
		assertTrue(Files.isRegularFile(installation.resolve("logging.properties")));
		assertTrue(hasPlugin(installation, "org.eclipse.equinox.launcher_"), "the launcher jar the script runs");
		assertTrue(hasPlugin(installation, "com.fazecast.jSerialComm_"), "serial ports, with natives for all platforms");
		String text = Files.readString(launcher, StandardCharsets.US_ASCII);
		if ("win32".equals(os)) {
			assertFalse(Files.exists(installation.resolve("onramp")), "no POSIX script on Windows");
			assertEquals(text.split("\n", -1).length - 1, text.split("\r\n", -1).length - 1,
					"every line of onramp.cmd ends in CRLF, as cmd.exe reads them");
			assertTrue(text.contains("-application dev.onramp.headless.app %*"));
			assertTrue(text.contains("%LOCALAPPDATA%\\Onramp"));
		} else {
			assertFalse(Files.exists(installation.resolve("onramp.cmd")), "no Windows script on " + os);
			assertTrue(text.startsWith("#!/bin/sh\n") && !text.contains("\r"), "a POSIX shell script with LF lines");
			assertTrue(Files.getPosixFilePermissions(launcher).contains(PosixFilePermission.OWNER_EXECUTE),
					"executable as unpacked");
		}
	}

	@Test
	void onLinuxTheScriptKeepsTheMasterPasswordInXdgConfigHomeMadeOnce(@TempDir Path home) throws Exception {
		Map<String, String> environment = environment(home);
		environment.put("XDG_CONFIG_HOME", home.resolve("config").toString());
		environment.put("XDG_CACHE_HOME", home.resolve("cache").toString());
		Run first = run(environment, "--version");
		assertEquals(0, first.exitCode(), first.toString());
		assertTrue(first.stdout().startsWith("onramp 0.1.0."), first.toString());
		Path folder = home.resolve("config/onramp");
		Path password = folder.resolve("secure-storage.password");
		assertEquals(PosixFilePermissions.fromString("rwx------"), Files.getPosixFilePermissions(folder));
		assertEquals(PosixFilePermissions.fromString("rw-------"), Files.getPosixFilePermissions(password));
		byte[] made = Files.readAllBytes(password);
		assertTrue(made.length >= 32, "a random master password");
		assertEquals(1, archives(home.resolve("cache/onramp")).size(), "one start-up archive in the cache");

		Run second = run(environment, "--version");
		assertEquals(0, second.exitCode(), second.toString());
		assertFalse(second.stderr().contains("shared archive"), "the archive made by the first run fits: " + second);
		assertArrayEquals(made, Files.readAllBytes(password), "the master password is made once, then kept");
		assertFalse(Files.exists(home.resolve(".config/onramp")), "XDG_CONFIG_HOME was followed");
	}

	@Test
	void onMacOsTheScriptKeepsItsFilesInTheLibraryFolders(@TempDir Path home) throws Exception {
		Path bin = Files.createDirectories(home.resolve("fake-bin"));
		Path uname = bin.resolve("uname");
		Files.writeString(uname, "#!/bin/sh\necho Darwin\n");
		Files.setPosixFilePermissions(uname, PosixFilePermissions.fromString("rwx------"));
		Map<String, String> environment = environment(home);
		environment.put("PATH", bin + ":" + environment.get("PATH"));
		environment.put("XDG_CONFIG_HOME", home.resolve("config").toString());
		Run run = run(environment, "--version");
		assertEquals(0, run.exitCode(), run.toString());
		assertTrue(Files.isRegularFile(home.resolve("Library/Application Support/Onramp/secure-storage.password")));
		assertEquals(1, archives(home.resolve("Library/Caches/Onramp")).size(), "the start-up archive in the caches");
		assertFalse(Files.exists(home.resolve("config/onramp")), "XDG folders are not macOS's");
	}

	@Test
	void aJavaOlderThan21IsPassedOverWithoutBeingStarted(@TempDir Path home) throws Exception {
		Path old = Files.createDirectories(home.resolve("jdk-17/bin"));
		Path marker = home.resolve("old-java-started");
		Path java = old.resolve("java");
		Files.writeString(java, "#!/bin/sh\ntouch '" + marker + "'\nexit 1\n");
		Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwx------"));
		Files.writeString(home.resolve("jdk-17/release"), "JAVA_VERSION=\"17.0.9\"\n");
		Map<String, String> environment = environment(home);
		environment.put("ONRAMP_JAVA_HOME", home.resolve("jdk-17").toString());
		Run run = run(environment, "--version");
		assertEquals(0, run.exitCode(), run.toString());
		assertFalse(Files.exists(marker), "the Java 17 was never run");
	}

	private static boolean hasPlugin(Path installation, String prefix) throws IOException {
		try (Stream<Path> plugins = Files.list(installation.resolve("plugins"))) {
			return plugins.anyMatch(p -> p.getFileName().toString().startsWith(prefix));
		}
	}

	/** @return a user's environment with this JVM's Java as JAVA_HOME and a home of its own */
	private static Map<String, String> environment(Path home) {
		Map<String, String> environment = new HashMap<>();
		environment.put("HOME", home.toString());
		environment.put("PATH", "/usr/local/bin:/usr/bin:/bin");
		environment.put("JAVA_HOME", System.getProperty("java.home"));
		environment.put("LANG", "C.UTF-8");
		return environment;
	}

	private record Run(int exitCode, String stdout, String stderr) {
	}

	private static Run run(Map<String, String> environment, String... args) throws Exception {
		Path script = Installation.builtProduct().root().resolve("onramp");
		ProcessBuilder builder = new ProcessBuilder(Stream.concat(Stream.of(script.toString()), Stream.of(args)).toList());
		builder.environment().clear();
		builder.environment().putAll(environment);
		Path out = Files.createTempFile("onramp-script-out", ".txt");
		Path err = Files.createTempFile("onramp-script-err", ".txt");
		builder.redirectOutput(out.toFile()).redirectError(err.toFile());
		Process process = builder.start();
		process.getOutputStream().close();
		try {
			if (!process.waitFor(RUN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
				process.destroyForcibly().waitFor();
				throw new AssertionError("onramp " + List.of(args) + " did not finish in " + RUN_TIMEOUT.toSeconds()
						+ " s: " + Files.readString(err));
			}
			return new Run(process.exitValue(), Files.readString(out), Files.readString(err));
		} finally {
			Files.deleteIfExists(out);
			Files.deleteIfExists(err);
		}
	}

	/** @return the start-up archives in a cache folder: one per installation and JDK */
	private static java.util.List<Path> archives(Path cache) throws java.io.IOException {
		try (java.util.stream.Stream<Path> files = Files.list(cache)) {
			return files.filter(f -> f.getFileName().toString().matches("onramp-[0-9]+\\.jsa")).toList(); //$NON-NLS-1$
		}
	}
}
