/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.headless.internal.commands;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

import dev.onramp.core.FailureReason;
import dev.onramp.core.OnrampException;
import dev.onramp.core.provisioning.ProvisioningTransport;

/**
 * A fleet manifest (shared/CLI.md): CSV with a header row naming the columns, one device per row. Values may be
 * quoted with {@code "} (a doubled quote inside is one quote). Errors name the line.
 */
public record FleetManifest(List<Row> rows) {

	public static final List<String> PROTOCOLS = List.of("provision", "improv", "repl", "reprovision"); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$
	static final List<String> COLUMNS = List.of("name", "protocol", "target", "pop", "username", "ssid", //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$ //$NON-NLS-5$ //$NON-NLS-6$
			"password_env", "hostname", "trust", "https_port", "transport", "port", "device_name"); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$ //$NON-NLS-5$ //$NON-NLS-6$ //$NON-NLS-7$

	public FleetManifest {
		rows = List.copyOf(rows);
	}

	/**
	 * One device of the manifest. The proof of possession is a manifest value: it is held here and handed to the
	 * device, never printed ({@link #toString()} masks it).
	 *
	 * @param transport how a {@code provision} row reaches its device: SoftAP at {@code target} (HOST:PORT), the
	 *                  console on {@code port} (or {@code target}), BLE by {@code device_name} (or {@code target})
	 */
	public record Row(int line, String name, String protocol, String target, Optional<String> pop,
			Optional<String> username, Optional<String> ssid, Optional<String> passwordEnv, Optional<String> hostname,
			Optional<String> trust, OptionalInt httpsPort, ProvisioningTransport transport, Optional<String> port,
			Optional<String> deviceName) {

		/** A row of the columns before the transports: SoftAP for {@code provision}. */
		public Row(int line, String name, String protocol, String target, Optional<String> pop,
				Optional<String> username, Optional<String> ssid, Optional<String> passwordEnv,
				Optional<String> hostname, Optional<String> trust, OptionalInt httpsPort) {
			this(line, name, protocol, target, pop, username, ssid, passwordEnv, hostname, trust, httpsPort,
					ProvisioningTransport.SOFTAP, Optional.empty(), Optional.empty());
		}

		/** @return where a {@code provision} row's transport finds the device; the target for the others */
		public String address() {
			return switch (transport) {
			case CONSOLE -> port.orElse(target);
			case BLE -> deviceName.orElse(target);
			default -> target;
			};
		}

		@Override
		public String toString() {
			return "Row[line=" + line + ", name=" + name + ", protocol=" + protocol + ", target=" + target + "]"; //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$ //$NON-NLS-5$
		}
	}

	public static FleetManifest parse(String text) throws OnrampException {
		String[] lines = text.split("\r?\n", -1); //$NON-NLS-1$
		int headerLine = -1;
		List<String> header = null;
		for (int i = 0; i < lines.length && header == null; i++) {
			if (!blankOrComment(lines[i])) {
				headerLine = i + 1;
				header = split(lines[i], headerLine).stream().map(h -> h.trim().toLowerCase(Locale.ROOT)).toList();
			}
		}
		if (header == null) {
			throw invalid(1, "the manifest is empty; it needs a header row such as name,protocol,target,ssid"); //$NON-NLS-1$
		}
		Map<String, Integer> columns = new HashMap<>();
		for (int c = 0; c < header.size(); c++) {
			String column = header.get(c);
			if (!COLUMNS.contains(column)) {
				throw invalid(headerLine, "unknown column '" + column + "' (columns: " + String.join(", ", COLUMNS) //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
						+ ")"); //$NON-NLS-1$
			}
			if (columns.put(column, Integer.valueOf(c)) != null) {
				throw invalid(headerLine, "the column '" + column + "' appears twice"); //$NON-NLS-1$ //$NON-NLS-2$
			}
		}
		for (String needed : List.of("name", "protocol", "target")) { //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
			if (!columns.containsKey(needed)) {
				throw invalid(headerLine, "the header has no '" + needed + "' column"); //$NON-NLS-1$ //$NON-NLS-2$
			}
		}
		List<Row> rows = new ArrayList<>();
		Set<String> names = new HashSet<>();
		for (int i = headerLine; i < lines.length; i++) {
			if (blankOrComment(lines[i])) {
				continue;
			}
			int lineNumber = i + 1;
			List<String> cells = split(lines[i], lineNumber);
			if (cells.size() > header.size()) {
				throw invalid(lineNumber, cells.size() + " values for " + header.size() + " columns"); //$NON-NLS-1$ //$NON-NLS-2$
			}
			Map<String, String> values = new LinkedHashMap<>();
			for (Map.Entry<String, Integer> column : columns.entrySet()) {
				int index = column.getValue().intValue();
				String value = index < cells.size() ? cells.get(index).trim() : ""; //$NON-NLS-1$
				if (!value.isEmpty()) {
					values.put(column.getKey(), value);
				}
			}
			rows.add(row(lineNumber, values, names));
		}
		if (rows.isEmpty()) {
			throw invalid(headerLine, "the manifest has a header but no device rows"); //$NON-NLS-1$
		}
		return new FleetManifest(rows);
	}

	private static Row row(int line, Map<String, String> values, Set<String> names) throws OnrampException {
		String name = values.get("name"); //$NON-NLS-1$
		if (name == null) {
			throw invalid(line, "the row has no name"); //$NON-NLS-1$
		}
		if (!names.add(name)) {
			throw invalid(line, "the name '" + name + "' is used by an earlier row; names must be unique"); //$NON-NLS-1$ //$NON-NLS-2$
		}
		String protocol = values.get("protocol"); //$NON-NLS-1$
		if (protocol == null || !PROTOCOLS.contains(protocol.toLowerCase(Locale.ROOT))) {
			throw invalid(line, "unknown protocol '" + (protocol == null ? "" : protocol) + "' for " + name //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
					+ " (one of: " + String.join(", ", PROTOCOLS) + ")"); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
		}
		protocol = protocol.toLowerCase(Locale.ROOT);
		ProvisioningTransport transport = ProvisioningTransport.SOFTAP;
		String transportName = values.get("transport"); //$NON-NLS-1$
		if (transportName != null) {
			if (!protocol.equals("provision")) { //$NON-NLS-1$
				throw invalid(line, name + ": the transport column is for protocol provision"); //$NON-NLS-1$
			}
			transport = ProvisioningTransport.of(transportName).orElse(null);
			if (transport == null) {
				throw invalid(line, name + ": transport is softap, console or ble, not '" + transportName + "'"); //$NON-NLS-1$ //$NON-NLS-2$
			}
		}
		String target = values.get("target"); //$NON-NLS-1$
		if (target == null && transport == ProvisioningTransport.CONSOLE) {
			target = values.get("port"); //$NON-NLS-1$
		}
		if (target == null && transport == ProvisioningTransport.BLE) {
			target = values.get("device_name"); //$NON-NLS-1$
		}
		if (target == null) {
			throw invalid(line, name + " has no target" + (transport == ProvisioningTransport.CONSOLE ? " or port" //$NON-NLS-1$ //$NON-NLS-2$
					: transport == ProvisioningTransport.BLE ? " or device_name" : "")); //$NON-NLS-1$ //$NON-NLS-2$
		}
		if (protocol.equals("provision") && transport == ProvisioningTransport.SOFTAP //$NON-NLS-1$
				&& !target.matches(".+:\\d{1,5}")) { //$NON-NLS-1$
			throw invalid(line, name + ": a provision target is HOST:PORT, for example 192.168.4.1:80"); //$NON-NLS-1$
		}
		if (!protocol.equals("reprovision") && !values.containsKey("ssid")) { //$NON-NLS-1$ //$NON-NLS-2$
			throw invalid(line, name + " needs an ssid for protocol " + protocol); //$NON-NLS-1$
		}
		String trust = values.get("trust"); //$NON-NLS-1$
		if (trust != null && !List.of("ca", "self-signed").contains(trust)) { //$NON-NLS-1$ //$NON-NLS-2$
			throw invalid(line, name + ": trust is ca or self-signed"); //$NON-NLS-1$
		}
		OptionalInt httpsPort = OptionalInt.empty();
		String port = values.get("https_port"); //$NON-NLS-1$
		if (port != null) {
			if (!port.matches("\\d{1,5}") || Integer.parseInt(port) < 1 || Integer.parseInt(port) > 65535) { //$NON-NLS-1$
				throw invalid(line, name + ": https_port is a port number, 1 to 65535"); //$NON-NLS-1$
			}
			httpsPort = OptionalInt.of(Integer.parseInt(port));
		}
		return new Row(line, name, protocol, target, Optional.ofNullable(values.get("pop")), //$NON-NLS-1$
				Optional.ofNullable(values.get("username")), Optional.ofNullable(values.get("ssid")), //$NON-NLS-1$ //$NON-NLS-2$
				Optional.ofNullable(values.get("password_env")), Optional.ofNullable(values.get("hostname")), //$NON-NLS-1$ //$NON-NLS-2$
				Optional.ofNullable(trust), httpsPort, transport, Optional.ofNullable(values.get("port")), //$NON-NLS-1$
				Optional.ofNullable(values.get("device_name"))); //$NON-NLS-1$
	}

	private static boolean blankOrComment(String line) {
		String trimmed = line.trim();
		return trimmed.isEmpty() || trimmed.startsWith("#"); //$NON-NLS-1$
	}

	/** Splits one CSV line; quoted values may hold commas and doubled quotes (no line breaks). */
	static List<String> split(String line, int lineNumber) throws OnrampException {
		List<String> cells = new ArrayList<>();
		StringBuilder cell = new StringBuilder();
		boolean quoted = false;
		boolean wasQuoted = false;
		// whether the cell so far is white space: kept as it grows, since copying the cell at every quote would cost
		// time and memory quadratic in the line's length
		boolean blank = true;
		for (int i = 0; i < line.length(); i++) {
			char c = line.charAt(i);
			if (quoted) {
				if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
					cell.append('"');
					i++;
				} else if (c == '"') {
					quoted = false;
				} else {
					cell.append(c);
				}
			} else if (c == '"' && blank && !wasQuoted) {
				quoted = true;
				wasQuoted = true;
				cell.setLength(0);
			} else if (c == ',') {
				cells.add(cell.toString());
				cell.setLength(0);
				wasQuoted = false;
				blank = true;
			} else if (wasQuoted && !Character.isWhitespace(c)) {
				throw invalid(lineNumber, "text after a closing quote"); //$NON-NLS-1$
			} else {
				cell.append(c);
				blank &= Character.isWhitespace(c);
			}
		}
		if (quoted) {
			throw invalid(lineNumber, "a quoted value is not closed"); //$NON-NLS-1$
		}
		cells.add(cell.toString());
		return cells;
	}

	private static OnrampException invalid(int line, String problem) {
		return new OnrampException(FailureReason.USAGE, "Manifest line " + line + ": " + problem + ".", //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
				"See 'onramp fleet --help' and the manifest format in the documentation."); //$NON-NLS-1$
	}
}
