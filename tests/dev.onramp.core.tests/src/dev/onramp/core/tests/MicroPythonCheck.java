/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.core.tests;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

import dev.onramp.core.repl.snippets.Sample;

/**
 * Runs samples through {@code releng/micropython-check/check-snippets.mjs}: the raw REPL of MicroPython 1.27
 * (WebAssembly) under Node. The runner and its npm package are located by the system properties the module's pom
 * sets; a missing Node or package fails with the command that installs it.
 */
public final class MicroPythonCheck {

	/** One sample's outcome, as the runner prints it. */
	public record Result(String group, String name, boolean passed, String outcome, String stdout, String traceback,
			String errorType, String reason, long stdinBytes, String stdinSha256) {

		public String describe() {
			return group + " / " + name + ": " + outcome + (reason == null ? "" : " (" + reason + ")") //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$
					+ (traceback == null || traceback.isEmpty() ? "" : "\n" + traceback.strip()); //$NON-NLS-1$ //$NON-NLS-2$
		}
	}

	private static final String INSTALL = "Run releng/scripts/install-prerequisites.sh (as root it installs Node.js " //$NON-NLS-1$
			+ "and npm with apt-get, then the pinned @micropython/micropython-webassembly-pyscript into " //$NON-NLS-1$
			+ ".tools/micropython-check), or by hand: sudo apt-get install -y nodejs npm && mkdir -p " //$NON-NLS-1$
			+ ".tools/micropython-check && cp releng/micropython-check/package.json .tools/micropython-check/ && " //$NON-NLS-1$
			+ "(cd .tools/micropython-check && npm install --no-package-lock --no-audit --no-fund)"; //$NON-NLS-1$
	private static final long WAIT_SECONDS = 180;

	private MicroPythonCheck() {
	}

	/**
	 * @param name      names the files the check leaves in the work folder (samples and results)
	 * @param timeoutMs how long one sample may run
	 * @return one result per sample, in order
	 */
	public static List<Result> run(String name, List<Sample> samples, long timeoutMs)
			throws IOException, InterruptedException {
		Path runner = Path.of(property("onramp.micropythonCheck"), "check-snippets.mjs"); //$NON-NLS-1$ //$NON-NLS-2$
		Path modules = Path.of(property("onramp.micropythonModules")); //$NON-NLS-1$
		Path work = Files.createDirectories(Path.of(property("onramp.work"))); //$NON-NLS-1$
		Path input = work.resolve(name + "-samples.json"); //$NON-NLS-1$
		Path output = work.resolve(name + "-results.jsonl"); //$NON-NLS-1$
		Path errors = work.resolve(name + "-stderr.txt"); //$NON-NLS-1$
		JsonArray array = new JsonArray();
		for (Sample sample : samples) {
			JsonObject object = new JsonObject();
			object.addProperty("group", sample.group()); //$NON-NLS-1$
			object.addProperty("name", sample.name()); //$NON-NLS-1$
			object.addProperty("code", sample.code()); //$NON-NLS-1$
			object.addProperty("expectedError", sample.expectedError().orElse(null)); //$NON-NLS-1$
			array.add(object);
		}
		Files.writeString(input, array.toString(), StandardCharsets.UTF_8);
		Process process;
		try {
			process = new ProcessBuilder(node(), runner.toString(), "--modules", modules.toString(), "--timeout-ms", //$NON-NLS-1$ //$NON-NLS-2$
					Long.toString(timeoutMs), input.toString()).redirectOutput(output.toFile())
					.redirectError(errors.toFile()).start();
		} catch (IOException e) {
			throw new AssertionError("Node.js could not be started (" + e.getMessage() + "). " + INSTALL, e); //$NON-NLS-1$ //$NON-NLS-2$
		}
		if (!process.waitFor(WAIT_SECONDS, TimeUnit.SECONDS)) {
			process.destroyForcibly();
			fail("check-snippets.mjs did not end within " + WAIT_SECONDS + " s; see " + errors); //$NON-NLS-1$ //$NON-NLS-2$
		}
		String stderr = Files.readString(errors, StandardCharsets.UTF_8);
		if (process.exitValue() > 1) {
			fail("check-snippets.mjs could not run (exit " + process.exitValue() + "):\n" + stderr + "\n" + INSTALL); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
		}
		List<Result> results = new ArrayList<>();
		Gson gson = new Gson();
		for (String line : Files.readAllLines(output, StandardCharsets.UTF_8)) {
			if (!line.isBlank()) {
				results.add(gson.fromJson(line, Result.class));
			}
		}
		if (results.size() != samples.size()) {
			fail("check-snippets.mjs answered " + results.size() + " results for " + samples.size() + " samples:\n" //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
					+ stderr);
		}
		return results;
	}

	private static String property(String key) {
		String value = System.getProperty(key);
		if (value == null) {
			fail("The system property " + key + " is not set; tests/dev.onramp.core.tests/pom.xml sets it for Maven."); //$NON-NLS-1$ //$NON-NLS-2$
		}
		return value;
	}

	/** @return the node executable on the PATH */
	private static String node() {
		for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) { //$NON-NLS-1$ //$NON-NLS-2$
			Path candidate = Path.of(dir, "node"); //$NON-NLS-1$
			if (Files.isExecutable(candidate)) {
				return candidate.toString();
			}
		}
		throw new AssertionError("Node.js (node) is not on the PATH. " + INSTALL); //$NON-NLS-1$
	}
}
