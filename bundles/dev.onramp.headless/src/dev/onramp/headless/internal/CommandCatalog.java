/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.headless.internal;

import static dev.onramp.headless.internal.OptionSpec.flag;
import static dev.onramp.headless.internal.OptionSpec.repeatable;
import static dev.onramp.headless.internal.OptionSpec.required;
import static dev.onramp.headless.internal.OptionSpec.value;

import java.util.List;
import java.util.Optional;

/** The commands of the {@code onramp} contract (shared/CLI.md), in the order the help lists them. */
public final class CommandCatalog {

	/** Options every command accepts. */
	public static final List<OptionSpec> GLOBAL_OPTIONS = List.of(
			flag("json", "print one JSON document on stdout; progress and logs go to stderr"), //$NON-NLS-1$ //$NON-NLS-2$
			value("data-dir", "DIR", "CA, inventory and state (default: a per-user folder)"), //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
			flag("verbose", "more detail on stderr"), //$NON-NLS-1$ //$NON-NLS-2$
			flag("help", "show help (for a command: onramp <command> --help)"), //$NON-NLS-1$ //$NON-NLS-2$
			flag("version", "print the version")); //$NON-NLS-1$ //$NON-NLS-2$

	private static final OptionSpec PASSWORD_ENV = value("password-env", "VAR", //$NON-NLS-1$ //$NON-NLS-2$
			"read the Wi-Fi password from this environment variable"); //$NON-NLS-1$
	private static final OptionSpec PASSWORD_FILE = value("password-file", "F", //$NON-NLS-1$ //$NON-NLS-2$
			"read the Wi-Fi password from this file"); //$NON-NLS-1$
	private static final OptionSpec BROWSER = flag("browser", //$NON-NLS-1$
			"without --ssid: pick the network on a local web page, even without a desktop (the address is printed)"); //$NON-NLS-1$
	private static final OptionSpec NO_BROWSER = flag("no-browser", //$NON-NLS-1$
			"without --ssid: serve that page but only print its address, open no browser"); //$NON-NLS-1$
	private static final OptionSpec TIMEOUT = value("timeout", "S", "give up after S seconds"); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$

	private static final List<CommandSpec> COMMANDS = List.of(
			new CommandSpec("ports", "", //$NON-NLS-1$ //$NON-NLS-2$
					"serial ports with USB identity (VID:PID, serial number, description, by-id path, access)", //$NON-NLS-1$
					List.of(), 0, 0, List.of()),
			new CommandSpec("discover", "", "devices announced over mDNS (name, host, IP, services)", //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
					List.of(TIMEOUT, repeatable("interface", "NAME", "limit discovery to this network interface")), //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
					0, 0, List.of()),
			new CommandSpec("info", "", //$NON-NLS-1$ //$NON-NLS-2$
					"identify the device on a port (Improv, MicroPython/pyDirect REPL or ESP-IDF console, at 115200 baud): kind, chip, firmware, MAC, hostname; exit 7 when nothing answers", //$NON-NLS-1$
					List.of(required("port", "P", "device path, /dev/serial/by-id link, COM3, socket://HOST:PORT or rfc2217://HOST:PORT")), //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
					0, 0, List.of()),
			new CommandSpec("provision", "[<pop>]", //$NON-NLS-1$ //$NON-NLS-2$
					"ESP-IDF / RainMaker Wi-Fi provisioning with a proof of possession", //$NON-NLS-1$
					List.of(value("transport", "softap|console|ble", "how to reach the device (default softap, or the QR payload's)"), //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
							value("endpoint", "HOST:PORT", "softap: provisioning endpoint (default 192.168.4.1:80)"), //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
							value("port", "P", "console: the device's serial port (device path, socket://HOST:PORT or rfc2217://HOST:PORT)"), //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
							value("device-name", "NAME", "ble: the name the device advertises, e.g. PROV_d76c30 (Linux, through BlueZ)"), //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
							value("qrcode", "JSON", "the provisioning QR payload {\"ver\",\"name\",\"pop\",\"transport\"}; explicit options override its values"), //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
							value("qrcode-env", "VAR", "read the QR payload from this environment variable"), //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
							value("qrcode-port", "P", "read the QR payload from the boot log on this serial port (resetting the board if needed)"), //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
							value("sec", "auto|0|1|2", "security scheme; auto follows the device's proto-ver"), //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
							value("username", "U", "security 2 username (default wifiprov)"), //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
							value("pop-env", "VAR", "read the proof of possession from this environment variable"), //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
							value("pop-file", "F", "read the proof of possession from this file"), //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
							value("ssid", "S", "Wi-Fi network; without it on a terminal, pick from the device's scan"), //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
							PASSWORD_ENV, PASSWORD_FILE, flag("scan", "only list the networks the device sees"), //$NON-NLS-1$ //$NON-NLS-2$
							value("user-id", "ID", "RainMaker user-node association: user id"), //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
							value("secret-key", "K", "RainMaker user-node association: secret key"), //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
							TIMEOUT, BROWSER, NO_BROWSER),
					0, 1, List.of()),
			new CommandSpec("change-wifi", "", "Wi-Fi over USB: Improv serial or MicroPython REPL", //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
					List.of(required("port", "P", "the device's serial port"), //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
							value("protocol", "auto|improv|repl", "how to talk to the device (default auto: ask the device)"), //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
							value("ssid", "S", "Wi-Fi network"), PASSWORD_ENV, PASSWORD_FILE, //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
							flag("scan", "only list the networks the device sees")), //$NON-NLS-1$ //$NON-NLS-2$
					0, 0, List.of()),
			new CommandSpec("reprovision", "", "\"blessing\": a new HTTPS certificate for the device", //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
					List.of(required("port", "P", "the device's serial port"), //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
							value("trust", "ca|self-signed", "who signs the certificate (default ca, the local CA)"), //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
							value("hostname", "H", "host name (default: read from the device)"), //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
							repeatable("ip", "A", "add an IP address to the certificate"), //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
							value("key", "ec-p256|rsa-2048", "key type (default ec-p256)"), //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
							value("days", "N", "validity in days"), //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
							flag("no-reset", "stop after the verified install"), //$NON-NLS-1$ //$NON-NLS-2$
							value("wait", "S", "after reset, wait for the device to come back and verify it"), //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
							value("https-port", "N", //$NON-NLS-1$ //$NON-NLS-2$
									"where the device's HTTPS is reached from here, when not at 443 (a port forward)")), //$NON-NLS-1$
					0, 0, List.of()),
			new CommandSpec("verify", "<https-url>", //$NON-NLS-1$ //$NON-NLS-2$
					"TLS handshake; report the served certificate and whether it matches", //$NON-NLS-1$
					List.of(value("fingerprint", "SHA256", "the certificate the device must serve"), //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
							value("ca", "FILE", "a CA certificate (PEM) the served chain must lead to"), //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
							value("ip", "A", "connect to this address instead of resolving the host (.local)"), //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
							TIMEOUT),
					1, 1, List.of()),
			new CommandSpec("ca", "init|show|export", "the local certificate authority", //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
					List.of(value("out", "FILE", "with export: where to write the CA certificate (.pem, or .der/.cer)"), //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
							value("key", "ec-p256|rsa-3072", "with init: the CA's key (default ec-p256)")), //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
					1, 1, List.of("init", "show", "export")), //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
			new CommandSpec("fleet", "<manifest.csv>", "run a manifest of devices, in parallel, with a report; exit 0 when every row succeeded, else the exit code of the most frequent failure class among the rows (on a tie, the lower code)", //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
					List.of(value("parallel", "N", "rows at a time"), //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
							value("report", "FILE", "write the JSON report here"), //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
							flag("resume", "skip rows a previous report marks ok"), //$NON-NLS-1$ //$NON-NLS-2$
							flag("dry-run", "validate the manifest and reach each target, change nothing"), //$NON-NLS-1$ //$NON-NLS-2$
							value("row-timeout", "S", "stop a row after S seconds and report it as timed out (default 180)"), //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
							PASSWORD_ENV, PASSWORD_FILE),
					1, 1, List.of()),
			new CommandSpec("demo", "", "simulated devices, end to end, no hardware needed", List.of(), 0, 0, //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
					List.of()),
			new CommandSpec("doctor", "", //$NON-NLS-1$ //$NON-NLS-2$
					"check this installation: Java, Onramp's bundles and their dependencies, serial port access", //$NON-NLS-1$
					List.of(), 0, 0, List.of()));

	private CommandCatalog() {
	}

	public static List<CommandSpec> commands() {
		return COMMANDS;
	}

	public static Optional<CommandSpec> command(String name) {
		return COMMANDS.stream().filter(c -> c.name().equals(name)).findFirst();
	}
}
