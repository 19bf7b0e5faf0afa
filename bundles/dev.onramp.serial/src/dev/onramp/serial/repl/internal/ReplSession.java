/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.serial.repl.internal;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.locks.LockSupport;

import org.eclipse.core.runtime.IProgressMonitor;

import dev.onramp.core.FailureReason;
import dev.onramp.core.MacAddress;
import dev.onramp.core.OnrampException;
import dev.onramp.core.repl.DeviceIdentity;
import dev.onramp.core.repl.ExecMode;
import dev.onramp.core.repl.ExecResult;
import dev.onramp.core.repl.IChannelOpener;
import dev.onramp.core.repl.IDeviceFileSystem;
import dev.onramp.core.repl.IReplSession;
import dev.onramp.core.repl.ReplOptions;
import dev.onramp.core.repl.snippets.BoardSnippets;
import dev.onramp.core.serial.IByteChannel;

/** A raw REPL session; reconnects through its opener when a hard reset makes the port go away. */
final class ReplSession implements IReplSession {

	private static final Duration RESET_WATCH = Duration.ofSeconds(2);
	private static final byte[] RAW_OK = { 'O', 'K' };
	private static final Duration REOPEN_PAUSE = Duration.ofMillis(200);

	private final IChannelOpener opener;
	private final ReplOptions options;
	private final DeviceFileSystem files = new DeviceFileSystem(this);
	private IByteChannel channel;
	private ReplReader reader;
	private RawRepl repl;
	private DeviceIdentity identity;
	private boolean closed;

	private ReplSession(IChannelOpener opener, ReplOptions options) {
		this.opener = opener;
		this.options = options;
	}

	static ReplSession connect(IByteChannel channel, IChannelOpener opener, ReplOptions options,
			IProgressMonitor monitor) throws OnrampException {
		ReplSession session = new ReplSession(opener, options);
		try {
			session.attach(channel, options.connectTimeout(), monitor);
		} catch (OnrampException | RuntimeException e) {
			channel.close();
			throw e;
		}
		return session;
	}

	private void attach(IByteChannel newChannel, Duration timeout, IProgressMonitor monitor) throws OnrampException {
		ExecMode previous = repl == null ? null : repl.mode();
		this.channel = newChannel;
		this.reader = new ReplReader(newChannel);
		this.repl = new RawRepl(reader, previous == null ? options.rawPaste() : previous == ExecMode.RAW_PASTE);
		repl.enter(timeout, options.resetButtonWait(), monitor);
	}

	@Override
	public String portName() {
		return channel.name();
	}

	@Override
	public ExecResult exec(String code, Duration timeout) throws OnrampException {
		ensureOpen();
		try {
			return repl.exec(code, timeout);
		} catch (OnrampException e) {
			if (e.reason() == FailureReason.DEVICE_VANISHED) {
				// the line is gone: release the port so that it can reappear
				closed = true;
				channel.close();
			}
			throw e;
		}
	}

	/** What the host and a running program say to each other (a binary upload) between the code and its result. */
	@FunctionalInterface
	interface Dialogue {
		/**
		 * @return empty when the dialogue is complete, else the program's stdout when the device ended it early
		 *         (its end-of-output marker has been read)
		 */
		Optional<String> talk(ReplReader reader) throws OnrampException;
	}

	/**
	 * Runs code that reads the line while it runs. If the dialogue fails the session is closed: the program may still
	 * be waiting for bytes (with Ctrl-C disabled), so nothing else can be said on this line until the board resets.
	 */
	ExecResult converse(String code, Duration timeout, Dialogue dialogue) throws OnrampException {
		ensureOpen();
		try {
			repl.start(code, timeout);
		} catch (OnrampException e) {
			if (e.reason() == FailureReason.DEVICE_VANISHED) {
				closed = true;
				channel.close();
			}
			throw e;
		}
		Optional<String> early;
		try {
			early = dialogue.talk(reader);
		} catch (OnrampException e) {
			closed = true;
			channel.close();
			throw e;
		}
		if (early.isPresent()) {
			return repl.resultAfterStdout(early.get(), timeout);
		}
		return repl.result(timeout, ReplReader.deadline(timeout));
	}

	ReplOptions options() {
		return options;
	}

	@Override
	public ExecResult exec(String code) throws OnrampException {
		return exec(code, options.execTimeout());
	}

	@Override
	public ExecMode mode() {
		return repl.mode();
	}

	@Override
	public void softReset() throws OnrampException {
		ensureOpen();
		repl.softReset(options.connectTimeout());
		forgetDeviceState();
	}

	@Override
	public void hardReset(IProgressMonitor monitor) throws OnrampException {
		ensureOpen();
		forgetDeviceState();
		// plain raw, no waiting for the result: the device may reset before it answers
		reader.write((BoardSnippets.HARD_RESET + "\004").getBytes(StandardCharsets.US_ASCII)); //$NON-NLS-1$
		boolean vanished = false;
		long watch = ReplReader.deadline(RESET_WATCH);
		try {
			// boot output of a board behind a USB-UART bridge, whose port stays: pyDirect's is interrupted at its banner,
			// before its main.py starts ignoring Ctrl-C
			new BootCatcher(reader).interruptAtBanner(watch, monitor);
		} catch (OnrampException e) {
			if (e.reason() != FailureReason.DEVICE_VANISHED) {
				throw e;
			}
			vanished = true;
		}
		if (!vanished && channel.isOpen()) {
			attach(channel, options.connectTimeout(), monitor);
			return;
		}
		channel.close();
		if (opener == null) {
			closed = true;
			throw new OnrampException(FailureReason.DEVICE_VANISHED,
					"The device reset and its port " + channel.name() + " went away.", //$NON-NLS-1$ //$NON-NLS-2$
					"Connect again once the port is back."); //$NON-NLS-1$
		}
		reconnect(monitor);
	}

	private void reconnect(IProgressMonitor monitor) throws OnrampException {
		String name = channel.name();
		long deadline = ReplReader.deadline(options.reconnectTimeout());
		OnrampException last = null;
		while (System.nanoTime() - deadline < 0) {
			if (monitor != null && monitor.isCanceled()) {
				throw OnrampException.of(FailureReason.CANCELLED);
			}
			IByteChannel reopened = null;
			try {
				reopened = opener.open();
				long left = deadline - System.nanoTime();
				attach(reopened, Duration.ofNanos(Math.max(1, Math.min(left, options.connectTimeout().toNanos()))),
						monitor);
				return;
			} catch (OnrampException e) {
				if (reopened != null) {
					reopened.close();
				}
				if (e.reason() == FailureReason.CANCELLED || e.reason() == FailureReason.PERMISSION_DENIED) {
					throw e;
				}
				last = e;
			}
			// the port re-enumerates: try again shortly
			LockSupport.parkNanos(Math.min(REOPEN_PAUSE.toNanos(), Math.max(0, deadline - System.nanoTime())));
		}
		closed = true;
		throw new OnrampException(FailureReason.DEVICE_VANISHED,
				"The device on " + name + " did not come back within " + options.reconnectTimeout().toSeconds() //$NON-NLS-1$ //$NON-NLS-2$
						+ " s after its reset" + (last == null ? "." : " (" + last.getMessage() + ")."), //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$
				"Check the cable and the port name (USB ports may renumber after a reset); use the /dev/serial/by-id link.", //$NON-NLS-1$
				last);
	}

	private void forgetDeviceState() {
		identity = null;
		files.forgetPreparation();
	}

	@Override
	public DeviceIdentity identify() throws OnrampException {
		if (identity != null) {
			return identity;
		}
		String[] lines = execOrThrow(BoardSnippets.IDENTITY, "Reading the firmware identity").strip().split("\\r?\\n"); //$NON-NLS-1$ //$NON-NLS-2$
		if (lines.length < 3) {
			throw new OnrampException(FailureReason.PROTOCOL_ERROR,
					"The device on " + portName() + " answered the identity query with: " + String.join(" | ", lines)); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
		}
		Optional<MacAddress> mac = Optional.empty();
		ExecResult macResult = exec(BoardSnippets.STATION_MAC);
		if (macResult.ok()) {
			try {
				mac = Optional.of(MacAddress.parse(macResult.stdout().strip()));
			} catch (IllegalArgumentException e) {
				// a board without Wi-Fi prints something else
			}
		}
		ExecResult naming = exec(BoardSnippets.PYDIRECT_NAMING);
		boolean pyDirect = naming.ok();
		Optional<String> hostname = Optional.empty();
		if (pyDirect) {
			hostname = pyDirectHostname(naming.stdout(), mac);
		}
		identity = new DeviceIdentity(lines[0].strip(), lines[1].strip(), lines[2].strip(), mac, pyDirect, hostname);
		return identity;
	}

	/**
	 * pyDirect's own rule (lib/sys/network/wifi.py): {@code device.hostname} when set, else
	 * {@code <wifi.hostname_prefix>-<last 4 hex digits of the station MAC>}.
	 */
	static Optional<String> pyDirectHostname(String namingOutput, Optional<MacAddress> mac) {
		String[] lines = namingOutput.strip().split("\\r?\\n"); //$NON-NLS-1$
		String configured = lines.length > 0 ? lines[0].strip() : ""; //$NON-NLS-1$
		if (!configured.isEmpty() && !configured.equals("None")) { //$NON-NLS-1$
			return Optional.of(configured);
		}
		String prefix = lines.length > 1 && !lines[1].isBlank() && !lines[1].strip().equals("None") //$NON-NLS-1$
				? lines[1].strip()
				: "pydirect"; //$NON-NLS-1$
		return mac.map(m -> m.hostname(prefix));
	}

	@Override
	public IDeviceFileSystem files() {
		return files;
	}

	@Override
	public boolean isOpen() {
		return !closed && channel.isOpen();
	}

	private void ensureOpen() throws OnrampException {
		if (closed || !channel.isOpen()) {
			throw new OnrampException(FailureReason.DEVICE_VANISHED,
					"The connection to the device on " + channel.name() + " is closed.", "Connect again."); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
		}
	}

	@Override
	public void resetAndClose() throws OnrampException {
		ensureOpen();
		forgetDeviceState();
		closed = true;
		try {
			// plain raw, no waiting for the result: the board resets before it answers
			reader.write((BoardSnippets.HARD_RESET + "\004").getBytes(StandardCharsets.US_ASCII)); //$NON-NLS-1$
			awaitReset();
		} finally {
			channel.close();
		}
	}

	/**
	 * Returns once the board has reset, or after {@link #RESET_WATCH}. Its OK says it has the whole snippet (closing
	 * the port sooner could discard what is on the way) but comes before the snippet runs; the first byte after it
	 * (the boot output of a board behind a USB-UART bridge) or the port going away (native USB) says the board has
	 * reset. Only then are its old services (a web server with the old certificate) gone: a caller that checks the
	 * board right after this returns must not meet them.
	 */
	private void awaitReset() {
		long deadline = ReplReader.deadline(RESET_WATCH);
		try {
			reader.readUntil(RAW_OK, deadline);
			reader.readByte(deadline);
		} catch (ReplReader.Timeout | OnrampException e) {
			// the line went (a native USB port resets with the board) or the board is rebooting already
		}
	}

	@Override
	public void close() {
		if (!closed && channel.isOpen()) {
			try {
				repl.exitAndRestart();
			} catch (OnrampException e) {
				// the line is gone anyway
			}
		}
		closed = true;
		channel.close();
	}
}
