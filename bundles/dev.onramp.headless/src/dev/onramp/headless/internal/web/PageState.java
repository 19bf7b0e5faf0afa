/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.headless.internal.web;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.eclipse.core.runtime.IProgressMonitor;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

import dev.onramp.core.FailureReason;
import dev.onramp.core.OnrampException;
import dev.onramp.core.Secret;
import dev.onramp.core.provisioning.DeviceProtocolInfo;
import dev.onramp.core.provisioning.ProtocommOutcome;
import dev.onramp.core.provisioning.WifiNetwork;

/**
 * What the page shows and what the person asked for, shared by the command's thread (which talks to the device) and
 * the server's threads (which answer the page). The page learns the state by asking for it; its requests become
 * {@link Action}s the command's thread takes one at a time. Nothing here ever holds the proof of possession, and a
 * password only from the page's request until the command takes it.
 */
final class PageState {

	private static final long WAIT_SLICE_MILLIS = 200;

	/** What the person asked for on the page. */
	sealed interface Action permits Connect, GiveUp {
	}

	/** Join {@code ssid} with {@code password} (empty for an open network). */
	record Connect(String ssid, Secret password) implements Action {
	}

	/** Stop here: the command ends with the last failure. */
	record GiveUp() implements Action {
	}

	enum Phase {
		/** the person picks a network and types its password */
		CHOOSE,
		/** the device works on the credentials */
		CONNECTING,
		/** the device joined (or applied the credentials and left) */
		CONNECTED,
		/** the attempt failed; {@link #retry} says whether the person may try again */
		FAILED,
		/** the flow ended without success (given up, timed out) */
		ENDED;

		String key() {
			return name().toLowerCase(java.util.Locale.ROOT);
		}
	}

	private final JsonObject device;
	private final JsonArray networks;
	private Phase phase = Phase.CHOOSE;
	private String ssid;
	private String progress;
	private String ip;
	private boolean confirmed;
	private String message;
	private String hint;
	private boolean retry;
	private boolean finished;
	private boolean finishSeen;
	private Action pending;

	PageState(String security, DeviceProtocolInfo info, List<WifiNetwork> scan) {
		device = new JsonObject();
		device.addProperty("security", security); //$NON-NLS-1$
		device.addProperty("proto_version", info.version()); //$NON-NLS-1$
		JsonArray capabilities = new JsonArray();
		info.capabilities().forEach(capabilities::add);
		device.add("capabilities", capabilities); //$NON-NLS-1$
		device.addProperty("rainmaker", Boolean.valueOf(info.rainmaker())); //$NON-NLS-1$
		networks = new JsonArray();
		for (WifiNetwork network : scan) {
			JsonObject entry = new JsonObject();
			entry.addProperty("ssid", network.ssid()); //$NON-NLS-1$
			entry.addProperty("rssi", Integer.valueOf(network.rssi())); //$NON-NLS-1$
			entry.addProperty("bars", Integer.valueOf(bars(network.rssi()))); //$NON-NLS-1$
			entry.addProperty("channel", Integer.valueOf(network.channel())); //$NON-NLS-1$
			entry.addProperty("secured", Boolean.valueOf(network.secured())); //$NON-NLS-1$
			networks.add(entry);
		}
	}

	/** @return 1 to 4 bars, as phones show a received signal strength */
	static int bars(int rssi) {
		if (rssi >= -55) {
			return 4;
		}
		if (rssi >= -67) {
			return 3;
		}
		return rssi >= -78 ? 2 : 1;
	}

	/** @return what the page shows now */
	synchronized JsonObject snapshot() {
		JsonObject state = new JsonObject();
		state.addProperty("phase", phase.key()); //$NON-NLS-1$
		state.add("device", device.deepCopy()); //$NON-NLS-1$
		state.add("networks", networks.deepCopy()); //$NON-NLS-1$
		state.addProperty("ssid", ssid); //$NON-NLS-1$
		state.addProperty("progress", progress); //$NON-NLS-1$
		state.addProperty("ip", ip); //$NON-NLS-1$
		state.addProperty("confirmed", Boolean.valueOf(confirmed)); //$NON-NLS-1$
		state.addProperty("message", message); //$NON-NLS-1$
		state.addProperty("hint", hint); //$NON-NLS-1$
		state.addProperty("retry", Boolean.valueOf(retry)); //$NON-NLS-1$
		state.addProperty("final", Boolean.valueOf(finished)); //$NON-NLS-1$
		return state;
	}

	/** The page has received {@code snapshot}: when it was the final one, the command may end. */
	synchronized void delivered(JsonObject snapshot) {
		if (snapshot.get("final").getAsBoolean()) { //$NON-NLS-1$
			finishSeen = true;
			notifyAll();
		}
	}

	/** @return whether the request is taken: only while the page waits for the person */
	synchronized boolean offer(Action action) {
		boolean waiting = phase == Phase.CHOOSE || phase == Phase.FAILED && retry;
		if (!waiting || pending != null) {
			if (action instanceof Connect connect) {
				connect.password().destroy();
			}
			return false;
		}
		pending = action;
		notifyAll();
		return true;
	}

	/**
	 * Waits for the person's next request.
	 *
	 * @throws OnrampException {@code TIMEOUT} at the deadline, {@code CANCELLED} when the monitor is cancelled
	 */
	synchronized Action next(Instant deadline, IProgressMonitor monitor) throws OnrampException {
		while (pending == null) {
			if (monitor.isCanceled()) {
				throw OnrampException.of(FailureReason.CANCELLED);
			}
			long left = Duration.between(Instant.now(), deadline).toMillis();
			if (left <= 0) {
				throw new OnrampException(FailureReason.TIMEOUT, Messages.Page_timedOut, Messages.Page_timedOutHint);
			}
			try {
				wait(Math.min(left, WAIT_SLICE_MILLIS));
			} catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				throw OnrampException.of(FailureReason.CANCELLED);
			}
		}
		Action action = pending;
		pending = null;
		return action;
	}

	synchronized void connecting(String network) {
		phase = Phase.CONNECTING;
		ssid = network;
		progress = null;
		message = null;
		hint = null;
		retry = false;
	}

	synchronized void progress(String text) {
		if (text != null && !text.isBlank()) {
			progress = text;
		}
	}

	synchronized void connected(ProtocommOutcome outcome) {
		phase = Phase.CONNECTED;
		ip = outcome.result().ipAddress().orElse(null);
		confirmed = outcome.confirmed();
		progress = null;
		finished = true;
		notifyAll();
	}

	/** @param again whether the person may correct the password or pick another network */
	synchronized void failed(OnrampException failure, boolean again) {
		phase = Phase.FAILED;
		message = failure.getMessage();
		hint = failure.hint().orElse(null);
		retry = again;
		progress = null;
		finished = !again;
		notifyAll();
	}

	synchronized void ended(String why, Optional<String> advice) {
		phase = Phase.ENDED;
		message = why;
		hint = advice.orElse(null);
		retry = false;
		progress = null;
		finished = true;
		notifyAll();
	}

	/** Waits, at most {@code limit}, for the page to have seen the final state, so the person sees how it ended. */
	synchronized void awaitFinishSeen(Duration limit) {
		Instant deadline = Instant.now().plus(limit);
		while (!finishSeen) {
			long left = Duration.between(Instant.now(), deadline).toMillis();
			if (left <= 0) {
				return;
			}
			try {
				wait(left);
			} catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				return;
			}
		}
	}

	synchronized boolean finished() {
		return finished;
	}
}
