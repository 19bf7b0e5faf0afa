/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.headless.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.eclipse.core.runtime.IProgressMonitor;
import org.junit.jupiter.api.Test;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import dev.onramp.core.FailureReason;
import dev.onramp.core.OnrampException;
import dev.onramp.headless.internal.CommandEnvironment;
import dev.onramp.headless.internal.CommandLine;
import dev.onramp.headless.internal.CommandResult;
import dev.onramp.headless.internal.CommandRunner;
import dev.onramp.headless.internal.ICommand;

class CommandRunnerTest {

	/** The commands of shared/CLI.md; the contract may grow but never lose one. */
	private static final List<String> CONTRACT_COMMANDS = List.of("ports", "discover", "info", "provision",
			"change-wifi", "reprovision", "verify", "ca", "fleet", "demo");

	private final ByteArrayOutputStream out = new ByteArrayOutputStream();
	private final ByteArrayOutputStream err = new ByteArrayOutputStream();
	private final CommandRunner runner = new CommandRunner();

	private int run(String... args) {
		return runner.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
				new PrintStream(err, true, StandardCharsets.UTF_8), Map.of());
	}

	private String stdout() {
		return out.toString(StandardCharsets.UTF_8);
	}

	private JsonObject json() {
		return JsonParser.parseString(stdout()).getAsJsonObject();
	}

	private static ICommand command(Behaviour behaviour) {
		return new ICommand() {
			@Override
			public CommandResult run(CommandLine commandLine, CommandEnvironment environment,
					IProgressMonitor monitor) throws OnrampException {
				monitor.beginTask("Working", 2);
				monitor.subTask("step one");
				monitor.worked(2);
				return behaviour.run(commandLine);
			}
		};
	}

	private interface Behaviour {
		CommandResult run(CommandLine commandLine) throws OnrampException;
	}

	@Test
	void helpListsEveryCommandOfTheContract() {
		assertEquals(0, run("--help"));
		for (String command : CONTRACT_COMMANDS) {
			assertTrue(stdout().contains("\n  " + command + " "), "help lists " + command + ":\n" + stdout());
		}
		assertTrue(stdout().contains("(not available yet)"));
	}

	@Test
	void withoutACommandHelpIsShownAsAUsageError() {
		assertEquals(2, run());
		assertTrue(stdout().contains("Usage: onramp"));
	}

	@Test
	void commandHelpShowsItsOptions() {
		assertEquals(0, run("provision", "--help"));
		assertTrue(stdout().contains("--pop-env VAR"));
		assertTrue(stdout().contains("--endpoint HOST:PORT"));
	}

	@Test
	void successInJsonIsOneDocumentWithOkAndTheData() {
		runner.addCommand("ports", command(line -> {
			JsonObject data = new JsonObject();
			data.addProperty("count", Integer.valueOf(3));
			return new CommandResult(data, List.of("three ports"));
		}));
		assertEquals(0, run("ports", "--json"));
		JsonObject document = json();
		assertTrue(document.get("ok").getAsBoolean());
		assertEquals(3, document.get("count").getAsInt());
		assertFalse(stdout().contains("three ports"));
		assertTrue(err.toString(StandardCharsets.UTF_8).contains("step one"), "progress goes to stderr");
	}

	@Test
	void successInTextPrintsTheLines() {
		runner.addCommand("ports", command(line -> new CommandResult(new JsonObject(), List.of("a", "b"))));
		assertEquals(0, run("ports"));
		assertEquals("a" + System.lineSeparator() + "b" + System.lineSeparator(), stdout());
	}

	@Test
	void failuresMapToTheirExitCodeAndJsonError() {
		runner.addCommand("provision", command(line -> {
			throw new OnrampException(FailureReason.WIFI_AUTH_FAILED, "The network rejected the password.",
					"Check it and run again.");
		}));
		assertEquals(5, run("--json", "provision", "--endpoint", "127.0.0.1:1"));
		JsonObject document = json();
		assertFalse(document.get("ok").getAsBoolean());
		JsonObject error = document.getAsJsonObject("error");
		assertEquals(5, error.get("code").getAsInt());
		assertEquals("wifi_auth_failed", error.get("reason").getAsString());
		assertEquals("The network rejected the password.", error.get("message").getAsString());
		assertEquals("Check it and run again.", error.get("hint").getAsString());
	}

	@Test
	void commandsWithoutTheirServiceAreNotAvailableYet() {
		assertEquals(2, run("discover", "--json"));
		JsonObject error = json().getAsJsonObject("error");
		assertEquals("not_available", error.get("reason").getAsString());
		assertTrue(error.get("message").getAsString().contains("not available yet"));
	}

	@Test
	void usageErrorsInJsonModeAreJsonToo() {
		assertEquals(2, run("--json", "info"));
		assertEquals("usage", json().getAsJsonObject("error").get("reason").getAsString());
	}

	@Test
	void aBugIsAnInternalErrorNotACrash() {
		runner.addCommand("demo", command(line -> {
			throw new IllegalStateException("boom");
		}));
		assertEquals(1, run("demo", "--json"));
		assertEquals("internal", json().getAsJsonObject("error").get("reason").getAsString());
	}

	@Test
	void versionIsTheBundleVersion() {
		assertEquals(0, run("--version"));
		assertTrue(stdout().startsWith("onramp 0.1.0"), stdout());
		out.reset();
		assertEquals(0, run("--version", "--json"));
		assertTrue(json().getAsJsonObject("version").get("onramp").getAsString().startsWith("0.1.0"));
	}
}
