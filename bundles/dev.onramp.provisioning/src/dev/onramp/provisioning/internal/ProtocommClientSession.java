/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.provisioning.internal;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.eclipse.core.runtime.ILog;
import org.eclipse.core.runtime.IProgressMonitor;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;

import dev.onramp.core.FailureReason;
import dev.onramp.core.OnrampException;
import dev.onramp.core.Secret;
import dev.onramp.core.provisioning.DeviceProtocolInfo;
import dev.onramp.core.provisioning.IProtocommSession;
import dev.onramp.core.provisioning.ProtocommOutcome;
import dev.onramp.core.provisioning.ProvisioningResult;
import dev.onramp.core.provisioning.WifiCredentials;
import dev.onramp.core.provisioning.WifiNetwork;
import dev.onramp.provisioning.internal.proto.Constants.Status;
import dev.onramp.provisioning.internal.proto.RMakerConfig.CmdSetUserMapping;
import dev.onramp.provisioning.internal.proto.RMakerConfig.RMakerConfigMsgType;
import dev.onramp.provisioning.internal.proto.RMakerConfig.RMakerConfigPayload;
import dev.onramp.provisioning.internal.proto.RMakerConfig.RMakerConfigStatus;
import dev.onramp.provisioning.internal.proto.WifiConfig.CmdApplyConfig;
import dev.onramp.provisioning.internal.proto.WifiConfig.CmdGetStatus;
import dev.onramp.provisioning.internal.proto.WifiConfig.CmdSetConfig;
import dev.onramp.provisioning.internal.proto.WifiConfig.RespGetStatus;
import dev.onramp.provisioning.internal.proto.WifiConfig.WiFiConfigMsgType;
import dev.onramp.provisioning.internal.proto.WifiConfig.WiFiConfigPayload;
import dev.onramp.provisioning.internal.proto.WifiConstants.WifiAuthMode;
import dev.onramp.provisioning.internal.proto.WifiConstants.WifiConnectFailedReason;
import dev.onramp.provisioning.internal.proto.WifiConstants.WifiStationState;
import dev.onramp.provisioning.internal.proto.WifiCtrl.CmdCtrlReset;
import dev.onramp.provisioning.internal.proto.WifiCtrl.WiFiCtrlMsgType;
import dev.onramp.provisioning.internal.proto.WifiCtrl.WiFiCtrlPayload;
import dev.onramp.provisioning.internal.proto.WifiScan.CmdScanResult;
import dev.onramp.provisioning.internal.proto.WifiScan.CmdScanStart;
import dev.onramp.provisioning.internal.proto.WifiScan.CmdScanStatus;
import dev.onramp.provisioning.internal.proto.WifiScan.RespScanStatus;
import dev.onramp.provisioning.internal.proto.WifiScan.WiFiScanMsgType;
import dev.onramp.provisioning.internal.proto.WifiScan.WiFiScanPayload;
import dev.onramp.provisioning.internal.proto.WifiScan.WiFiScanResult;

/** A secure protocomm session over any transport; endpoint messages go through the scheme's cipher. */
public class ProtocommClientSession implements IProtocommSession {

	/** How many scan entries one request reads: devices keep their answers small. */
	static final int SCAN_PAGE = 4;
	/** ESP-IDF's CONFIG_WIFI_PROV_SCAN_MAX_ENTRIES ranges from 1 to 255 (components/wifi_provisioning/Kconfig). */
	static final int MAX_SCAN_RESULTS = 255;
	private static final String NOT_ESP_IDF_SCAN = "The device's firmware is not answering as ESP-IDF provisioning does;" //$NON-NLS-1$
			+ " restart it in provisioning mode."; //$NON-NLS-1$
	private static final Duration POLL_INTERVAL = Duration.ofMillis(250);

	private final IProtocommTransport transport;
	private final ISecurityScheme security;
	private final DeviceProtocolInfo info;
	private final Deadline deadline;

	ProtocommClientSession(IProtocommTransport transport, ISecurityScheme security, DeviceProtocolInfo info,
			Deadline deadline) {
		this.transport = transport;
		this.security = security;
		this.info = info;
		this.deadline = deadline;
	}

	@Override
	public DeviceProtocolInfo protocolInfo() {
		return info;
	}

	@Override
	public String security() {
		return security.version();
	}

	@Override
	public byte[] exchange(String endpoint, byte[] request, IProgressMonitor monitor) throws OnrampException {
		checkCancelled(monitor);
		try {
			return call(endpoint, request);
		} catch (DeviceClosedException e) {
			throw closed(endpoint);
		}
	}

	private byte[] call(String endpoint, byte[] plaintext) throws OnrampException, DeviceClosedException {
		return security.decrypt(transport.exchange(endpoint, security.encrypt(plaintext)));
	}

	private OnrampException closed(String endpoint) {
		return new OnrampException(FailureReason.PROTOCOL_ERROR,
				"The device " + transport.where() + " closed the connection on /" + endpoint //$NON-NLS-1$ //$NON-NLS-2$
						+ " instead of answering: it rejected the request.", //$NON-NLS-1$
				"The device may have left provisioning mode or restarted; check it and run again."); //$NON-NLS-1$
	}

	@Override
	public List<WifiNetwork> scan(IProgressMonitor monitor) throws OnrampException {
		monitor.subTask("Asking the device to scan for Wi-Fi networks"); //$NON-NLS-1$
		WiFiScanPayload start = scanCall(WiFiScanPayload.newBuilder().setMsg(WiFiScanMsgType.TypeCmdScanStart)
				.setCmdScanStart(CmdScanStart.newBuilder().setBlocking(true).setPeriodMs(120)).build(), monitor);
		checkStatus(start.getStatus(), "prov-scan"); //$NON-NLS-1$
		RespScanStatus status;
		while (true) {
			WiFiScanPayload answer = scanCall(WiFiScanPayload.newBuilder().setMsg(WiFiScanMsgType.TypeCmdScanStatus)
					.setCmdScanStatus(CmdScanStatus.getDefaultInstance()).build(), monitor);
			checkStatus(answer.getStatus(), "prov-scan"); //$NON-NLS-1$
			status = answer.getRespScanStatus();
			if (status.getScanFinished()) {
				break;
			}
			pause(monitor);
		}
		List<WifiNetwork> networks = new ArrayList<>();
		// result_count is a uint32 on the wire; read as unsigned, a lying device could ask for billions of pages
		long total = Integer.toUnsignedLong(status.getResultCount());
		if (total > MAX_SCAN_RESULTS) {
			throw new OnrampException(FailureReason.PROTOCOL_ERROR, "The device " + transport.where() + " reported " //$NON-NLS-1$ //$NON-NLS-2$
					+ total + " Wi-Fi networks; ESP-IDF's provisioning keeps at most " + MAX_SCAN_RESULTS + ".", //$NON-NLS-1$ //$NON-NLS-2$
					NOT_ESP_IDF_SCAN);
		}
		for (int index = 0; index < total; index += SCAN_PAGE) {
			int count = (int) Math.min(SCAN_PAGE, total - index);
			WiFiScanPayload page = scanCall(WiFiScanPayload.newBuilder().setMsg(WiFiScanMsgType.TypeCmdScanResult)
					.setCmdScanResult(CmdScanResult.newBuilder().setStartIndex(index).setCount(count)).build(),
					monitor);
			checkStatus(page.getStatus(), "prov-scan"); //$NON-NLS-1$
			if (page.getRespScanResult().getEntriesCount() > count) {
				throw new OnrampException(FailureReason.PROTOCOL_ERROR, "The device " + transport.where() + " answered " //$NON-NLS-1$ //$NON-NLS-2$
						+ page.getRespScanResult().getEntriesCount() + " Wi-Fi networks when " + count + " were asked for.", //$NON-NLS-1$ //$NON-NLS-2$
						NOT_ESP_IDF_SCAN);
			}
			for (WiFiScanResult entry : page.getRespScanResult().getEntriesList()) {
				networks.add(new WifiNetwork(entry.getSsid().toString(StandardCharsets.UTF_8), entry.getRssi(),
						entry.getChannel(), entry.getAuth() != WifiAuthMode.Open));
			}
		}
		networks.sort(Comparator.comparingInt(WifiNetwork::rssi).reversed());
		return networks;
	}

	private WiFiScanPayload scanCall(WiFiScanPayload request, IProgressMonitor monitor) throws OnrampException {
		try {
			return WiFiScanPayload.parseFrom(exchange("prov-scan", request.toByteArray(), monitor)); //$NON-NLS-1$
		} catch (InvalidProtocolBufferException e) {
			throw Protocomm.malformed("prov-scan", e); //$NON-NLS-1$
		}
	}

	@Override
	public ProtocommOutcome provision(WifiCredentials credentials, IProgressMonitor monitor) throws OnrampException {
		if (currentState(monitor) == WifiStationState.ConnectionFailed) {
			// a previous run failed; the device accepts new credentials only after a reset
			resetAfterFailure(monitor);
		}
		monitor.subTask("Sending the Wi-Fi credentials for " + credentials.ssid()); //$NON-NLS-1$
		byte[] password = credentials.password().utf8();
		WiFiConfigPayload set;
		try {
			set = configCall(WiFiConfigPayload.newBuilder().setMsg(WiFiConfigMsgType.TypeCmdSetConfig)
					.setCmdSetConfig(CmdSetConfig.newBuilder().setSsid(ByteString.copyFromUtf8(credentials.ssid()))
							.setPassphrase(ByteString.copyFrom(password)))
					.build(), monitor);
		} finally {
			java.util.Arrays.fill(password, (byte) 0);
		}
		if (set.getRespSetConfig().getStatus() != Status.Success) {
			throw new OnrampException(FailureReason.PROTOCOL_ERROR,
					"The device refused the Wi-Fi configuration (status " + set.getRespSetConfig().getStatus() + ").", //$NON-NLS-1$ //$NON-NLS-2$
					"The device may already hold credentials from an earlier attempt; restart it in provisioning mode."); //$NON-NLS-1$
		}
		monitor.subTask("Applying the configuration"); //$NON-NLS-1$
		WiFiConfigPayload apply = configCall(WiFiConfigPayload.newBuilder().setMsg(WiFiConfigMsgType.TypeCmdApplyConfig)
				.setCmdApplyConfig(CmdApplyConfig.getDefaultInstance()).build(), monitor);
		if (apply.getRespApplyConfig().getStatus() != Status.Success) {
			throw new OnrampException(FailureReason.PROTOCOL_ERROR,
					"The device refused to apply the Wi-Fi configuration (status " //$NON-NLS-1$
							+ apply.getRespApplyConfig().getStatus() + ").", //$NON-NLS-1$
					"Restart the device in provisioning mode and try again."); //$NON-NLS-1$
		}
		return awaitOutcome(credentials.ssid(), monitor);
	}

	private ProtocommOutcome awaitOutcome(String ssid, IProgressMonitor monitor) throws OnrampException {
		monitor.subTask("Waiting for the device to join " + ssid); //$NON-NLS-1$
		while (true) {
			RespGetStatus status;
			try {
				status = getStatus(monitor);
			} catch (DeviceClosedException | TruncatedReplyException | ConnectionResetException e) {
				// the device stops its provisioning service soon after it joins: the outcome is unknown, not failed
				return unconfirmed(ssid);
			}
			switch (status.getStaState()) {
			case Connected:
				return new ProtocommOutcome(new ProvisioningResult(ssid,
						Optional.of(status.getConnected().getIp4Addr()).filter(ip -> !ip.isEmpty()), security.version()),
						true);
			case ConnectionFailed:
				throw failure(ssid, status.getFailReason());
			default:
				if (status.hasAttemptFailed()) {
					monitor.subTask("The device could not join " + ssid + " yet; " //$NON-NLS-1$ //$NON-NLS-2$
							+ status.getAttemptFailed().getAttemptsRemaining() + " attempts remaining"); //$NON-NLS-1$
				}
				pause(monitor);
			}
		}
	}

	private ProtocommOutcome unconfirmed(String ssid) {
		ILog.of(getClass()).info("The device " + transport.where() //$NON-NLS-1$
				+ " closed the provisioning connection after the credentials were applied; its outcome is unknown."); //$NON-NLS-1$
		return new ProtocommOutcome(new ProvisioningResult(ssid, Optional.empty(), security.version()), false);
	}

	private static OnrampException failure(String ssid, WifiConnectFailedReason reason) {
		if (reason == WifiConnectFailedReason.NetworkNotFound) {
			return new OnrampException(FailureReason.WIFI_NETWORK_NOT_FOUND,
					"The device cannot find the Wi-Fi network \"" + ssid + "\".", //$NON-NLS-1$ //$NON-NLS-2$
					"Check the name (it is case-sensitive), move the device closer, and make sure the network offers 2.4 GHz: most ESP32 chips cannot join 5 GHz networks. The device stays in provisioning mode: run again."); //$NON-NLS-1$
		}
		return new OnrampException(FailureReason.WIFI_AUTH_FAILED,
				"The Wi-Fi network \"" + ssid + "\" rejected the password.", //$NON-NLS-1$ //$NON-NLS-2$
				"Check the password and run again: the device stays in provisioning mode and Onramp resets its failed attempt, no factory reset needed."); //$NON-NLS-1$
	}

	private WifiStationState currentState(IProgressMonitor monitor) throws OnrampException {
		try {
			return getStatus(monitor).getStaState();
		} catch (DeviceClosedException e) {
			throw closed("prov-config"); //$NON-NLS-1$
		}
	}

	private RespGetStatus getStatus(IProgressMonitor monitor) throws OnrampException, DeviceClosedException {
		checkCancelled(monitor);
		byte[] request = WiFiConfigPayload.newBuilder().setMsg(WiFiConfigMsgType.TypeCmdGetStatus)
				.setCmdGetStatus(CmdGetStatus.getDefaultInstance()).build().toByteArray();
		try {
			RespGetStatus status = WiFiConfigPayload.parseFrom(call("prov-config", request)).getRespGetStatus(); //$NON-NLS-1$
			checkStatus(status.getStatus(), "prov-config"); //$NON-NLS-1$
			return status;
		} catch (InvalidProtocolBufferException e) {
			throw Protocomm.malformed("prov-config", e); //$NON-NLS-1$
		}
	}

	private WiFiConfigPayload configCall(WiFiConfigPayload request, IProgressMonitor monitor) throws OnrampException {
		try {
			return WiFiConfigPayload.parseFrom(exchange("prov-config", request.toByteArray(), monitor)); //$NON-NLS-1$
		} catch (InvalidProtocolBufferException e) {
			throw Protocomm.malformed("prov-config", e); //$NON-NLS-1$
		}
	}

	@Override
	public void resetAfterFailure(IProgressMonitor monitor) throws OnrampException {
		monitor.subTask("Resetting the device's failed attempt"); //$NON-NLS-1$
		WiFiCtrlPayload answer;
		try {
			answer = WiFiCtrlPayload.parseFrom(exchange("prov-ctrl", WiFiCtrlPayload.newBuilder() //$NON-NLS-1$
					.setMsg(WiFiCtrlMsgType.TypeCmdCtrlReset).setCmdCtrlReset(CmdCtrlReset.getDefaultInstance())
					.build().toByteArray(), monitor));
		} catch (InvalidProtocolBufferException e) {
			throw Protocomm.malformed("prov-ctrl", e); //$NON-NLS-1$
		}
		if (answer.getStatus() != Status.Success) {
			throw new OnrampException(FailureReason.PROTOCOL_ERROR,
					"The device refused the reset (status " + answer.getStatus() + ").", //$NON-NLS-1$ //$NON-NLS-2$
					"A device accepts a reset only after a failed attempt, and only if its firmware enables prov-ctrl; otherwise restart it in provisioning mode."); //$NON-NLS-1$
		}
	}

	@Override
	public String associateUser(String userId, Secret secretKey, IProgressMonitor monitor) throws OnrampException {
		monitor.subTask("Associating the node with the RainMaker user"); //$NON-NLS-1$
		RMakerConfigPayload request = RMakerConfigPayload.newBuilder().setMsg(RMakerConfigMsgType.TypeCmdSetUserMapping)
				.setCmdSetUserMapping(CmdSetUserMapping.newBuilder().setUserID(userId).setSecretKey(secretKey.reveal()))
				.build();
		RMakerConfigPayload answer;
		try {
			answer = RMakerConfigPayload.parseFrom(exchange("cloud_user_assoc", request.toByteArray(), monitor)); //$NON-NLS-1$
		} catch (InvalidProtocolBufferException e) {
			throw Protocomm.malformed("cloud_user_assoc", e); //$NON-NLS-1$
		}
		if (answer.getRespSetUserMapping().getStatus() != RMakerConfigStatus.Success) {
			throw new OnrampException(FailureReason.PROTOCOL_ERROR,
					"The device refused the RainMaker user association (" //$NON-NLS-1$
							+ answer.getRespSetUserMapping().getStatus() + ").", //$NON-NLS-1$
					"Check the user id and secret key from the RainMaker app or API."); //$NON-NLS-1$
		}
		return answer.getRespSetUserMapping().getNodeId();
	}

	private static void checkStatus(Status status, String endpoint) throws OnrampException {
		if (status != Status.Success) {
			throw new OnrampException(FailureReason.PROTOCOL_ERROR,
					"The device reported " + status + " on /" + endpoint + ".", //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
					"Restart the device in provisioning mode and try again."); //$NON-NLS-1$
		}
	}

	private void pause(IProgressMonitor monitor) throws OnrampException {
		checkCancelled(monitor);
		long millis = Math.min(POLL_INTERVAL.toMillis(), deadline.remainingMillis());
		try {
			Thread.sleep(millis);
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw OnrampException.of(FailureReason.CANCELLED);
		}
	}

	private static void checkCancelled(IProgressMonitor monitor) throws OnrampException {
		if (monitor.isCanceled()) {
			throw OnrampException.of(FailureReason.CANCELLED);
		}
	}

	@Override
	public void close() {
		transport.close();
	}
}
