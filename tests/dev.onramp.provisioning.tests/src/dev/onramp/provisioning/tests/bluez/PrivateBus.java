/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.provisioning.tests.bluez;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A D-Bus daemon of the test's own, on a unix socket in a temporary folder, that lets everyone own any name: where
 * the BlueZ stand-in takes {@code org.bluez}, without touching the machine's system bus. Needs Debian's
 * {@code dbus-daemon}; a machine without it fails the test with the install command, it does not skip.
 */
public final class PrivateBus implements AutoCloseable {

	private final Process process;
	private final String address;

	private PrivateBus(Process process, String address) {
		this.process = process;
		this.address = address;
	}

	/** Starts a bus whose socket and configuration live in {@code folder}. */
	public static PrivateBus start(Path folder) throws IOException {
		String daemon = daemon();
		Path config = folder.resolve("bus.conf");
		Path socket = folder.resolve("bus");
		Files.writeString(config, """
				<busconfig>
				  <type>session</type>
				  <listen>unix:path=%s</listen>
				  <auth>EXTERNAL</auth>
				  <policy context="default">
				    <allow user="*"/>
				    <allow own="*"/>
				    <allow send_destination="*" eavesdrop="true"/>
				    <allow eavesdrop="true"/>
				  </policy>
				</busconfig>
				""".formatted(socket), StandardCharsets.UTF_8);
		Process process = new ProcessBuilder(daemon, "--config-file=" + config, "--print-address", "--nofork")
				.redirectError(ProcessBuilder.Redirect.DISCARD).start();
		BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
		CompletableFuture<String> firstLine = CompletableFuture.supplyAsync(() -> {
			try {
				return out.readLine();
			} catch (IOException e) {
				return null;
			}
		});
		try {
			String address = firstLine.get(10, TimeUnit.SECONDS);
			if (address == null || address.isBlank()) {
				process.destroyForcibly();
				throw new IOException("dbus-daemon ended without printing its address (exit " + process.waitFor() + ")");
			}
			return new PrivateBus(process, address.trim());
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			process.destroyForcibly();
			throw new IOException("interrupted while dbus-daemon started", e);
		} catch (ExecutionException | TimeoutException e) {
			process.destroyForcibly();
			throw new IOException("dbus-daemon did not print its address within 10 s", e);
		}
	}

	private static String daemon() throws IOException {
		for (String folder : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(File.pathSeparator)) {
			Path candidate = Path.of(folder, "dbus-daemon");
			if (Files.isExecutable(candidate)) {
				return candidate.toString();
			}
		}
		throw new IOException("The BLE tests need dbus-daemon for a private D-Bus: install it with "
				+ "'apt-get install dbus-daemon' (releng/scripts/install-prerequisites.sh does it).");
	}

	/** @return the bus address, {@code unix:path=...,guid=...} */
	public String address() {
		return address;
	}

	@Override
	public void close() {
		process.destroy();
		try {
			if (!process.waitFor(5, TimeUnit.SECONDS)) {
				process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
			}
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			process.destroyForcibly();
		}
	}
}
