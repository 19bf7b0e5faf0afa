/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.provisioning.internal;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Pattern;

import dev.onramp.core.FailureReason;
import dev.onramp.core.OnrampException;
import dev.onramp.core.Remedy;
import dev.onramp.core.serial.IByteChannel;
import dev.onramp.core.serial.ISerialPortService;

/**
 * Protocomm over the device's UART console, automated end to end (esp_prov's console transport prints each request
 * and makes the user paste the answer back).
 * <p>
 * What ESP-IDF's {@code components/protocomm/src/transports/protocomm_console.c} (with {@code components/console})
 * does, and what this class relies on:
 * <ul>
 * <li>The console task writes the prompt {@code "\n>> "} straight to the UART, then reads bytes into a 256-byte line
 * buffer, echoing each one; a CR is echoed as CR LF and ends the line. It then runs the line with
 * {@code esp_console_run}, which copies at most 255 characters of it: a line (CR included) must stay within 255
 * bytes. A longer line is cut: the console runs its first 255 characters, loses the 257th byte and starts a new line
 * with the rest.</li>
 * <li>Arguments are split on spaces only, so the CR stays on the last one; the hex decoder halves the length, which
 * drops it. Every endpoint is a command {@code <endpoint> <session-id> <hex>}; the session id goes through
 * {@code atoi}, so it must be a positive 31-bit number; a new id starts a new security session.</li>
 * <li>A handler that succeeds prints {@code "\r\n"}, the reply in lower-case hex and {@code "\r\n"} (through stdout,
 * whose line-end conversion may turn each into {@code "\r\r\n"}), then the next prompt.</li>
 * <li>A handler that fails (wrong proof of possession, undecryptable request, wrong state) prints nothing but the next
 * prompt; the firmware's own error log usually says why ({@code E (1234) security1: Key mismatch...}). An unknown
 * command prints nothing either (the console's dispatcher returns "not found", which the task ignores), and no
 * protocomm log. Silence before the prompt is therefore a rejection when the firmware logged an error or the endpoint
 * is one every provisioning firmware registers ({@code prov-session}, {@code prov-config}), and a missing endpoint
 * otherwise ({@code proto-ver}'s handler never fails).</li>
 * <li>Boot log lines ({@code I (312) tag: text}, maybe in ANSI colours) share the UART with the console; they are
 * skipped. An empty line (just CR) prints a fresh prompt, which is how the transport finds the console.</li>
 * </ul>
 * Security 2 cannot run here: its 384-byte SRP public key needs 768 hex digits on one line.
 */
public class ConsoleTransport implements IProtocommTransport {

	/** protocomm's console runs at the UART's default rate. */
	public static final int BAUD_RATE = 115200;
	/** The longest line, CR included, that the console runs whole. */
	public static final int MAX_LINE = 255;
	static final String PROMPT = "\n>> "; //$NON-NLS-1$
	private static final Duration RESEND_CR = Duration.ofSeconds(1);
	private static final int MAX_PENDING = 64 * 1024;
	private static final Pattern LOG_LINE = Pattern.compile("^[EWIDV] \\(\\d+\\) .*"); //$NON-NLS-1$
	private static final Pattern ANSI = Pattern.compile("\u001B\\[[0-9;]*[A-Za-z]"); //$NON-NLS-1$
	private static final Pattern HEX = Pattern.compile("(?:[0-9a-fA-F]{2})*"); //$NON-NLS-1$

	private final IByteChannel channel;
	private final String port;
	private final Deadline deadline;
	private final long sessionId;
	private final StringBuilder pending = new StringBuilder();
	private boolean synced;

	/** Opens the console on {@code port} (a device path, {@code socket://} or {@code rfc2217://}). */
	public static ConsoleTransport open(ISerialPortService ports, String port, Deadline deadline)
			throws OnrampException {
		return new ConsoleTransport(ports.open(port, BAUD_RATE), port, deadline);
	}

	public ConsoleTransport(IByteChannel channel, String port, Deadline deadline) {
		this.channel = channel;
		this.port = port;
		this.deadline = deadline;
		// positive and below 2^31: the firmware reads it with atoi
		this.sessionId = 1 + new SecureRandom().nextInt(Integer.MAX_VALUE - 1);
	}

	@Override
	public String where() {
		return "on " + port; //$NON-NLS-1$
	}

	/** @return the session id this transport sends with every request */
	public long sessionId() {
		return sessionId;
	}

	@Override
	public void checkScheme(int securityVersion) throws OnrampException {
		if (securityVersion == 2) {
			throw new OnrampException(FailureReason.USAGE, "The device " + where() //$NON-NLS-1$
					+ " runs security 2, which its console cannot carry: a console line holds at most 256 bytes and the 384-byte SRP public key needs 768 hex digits.", //$NON-NLS-1$
					"Provision this device over its access point (SoftAP) or Bluetooth (BLE) instead."); //$NON-NLS-1$
		}
	}

	@Override
	public byte[] exchange(String endpoint, byte[] request) throws OnrampException, DeviceClosedException {
		String line = endpoint + " " + sessionId + " " + HexFormat.of().formatHex(request); //$NON-NLS-1$ //$NON-NLS-2$
		if (line.length() + 1 > MAX_LINE) {
			throw new OnrampException(FailureReason.USAGE, "The request for " + endpoint + " is " + request.length //$NON-NLS-1$ //$NON-NLS-2$
					+ " bytes; the device's console runs lines of at most " + MAX_LINE //$NON-NLS-1$
					+ " characters, which hold about " + (MAX_LINE - 1 - (line.length() - 2 * request.length)) / 2 //$NON-NLS-1$
					+ " bytes.", //$NON-NLS-1$
					"Send less (a shorter network name or password), or provision over SoftAP or BLE."); //$NON-NLS-1$
		}
		if (!synced) {
			sync();
		}
		write(line + "\r", endpoint); //$NON-NLS-1$
		awaitEcho(line, endpoint);
		String answer = untilPrompt(endpoint);
		return reply(endpoint, answer);
	}

	/** Finds the console: CR until a prompt comes back, tolerating the boot log before it. */
	private void sync() throws OnrampException {
		boolean heardAnything = false;
		while (true) {
			write("\r", "the console prompt"); //$NON-NLS-1$ //$NON-NLS-2$
			long resendAt = System.nanoTime() + RESEND_CR.toNanos();
			while (System.nanoTime() < resendAt) {
				int n = readSome(Duration.ofNanos(Math.max(1_000_000L, resendAt - System.nanoTime())),
						"the console prompt"); //$NON-NLS-1$
				heardAnything |= n > 0;
				int at = pending.lastIndexOf(PROMPT);
				if (at >= 0) {
					// what follows a prompt we asked for is the device's answer to a later CR: keep it
					pending.delete(0, at + PROMPT.length());
					synced = true;
					return;
				}
				if (deadline.expired()) {
					throw noPrompt(heardAnything);
				}
				trimPending();
			}
		}
	}

	private OnrampException noPrompt(boolean heardAnything) {
		close();
		String message = heardAnything
				? "The device " + where() + " printed output but never the protocomm console prompt (>> ) within " //$NON-NLS-1$ //$NON-NLS-2$
						+ deadline.totalText() + "." //$NON-NLS-1$
				: "The device " + where() + " sent nothing and showed no protocomm console prompt (>> ) within " //$NON-NLS-1$ //$NON-NLS-2$
						+ deadline.totalText() + "."; //$NON-NLS-1$
		return new OnrampException(FailureReason.TIMEOUT, message,
				"Check that this is the device's console port and that its firmware runs ESP-IDF provisioning with the console transport (protocomm_console); reset the board if it is stuck.") //$NON-NLS-1$
				.withRemedy(Remedy.MORE_TIME);
	}

	/** The console echoes the line and CR LF; anything before it (log lines, extra prompts) is skipped. */
	private void awaitEcho(String line, String endpoint) throws OnrampException {
		String echo = line + "\r\n"; //$NON-NLS-1$
		while (true) {
			int at = pending.indexOf(echo);
			if (at >= 0) {
				pending.delete(0, at + echo.length());
				return;
			}
			readSome(remaining(endpoint, pending.length() > 0 ? "echo" : null), endpoint); //$NON-NLS-1$
			if (pending.length() > MAX_PENDING) {
				throw garbage(endpoint, "it does not echo the request"); //$NON-NLS-1$
			}
		}
	}

	private String untilPrompt(String endpoint) throws OnrampException {
		while (true) {
			int at = pending.indexOf(PROMPT);
			if (at >= 0) {
				String answer = pending.substring(0, at);
				pending.delete(0, at + PROMPT.length());
				return answer;
			}
			if (pending.length() > MAX_PENDING) {
				throw garbage(endpoint, "its answer is too long"); //$NON-NLS-1$
			}
			readSome(remaining(endpoint, "reply"), endpoint); //$NON-NLS-1$
		}
	}

	/** The hex line between the echo and the next prompt; log lines are skipped, anything else is not protocomm. */
	private byte[] reply(String endpoint, String answer) throws OnrampException, DeviceClosedException {
		String hex = null;
		boolean errorLogged = false;
		for (String raw : answer.split("[\r\n]+")) { //$NON-NLS-1$
			String text = ANSI.matcher(raw).replaceAll("").strip(); //$NON-NLS-1$
			if (text.isEmpty()) {
				continue;
			}
			if (LOG_LINE.matcher(text).matches()) {
				errorLogged |= text.charAt(0) == 'E';
				continue;
			}
			if (hex != null || !HEX.matcher(text).matches()) {
				throw garbage(endpoint, "it printed '" + excerpt(text) + "' where a hex reply belongs"); //$NON-NLS-1$ //$NON-NLS-2$
			}
			hex = text;
		}
		if (hex != null) {
			return HexFormat.of().parseHex(hex.toLowerCase(Locale.ROOT));
		}
		if (errorLogged || "prov-session".equals(endpoint) || "prov-config".equals(endpoint)) { //$NON-NLS-1$ //$NON-NLS-2$
			throw new DeviceClosedException("The device's console answered " + endpoint + " with nothing but a new prompt"); //$NON-NLS-1$ //$NON-NLS-2$
		}
		throw new EndpointNotFoundException(port, endpoint);
	}

	private static String excerpt(String text) {
		StringBuilder shown = new StringBuilder();
		for (int i = 0; i < text.length() && shown.length() < 40; i++) {
			char c = text.charAt(i);
			shown.append(c >= 0x20 && c < 0x7f ? c : '?');
		}
		return text.length() > 40 ? shown + "..." : shown.toString(); //$NON-NLS-1$
	}

	/**
	 * @param phase {@code null} while nothing came back yet (a silent device), else what the transport waited for
	 * @return the time left for one read
	 */
	private Duration remaining(String endpoint, String phase) throws OnrampException {
		int left = deadline.remainingMillis();
		if (left == 0) {
			close();
			if ("echo".equals(phase)) { //$NON-NLS-1$
				throw garbage(endpoint, "it answered but did not echo the request"); //$NON-NLS-1$
			}
			throw new OnrampException(FailureReason.TIMEOUT,
					"The device " + where() + " did not answer " + endpoint + " within " //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
							+ deadline.totalText() + ".", //$NON-NLS-1$
					"Check that the device is still in provisioning mode and connected; reset the board if its console is stuck.") //$NON-NLS-1$
					.withRemedy(Remedy.MORE_TIME);
		}
		return Duration.ofMillis(left);
	}

	private int readSome(Duration timeout, String waitingFor) throws OnrampException {
		byte[] chunk = new byte[512];
		int n;
		try {
			n = channel.read(chunk, 0, chunk.length, timeout);
		} catch (OnrampException e) {
			close();
			if (e.reason() == FailureReason.DEVICE_VANISHED) {
				throw new OnrampException(FailureReason.DEVICE_VANISHED,
						"The device " + where() + " went away while Onramp waited for " + waitingFor + ".", //$NON-NLS-1$ //$NON-NLS-2$
						"Check the cable (or the network line) and that the board did not restart; then run again.", e); //$NON-NLS-1$
			}
			throw e;
		}
		if (n > 0) {
			pending.append(new String(chunk, 0, n, StandardCharsets.ISO_8859_1));
		}
		return n;
	}

	private void write(String text, String waitingFor) throws OnrampException {
		try {
			channel.write(text.getBytes(StandardCharsets.ISO_8859_1));
		} catch (OnrampException e) {
			close();
			if (e.reason() == FailureReason.DEVICE_VANISHED) {
				throw new OnrampException(FailureReason.DEVICE_VANISHED,
						"The device " + where() + " went away before Onramp could send " + waitingFor + ".", //$NON-NLS-1$ //$NON-NLS-2$
						"Check the cable (or the network line) and that the board did not restart; then run again.", e); //$NON-NLS-1$
			}
			throw e;
		}
	}

	/** Keeps the tail of boot noise only: a prompt can straddle two reads, never more. */
	private void trimPending() {
		if (pending.length() > 4096) {
			pending.delete(0, pending.length() - PROMPT.length());
		}
	}

	private OnrampException garbage(String endpoint, String why) {
		close();
		return new OnrampException(FailureReason.PROTOCOL_ERROR,
				"The device " + where() + " did not answer " + endpoint + " as ESP-IDF's provisioning console does: " //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
						+ why + ".", //$NON-NLS-1$
				"Check that this is the device's console port at " + BAUD_RATE //$NON-NLS-1$
						+ " baud and that its firmware runs ESP-IDF provisioning with the console transport."); //$NON-NLS-1$
	}

	@Override
	public void close() {
		channel.close();
	}
}
