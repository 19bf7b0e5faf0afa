/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.simulator.protocomm;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;

import dev.onramp.simulator.internal.proto.Constants.Status;
import dev.onramp.simulator.internal.proto.RMakerConfig.RMakerConfigMsgType;
import dev.onramp.simulator.internal.proto.RMakerConfig.RMakerConfigPayload;
import dev.onramp.simulator.internal.proto.RMakerConfig.RMakerConfigStatus;
import dev.onramp.simulator.internal.proto.RMakerConfig.RespSetUserMapping;
import dev.onramp.simulator.internal.proto.WifiConfig.RespApplyConfig;
import dev.onramp.simulator.internal.proto.WifiConfig.RespGetStatus;
import dev.onramp.simulator.internal.proto.WifiConfig.RespSetConfig;
import dev.onramp.simulator.internal.proto.WifiConfig.WiFiConfigMsgType;
import dev.onramp.simulator.internal.proto.WifiConfig.WiFiConfigPayload;
import dev.onramp.simulator.internal.proto.WifiConstants.WifiAttemptFailed;
import dev.onramp.simulator.internal.proto.WifiConstants.WifiAuthMode;
import dev.onramp.simulator.internal.proto.WifiConstants.WifiConnectFailedReason;
import dev.onramp.simulator.internal.proto.WifiConstants.WifiConnectedState;
import dev.onramp.simulator.internal.proto.WifiConstants.WifiStationState;
import dev.onramp.simulator.internal.proto.WifiCtrl.RespCtrlReset;
import dev.onramp.simulator.internal.proto.WifiCtrl.WiFiCtrlMsgType;
import dev.onramp.simulator.internal.proto.WifiCtrl.WiFiCtrlPayload;
import dev.onramp.simulator.internal.proto.WifiScan.RespScanResult;
import dev.onramp.simulator.internal.proto.WifiScan.RespScanStart;
import dev.onramp.simulator.internal.proto.WifiScan.RespScanStatus;
import dev.onramp.simulator.internal.proto.WifiScan.WiFiScanMsgType;
import dev.onramp.simulator.internal.proto.WifiScan.WiFiScanPayload;
import dev.onramp.simulator.internal.proto.WifiScan.WiFiScanResult;

/**
 * The Wi-Fi side of the simulated firmware: scan list, station state machine (one step per status poll, so tests
 * need no clocks), prov-ctrl reset, RainMaker association. Callers synchronise on the device.
 */
class DeviceWifi {

	enum Phase {
		IDLE, CONFIGURED, APPLYING, CONNECTED, FAILED
	}

	/** A device holds at most this many scan entries per answer. */
	static final int MAX_PAGE = 4;

	private final ProtocommDeviceConfig config;
	private final List<WiFiScanResult> visible = new ArrayList<>();
	private Phase phase = Phase.IDLE;
	private String ssid;
	private String password;
	private int polls;
	private boolean scanned;
	private WifiConnectFailedReason failReason;
	private int resets;
	private String associatedUser;
	private String lastReceivedSsid;

	DeviceWifi(ProtocommDeviceConfig config) {
		this.config = config;
		int channel = 1;
		for (String known : config.knownNetworks().keySet()) {
			if (config.hiddenNetworks().contains(known)) {
				continue;
			}
			visible.add(entry(known, -40 - visible.size(), channel++, WifiAuthMode.WPA2_PSK));
		}
		for (int i = 0; i < config.extraVisibleNetworks(); i++) {
			visible.add(entry(String.format("Neighbour-%02d", Integer.valueOf(i)), -50 - i, 1 + i % 13, //$NON-NLS-1$
					i % 5 == 0 ? WifiAuthMode.Open : WifiAuthMode.WPA2_PSK));
		}
	}

	private static WiFiScanResult entry(String name, int rssi, int channel, WifiAuthMode auth) {
		return WiFiScanResult.newBuilder().setSsid(ByteString.copyFromUtf8(name)).setRssi(rssi).setChannel(channel)
				.setAuth(auth).setBssid(ByteString.copyFrom(new byte[] { 0x24, 0x0a, (byte) 0xc4, 0, 0, (byte) channel }))
				.build();
	}

	/** @return true when the device just reported Connected (the caller schedules the service's end) */
	boolean reportedConnected;

	/** Runs when a scan starts, before its results exist: the radio's scan time. */
	Runnable scanning = () -> {
		// instant
	};

	byte[] scan(byte[] request) throws InvalidProtocolBufferException {
		WiFiScanPayload in = WiFiScanPayload.parseFrom(request);
		WiFiScanPayload.Builder out = WiFiScanPayload.newBuilder().setStatus(Status.Success);
		switch (in.getMsg()) {
		case TypeCmdScanStart -> {
			scanning.run();
			scanned = true;
			out.setMsg(WiFiScanMsgType.TypeRespScanStart).setRespScanStart(RespScanStart.getDefaultInstance());
		}
		case TypeCmdScanStatus -> out.setMsg(WiFiScanMsgType.TypeRespScanStatus).setRespScanStatus(
				RespScanStatus.newBuilder().setScanFinished(scanned).setResultCount(scanned ? visible.size() : 0));
		case TypeCmdScanResult -> {
			int start = in.getCmdScanResult().getStartIndex();
			int count = in.getCmdScanResult().getCount();
			if (!scanned || start + count > visible.size() || count > MAX_PAGE) {
				out.setStatus(Status.InvalidArgument);
			}
			RespScanResult.Builder page = RespScanResult.newBuilder();
			if (out.getStatus() == Status.Success) {
				page.addAllEntries(visible.subList(start, start + count));
			}
			out.setMsg(WiFiScanMsgType.TypeRespScanResult).setRespScanResult(page);
		}
		default -> out.setStatus(Status.InvalidArgument);
		}
		return out.build().toByteArray();
	}

	byte[] config(byte[] request) throws InvalidProtocolBufferException {
		WiFiConfigPayload in = WiFiConfigPayload.parseFrom(request);
		WiFiConfigPayload.Builder out = WiFiConfigPayload.newBuilder();
		switch (in.getMsg()) {
		case TypeCmdSetConfig -> {
			Status status = Status.Success;
			if (phase == Phase.IDLE || phase == Phase.CONFIGURED) {
				ssid = in.getCmdSetConfig().getSsid().toString(StandardCharsets.UTF_8);
				password = in.getCmdSetConfig().getPassphrase().toString(StandardCharsets.UTF_8);
				lastReceivedSsid = ssid;
				phase = Phase.CONFIGURED;
			} else {
				status = Status.InternalError;
			}
			out.setMsg(WiFiConfigMsgType.TypeRespSetConfig).setRespSetConfig(RespSetConfig.newBuilder().setStatus(status));
		}
		case TypeCmdApplyConfig -> {
			Status status = Status.Success;
			if (phase == Phase.CONFIGURED) {
				phase = Phase.APPLYING;
				polls = 0;
				String known = config.knownNetworks().get(ssid);
				failReason = known == null ? WifiConnectFailedReason.NetworkNotFound
						: known.equals(password) ? null : WifiConnectFailedReason.AuthError;
			} else {
				status = Status.InternalError;
			}
			out.setMsg(WiFiConfigMsgType.TypeRespApplyConfig)
					.setRespApplyConfig(RespApplyConfig.newBuilder().setStatus(status));
		}
		case TypeCmdGetStatus -> out.setMsg(WiFiConfigMsgType.TypeRespGetStatus).setRespGetStatus(status());
		default -> throw new InvalidProtocolBufferException("unexpected prov-config message"); //$NON-NLS-1$
		}
		return out.build().toByteArray();
	}

	private RespGetStatus status() {
		RespGetStatus.Builder status = RespGetStatus.newBuilder().setStatus(Status.Success);
		if (phase == Phase.APPLYING) {
			polls++;
			if (failReason == null && polls >= 2) {
				phase = Phase.CONNECTED;
				reportedConnected = true;
			} else if (failReason != null && polls > config.attempts()) {
				phase = Phase.FAILED;
			} else {
				status.setStaState(WifiStationState.Connecting);
				if (failReason != null && polls > 1) {
					status.setAttemptFailed(
							WifiAttemptFailed.newBuilder().setAttemptsRemaining(config.attempts() - polls + 1));
				}
				return status.build();
			}
		}
		return switch (phase) {
		case CONNECTED -> status.setStaState(WifiStationState.Connected)
				.setConnected(WifiConnectedState.newBuilder().setIp4Addr(config.ipAddress())
						.setAuthMode(WifiAuthMode.WPA2_PSK).setSsid(ByteString.copyFromUtf8(ssid)).setChannel(1))
				.build();
		case FAILED -> status.setStaState(WifiStationState.ConnectionFailed).setFailReason(failReason).build();
		default -> status.setStaState(WifiStationState.Disconnected).build();
		};
	}

	byte[] ctrl(byte[] request) throws InvalidProtocolBufferException {
		WiFiCtrlPayload in = WiFiCtrlPayload.parseFrom(request);
		if (in.getMsg() != WiFiCtrlMsgType.TypeCmdCtrlReset) {
			return WiFiCtrlPayload.newBuilder().setMsg(WiFiCtrlMsgType.TypeRespCtrlReprov)
					.setStatus(Status.InvalidArgument).build().toByteArray();
		}
		Status status = Status.InternalError;
		if (phase == Phase.FAILED) {
			// like wifi_prov_mgr_reset_sm_state_on_failure(): back to accepting credentials
			phase = Phase.IDLE;
			ssid = null;
			password = null;
			resets++;
			status = Status.Success;
		}
		return WiFiCtrlPayload.newBuilder().setMsg(WiFiCtrlMsgType.TypeRespCtrlReset).setStatus(status)
				.setRespCtrlReset(RespCtrlReset.getDefaultInstance()).build().toByteArray();
	}

	byte[] associate(byte[] request) throws InvalidProtocolBufferException {
		RMakerConfigPayload in = RMakerConfigPayload.parseFrom(request);
		RMakerConfigStatus status = RMakerConfigStatus.Success;
		if (in.getMsg() != RMakerConfigMsgType.TypeCmdSetUserMapping
				|| in.getCmdSetUserMapping().getUserID().isEmpty()
				|| in.getCmdSetUserMapping().getSecretKey().isEmpty()) {
			status = RMakerConfigStatus.InvalidParam;
		} else {
			associatedUser = in.getCmdSetUserMapping().getUserID();
		}
		return RMakerConfigPayload.newBuilder().setMsg(RMakerConfigMsgType.TypeRespSetUserMapping)
				.setRespSetUserMapping(RespSetUserMapping.newBuilder().setStatus(status)
						.setNodeId(status == RMakerConfigStatus.Success ? config.nodeId().orElse("") : "")) //$NON-NLS-1$ //$NON-NLS-2$
				.build().toByteArray();
	}

	int visibleCount() {
		return visible.size();
	}

	int resets() {
		return resets;
	}

	String associatedUser() {
		return associatedUser;
	}

	String lastReceivedSsid() {
		return lastReceivedSsid;
	}

	Phase phase() {
		return phase;
	}
}
