/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.ide.tests;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs a command to its end within a deadline, with what it printed kept for the failure message. */
final class Processes {

	/** What a process printed and returned. */
	record Result(int exitCode, String output) {

		@Override
		public String toString() {
			return "exit " + exitCode + "\n--- output\n" + output;
		}
	}

	private Processes() {
	}

	/** @return the Java of this test run (21 or newer, as the build requires) */
	static String java() {
		return ProcessHandle.current().info().command().orElse("java");
	}

	/** @return the options that give a workbench its own secure storage with a fixed master password: nothing prompts */
	static List<String> secureStorage(Path work) throws IOException {
		Path password = work.resolve("secure-storage.password");
		if (!Files.exists(password)) {
			Files.createDirectories(work);
			Files.writeString(password, "ide-tests-only\n");
		}
		return List.of("-eclipse.keyring", work.resolve("secure_storage").toString(), "-eclipse.password",
				password.toString());
	}

	static Result run(List<String> command, Path directory, Map<String, String> environment, Duration timeout)
			throws IOException, InterruptedException {
		Path output = Files.createTempFile("onramp-ide", ".txt");
		try {
			ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile())
					.redirectErrorStream(true).redirectOutput(output.toFile())
					.redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
			builder.environment().putAll(environment);
			Process process = builder.start();
			if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
				process.descendants().forEach(ProcessHandle::destroyForcibly);
				process.destroyForcibly().waitFor();
				throw new AssertionError(String.join(" ", command) + " did not end within " + timeout.toSeconds()
						+ " s; it printed:\n" + Files.readString(output, StandardCharsets.UTF_8));
			}
			return new Result(process.exitValue(), Files.readString(output, StandardCharsets.UTF_8));
		} finally {
			Files.deleteIfExists(output);
		}
	}
}
