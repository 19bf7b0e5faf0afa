/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.headless.internal.commands;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import dev.onramp.core.ExitCode;
import dev.onramp.core.FailureReason;
import dev.onramp.core.OnrampException;

/**
 * The JSON report of a fleet run: one object per manifest row with {@code name}, {@code ok}, {@code error}
 * ({@code code}, {@code reason}, {@code message}), {@code started}, {@code duration_ms} and the row's results. It
 * never holds a secret: rows carry only what the devices reported and failure messages, which never name one.
 */
public final class FleetReport {

	/** What happened to one row. */
	public record Outcome(String name, String protocol, String target, boolean ok, boolean skipped,
			Optional<OnrampException> error, Instant started, long durationMs, JsonObject results) {

		static Outcome skippedAsOk(FleetManifest.Row row, JsonObject previous) {
			JsonObject results = new JsonObject();
			if (previous.has("results") && previous.get("results").isJsonObject()) { //$NON-NLS-1$ //$NON-NLS-2$
				results = previous.getAsJsonObject("results"); //$NON-NLS-1$
			}
			Instant started = Instant.now();
			try {
				started = Instant.parse(previous.get("started").getAsString()); //$NON-NLS-1$
			} catch (RuntimeException e) {
				// a report without a readable start time: now is as good
			}
			return new Outcome(row.name(), row.protocol(), row.target(), true, true, Optional.empty(), started, 0,
					results);
		}
	}

	private FleetReport() {
	}

	public static JsonObject toJson(List<Outcome> outcomes, boolean dryRun) {
		JsonArray rows = new JsonArray();
		int ok = 0;
		int skipped = 0;
		for (Outcome outcome : outcomes) {
			JsonObject row = new JsonObject();
			row.addProperty("name", outcome.name()); //$NON-NLS-1$
			row.addProperty("protocol", outcome.protocol()); //$NON-NLS-1$
			row.addProperty("target", outcome.target()); //$NON-NLS-1$
			row.addProperty("ok", Boolean.valueOf(outcome.ok())); //$NON-NLS-1$
			if (outcome.skipped()) {
				row.addProperty("skipped", "ok in the previous report"); //$NON-NLS-1$ //$NON-NLS-2$
			}
			if (outcome.error().isPresent()) {
				OnrampException failure = outcome.error().get();
				JsonObject error = new JsonObject();
				error.addProperty("code", Integer.valueOf(failure.reason().exitCode())); //$NON-NLS-1$
				error.addProperty("reason", failure.reason().key()); //$NON-NLS-1$
				error.addProperty("message", failure.getMessage()); //$NON-NLS-1$
				failure.hint().ifPresent(hint -> error.addProperty("hint", hint)); //$NON-NLS-1$
				row.add("error", error); //$NON-NLS-1$
			} else {
				row.add("error", null); //$NON-NLS-1$
			}
			row.addProperty("started", outcome.started().toString()); //$NON-NLS-1$
			row.addProperty("duration_ms", Long.valueOf(outcome.durationMs())); //$NON-NLS-1$
			row.add("results", outcome.results()); //$NON-NLS-1$
			rows.add(row);
			ok += outcome.ok() ? 1 : 0;
			skipped += outcome.skipped() ? 1 : 0;
		}
		JsonObject summary = new JsonObject();
		summary.addProperty("total", Integer.valueOf(outcomes.size())); //$NON-NLS-1$
		summary.addProperty("ok", Integer.valueOf(ok)); //$NON-NLS-1$
		summary.addProperty("failed", Integer.valueOf(outcomes.size() - ok)); //$NON-NLS-1$
		summary.addProperty("skipped", Integer.valueOf(skipped)); //$NON-NLS-1$
		JsonObject report = new JsonObject();
		report.addProperty("dry_run", Boolean.valueOf(dryRun)); //$NON-NLS-1$
		report.add("summary", summary); //$NON-NLS-1$
		report.add("rows", rows); //$NON-NLS-1$
		return report;
	}

	/** Writes the report next to its final place, then moves it there, so a crash never leaves half a report. */
	public static void write(Path file, JsonObject report) throws OnrampException {
		Path absolute = file.toAbsolutePath();
		try {
			Path directory = absolute.getParent();
			if (directory != null) {
				Files.createDirectories(directory);
			}
			Path temporary = Files.createTempFile(directory, ".onramp-report", ".tmp"); //$NON-NLS-1$ //$NON-NLS-2$
			Files.writeString(temporary, new GsonBuilder().setPrettyPrinting().serializeNulls().disableHtmlEscaping()
					.create().toJson(report) + System.lineSeparator(), StandardCharsets.UTF_8);
			Files.move(temporary, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
		} catch (IOException e) {
			throw new OnrampException(FailureReason.USAGE, "Cannot write the report " + file + ".", //$NON-NLS-1$ //$NON-NLS-2$
					"Check that its folder exists and is writable.", e); //$NON-NLS-1$
		}
	}

	/** @return the rows a previous report marks ok, by name; empty when there is no report yet */
	public static Map<String, JsonObject> okRows(Path file) throws OnrampException {
		String text;
		try {
			text = Files.readString(file, StandardCharsets.UTF_8);
		} catch (NoSuchFileException e) {
			return Map.of();
		} catch (IOException e) {
			throw new OnrampException(FailureReason.USAGE, "Cannot read the report " + file + " to resume from.", //$NON-NLS-1$ //$NON-NLS-2$
					null, e);
		}
		Map<String, JsonObject> ok = new HashMap<>();
		try {
			JsonObject report = JsonParser.parseString(text).getAsJsonObject();
			if (report.has("dry_run") && report.get("dry_run").getAsBoolean()) { //$NON-NLS-1$ //$NON-NLS-2$
				return Map.of(); // a dry run changed nothing: nothing is done yet
			}
			for (JsonElement element : report.getAsJsonArray("rows")) { //$NON-NLS-1$
				JsonObject row = element.getAsJsonObject();
				if (row.get("ok").getAsBoolean()) { //$NON-NLS-1$
					ok.put(row.get("name").getAsString(), row); //$NON-NLS-1$
				}
			}
		} catch (RuntimeException e) {
			throw new OnrampException(FailureReason.USAGE, "The report " + file + " is not a fleet report.", //$NON-NLS-1$ //$NON-NLS-2$
					"Resume with the report file of an earlier 'onramp fleet --report FILE' run."); //$NON-NLS-1$
		}
		return ok;
	}

	/**
	 * The exit code of a run: 0 when every row succeeded, else the code of the most frequent failure class among
	 * the rows (on a tie, the lower code).
	 */
	public static int exitCode(List<Outcome> outcomes) {
		Map<Integer, Integer> counts = new HashMap<>();
		for (Outcome outcome : outcomes) {
			outcome.error().ifPresent(e -> counts.merge(Integer.valueOf(e.reason().exitCode()), Integer.valueOf(1),
					Integer::sum));
		}
		if (counts.isEmpty()) {
			return outcomes.stream().allMatch(Outcome::ok) ? ExitCode.SUCCESS : ExitCode.INTERNAL_ERROR;
		}
		return counts.entrySet().stream()
				.max(Comparator.<Map.Entry<Integer, Integer>>comparingInt(e -> e.getValue().intValue())
						.thenComparing(e -> -e.getKey().intValue()))
				.get().getKey().intValue();
	}

	/** @return the first reason whose exit code is the one of the run, so the JSON error names a class */
	public static FailureReason reasonFor(List<Outcome> outcomes, int exitCode) {
		Set<FailureReason> seen = new HashSet<>();
		for (Outcome outcome : outcomes) {
			outcome.error().ifPresent(e -> seen.add(e.reason()));
		}
		for (Outcome outcome : outcomes) {
			if (outcome.error().isPresent() && outcome.error().get().reason().exitCode() == exitCode) {
				return outcome.error().get().reason();
			}
		}
		return seen.isEmpty() ? FailureReason.INTERNAL : seen.iterator().next();
	}
}
