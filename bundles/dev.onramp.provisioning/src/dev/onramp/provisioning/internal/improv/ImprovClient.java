/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.provisioning.internal.improv;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.eclipse.core.runtime.IProgressMonitor;

import dev.onramp.core.FailureReason;
import dev.onramp.core.OnrampException;
import dev.onramp.core.provisioning.WifiCredentials;
import dev.onramp.core.provisioning.WifiNetwork;
import dev.onramp.core.serial.IByteChannel;
import dev.onramp.provisioning.internal.Deadline;

/** Improv Wi-Fi over a serial line (improv-wifi.com/serial): state, device info, scan, Wi-Fi settings. */
public class ImprovClient {

	public static final int RPC_SEND_WIFI = 0x01;
	public static final int RPC_REQUEST_STATE = 0x02;
	public static final int RPC_DEVICE_INFO = 0x03;
	public static final int RPC_SCAN = 0x04;
	public static final int RPC_HOSTNAME = 0x05;
	public static final int RPC_DEVICE_NAME = 0x06;

	public static final int STATE_AWAITING_AUTHORIZATION = 0x01;
	public static final int STATE_AUTHORIZED = 0x02;
	public static final int STATE_PROVISIONING = 0x03;
	public static final int STATE_PROVISIONED = 0x04;

	public static final int ERROR_NONE = 0x00;
	public static final int ERROR_UNKNOWN_RPC = 0x02;
	public static final int ERROR_UNABLE_TO_CONNECT = 0x03;
	public static final int ERROR_NOT_AUTHORIZED = 0x04;

	/** Per-phase bounds: a quick answer to a question, but a connection attempt may take ~30 s to fail. */
	private final Duration answerTimeout;
	private final Duration connectTimeout;
	private final IByteChannel channel;
	private final ImprovFrameReader reader;

	public ImprovClient(IByteChannel channel, Duration answerTimeout, Duration connectTimeout) {
		this.channel = channel;
		this.reader = new ImprovFrameReader(channel);
		this.answerTimeout = answerTimeout;
		this.connectTimeout = connectTimeout;
	}

	/** The outcome of sending Wi-Fi settings: the URL the device reports, if any. */
	public record Provisioned(Optional<String> url) {
	}

	/** @return the current state (0x01..0x04) */
	public int requestState() throws OnrampException {
		send(ImprovFrame.rpc(RPC_REQUEST_STATE, new byte[0]));
		Deadline deadline = Deadline.in(answerTimeout);
		while (true) {
			ImprovFrame frame = next(deadline, "the state request"); //$NON-NLS-1$
			if (frame.type() == ImprovFrame.TYPE_CURRENT_STATE && frame.data().length > 0) {
				return frame.data()[0] & 0xff;
			}
			checkError(frame, null);
		}
	}

	/** @return firmware, version, chip, device name (and OS name, OS version when the device sends them) */
	public List<String> deviceInfo() throws OnrampException {
		return singleResult(RPC_DEVICE_INFO, new byte[0]);
	}

	/**
	 * Asks for the hostname (RPC 0x05 without a payload, which reads it).
	 *
	 * @return the hostname, or empty when the firmware answers that it does not know the command
	 */
	public Optional<String> hostname() throws OnrampException {
		send(ImprovFrame.rpc(RPC_HOSTNAME, new byte[0]));
		Deadline deadline = Deadline.in(answerTimeout);
		while (true) {
			ImprovFrame frame = next(deadline, "the hostname request"); //$NON-NLS-1$
			if (frame.type() == ImprovFrame.TYPE_RPC_RESULT && frame.command() == RPC_HOSTNAME) {
				List<String> values = frame.resultStrings();
				return values.isEmpty() || values.get(0).isBlank() ? Optional.empty() : Optional.of(values.get(0));
			}
			if (frame.type() == ImprovFrame.TYPE_ERROR_STATE && frame.data().length > 0
					&& (frame.data()[0] & 0xff) == ERROR_UNKNOWN_RPC) {
				return Optional.empty();
			}
			checkError(frame, null);
		}
	}

	public List<WifiNetwork> scan(IProgressMonitor monitor) throws OnrampException {
		monitor.subTask("Asking the device to scan for Wi-Fi networks"); //$NON-NLS-1$
		send(ImprovFrame.rpc(RPC_SCAN, new byte[0]));
		Deadline deadline = Deadline.in(connectTimeout);
		List<WifiNetwork> networks = new ArrayList<>();
		while (true) {
			ImprovFrame frame = next(deadline, "the scan"); //$NON-NLS-1$
			if (frame.type() == ImprovFrame.TYPE_RPC_RESULT && frame.command() == RPC_SCAN) {
				List<String> values = frame.resultStrings();
				if (values.isEmpty()) {
					break;
				}
				if (values.size() >= 3) {
					networks.add(new WifiNetwork(values.get(0), parseInt(values.get(1)), 0,
							"YES".equalsIgnoreCase(values.get(2)))); //$NON-NLS-1$
				}
			} else {
				checkError(frame, null);
			}
		}
		networks.sort((a, b) -> Integer.compare(b.rssi(), a.rssi()));
		return networks;
	}

	private static int parseInt(String text) {
		try {
			return Integer.parseInt(text.trim());
		} catch (NumberFormatException e) {
			return 0;
		}
	}

	/**
	 * Sends the credentials and waits for the device to report provisioned (with its URL) or an error.
	 *
	 * @throws OnrampException {@code WIFI_AUTH_FAILED}/{@code WIFI_NETWORK_NOT_FOUND} ("unable to connect" is told
	 *                         apart with a scan), {@code HANDSHAKE_REJECTED} when the device wants authorization
	 */
	public Provisioned sendWifi(WifiCredentials credentials, IProgressMonitor monitor) throws OnrampException {
		byte[] ssid = credentials.ssid().getBytes(StandardCharsets.UTF_8);
		byte[] password = credentials.password().utf8();
		byte[] payload = ImprovFrame.strings(ssid, password);
		Arrays.fill(password, (byte) 0);
		if (payload.length > 253) {
			throw new OnrampException(FailureReason.USAGE, "The SSID and password are too long for Improv.", //$NON-NLS-1$
					"Improv carries at most 253 bytes of SSID and password together."); //$NON-NLS-1$
		}
		monitor.subTask("Sending the Wi-Fi settings for " + credentials.ssid()); //$NON-NLS-1$
		ImprovFrame frame = ImprovFrame.rpc(RPC_SEND_WIFI, payload);
		send(frame);
		Arrays.fill(payload, (byte) 0);
		Arrays.fill(frame.data(), (byte) 0);
		Deadline deadline = Deadline.in(connectTimeout);
		boolean provisioned = false;
		while (true) {
			ImprovFrame answer = next(deadline, "the Wi-Fi connection"); //$NON-NLS-1$
			if (answer.type() == ImprovFrame.TYPE_CURRENT_STATE && answer.data().length > 0) {
				int state = answer.data()[0] & 0xff;
				if (state == STATE_PROVISIONING) {
					monitor.subTask("The device is joining " + credentials.ssid()); //$NON-NLS-1$
				} else if (state == STATE_PROVISIONED) {
					provisioned = true;
				}
			} else if (answer.type() == ImprovFrame.TYPE_RPC_RESULT && answer.command() == RPC_SEND_WIFI) {
				List<String> urls = answer.resultStrings();
				return new Provisioned(urls.isEmpty() ? Optional.empty() : Optional.of(urls.get(0)));
			} else if (answer.type() == ImprovFrame.TYPE_ERROR_STATE && answer.data().length > 0
					&& (answer.data()[0] & 0xff) == ERROR_UNABLE_TO_CONNECT) {
				throw connectFailure(credentials.ssid(), monitor);
			} else {
				checkError(answer, null);
			}
			if (provisioned && deadline.expired()) {
				return new Provisioned(Optional.empty());
			}
		}
	}

	private OnrampException connectFailure(String ssid, IProgressMonitor monitor) {
		// Improv has one error for both causes: the device's own scan tells them apart
		boolean visible = true;
		try {
			visible = scan(monitor).stream().anyMatch(n -> n.ssid().equals(ssid));
		} catch (OnrampException e) {
			// keep the more likely reading: a wrong password
		}
		if (!visible) {
			return new OnrampException(FailureReason.WIFI_NETWORK_NOT_FOUND,
					"The device could not connect to \"" + ssid + "\" and does not see it in its scan.", //$NON-NLS-1$ //$NON-NLS-2$
					"Check the name (it is case-sensitive), move the device closer, and make sure the network offers 2.4 GHz: most ESP32 chips cannot join 5 GHz networks."); //$NON-NLS-1$
		}
		return new OnrampException(FailureReason.WIFI_AUTH_FAILED,
				"The device sees \"" + ssid + "\" but could not connect to it: the password was most likely rejected.", //$NON-NLS-1$ //$NON-NLS-2$
				"Check the password and run again; the device stays ready for new settings."); //$NON-NLS-1$
	}

	private List<String> singleResult(int command, byte[] payload) throws OnrampException {
		send(ImprovFrame.rpc(command, payload));
		Deadline deadline = Deadline.in(answerTimeout);
		while (true) {
			ImprovFrame frame = next(deadline, "RPC " + command); //$NON-NLS-1$
			if (frame.type() == ImprovFrame.TYPE_RPC_RESULT && frame.command() == command) {
				return frame.resultStrings();
			}
			checkError(frame, null);
		}
	}

	private void checkError(ImprovFrame frame, String ssid) throws OnrampException {
		if (frame.type() != ImprovFrame.TYPE_ERROR_STATE || frame.data().length == 0) {
			return;
		}
		int error = frame.data()[0] & 0xff;
		switch (error) {
		case ERROR_NONE:
			return;
		case ERROR_NOT_AUTHORIZED:
			throw new OnrampException(FailureReason.HANDSHAKE_REJECTED, "The device wants authorization first.", //$NON-NLS-1$
					"Press the device's button (or confirm on it) to authorize, then run again."); //$NON-NLS-1$
		default:
			throw new OnrampException(FailureReason.PROTOCOL_ERROR,
					"The device reported Improv error 0x" + Integer.toHexString(error) //$NON-NLS-1$
							+ (ssid == null ? "" : " for " + ssid) + ".", //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
					"Check that the firmware supports this Improv command."); //$NON-NLS-1$
		}
	}

	private ImprovFrame next(Deadline deadline, String what) throws OnrampException {
		ImprovFrame frame = reader.next(deadline);
		if (frame == null) {
			throw new OnrampException(FailureReason.TIMEOUT,
					"The device on " + channel.name() + " did not answer " + what + " within " //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
							+ deadline.totalText() + ".", //$NON-NLS-1$
					reader.corrupted() > 0 ? "Frames with bad checksums arrived: check the baud rate and the cable." //$NON-NLS-1$
							: "Check that the device runs Improv-capable firmware and that no serial monitor holds the port."); //$NON-NLS-1$
		}
		return frame;
	}

	private void send(ImprovFrame frame) throws OnrampException {
		channel.write(frame.encode());
	}
}
