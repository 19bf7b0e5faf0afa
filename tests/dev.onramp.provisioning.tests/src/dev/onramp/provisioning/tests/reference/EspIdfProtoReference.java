/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.provisioning.tests.reference;

/**
 * ESP-IDF's protocomm and Wi-Fi provisioning message definitions, field by field, transcribed by hand from ESP-IDF's
 * own {@code .proto} files (github.com/espressif/esp-idf) into one line per message, field and enum value. Each
 * block names the file and the commit it was read at. Nothing here comes from Onramp's copies of the definitions:
 * this is the independent side of {@link ProtoDefinitionsTest}.
 * <p>
 * Line forms: {@code message NAME}, {@code field MESSAGE NUMBER LABEL TYPE NAME [oneof ONEOF]} (TYPE is the scalar
 * type, or {@code enum:NAME} / {@code message:NAME}), {@code enum NAME VALUE=NUMBER}. Proto3 singular fields have the
 * label {@code optional}.
 */
final class EspIdfProtoReference {

	private EspIdfProtoReference() {
	}

	/** components/protocomm/proto/constants.proto at 6f1f41ff45a63f8d8b9b4f33174ed4bc1f4a29bb */
	static final String CONSTANTS = """
			enum Status Success=0
			enum Status InvalidSecScheme=1
			enum Status InvalidProto=2
			enum Status TooManySessions=3
			enum Status InvalidArgument=4
			enum Status InternalError=5
			enum Status CryptoError=6
			enum Status InvalidSession=7
			"""; //$NON-NLS-1$

	/** components/protocomm/proto/sec0.proto at b4d7670949e897ac24dc1a64204b06018b77dc33 */
	static final String SEC0 = """
			message S0SessionCmd
			message S0SessionResp
			field S0SessionResp 1 optional enum:Status status
			enum Sec0MsgType S0_Session_Command=0
			enum Sec0MsgType S0_Session_Response=1
			message Sec0Payload
			field Sec0Payload 1 optional enum:Sec0MsgType msg
			field Sec0Payload 20 optional message:S0SessionCmd sc oneof payload
			field Sec0Payload 21 optional message:S0SessionResp sr oneof payload
			"""; //$NON-NLS-1$

	/** components/protocomm/proto/sec1.proto at 6f1f41ff45a63f8d8b9b4f33174ed4bc1f4a29bb */
	static final String SEC1 = """
			message SessionCmd1
			field SessionCmd1 2 optional bytes client_verify_data
			message SessionResp1
			field SessionResp1 1 optional enum:Status status
			field SessionResp1 3 optional bytes device_verify_data
			message SessionCmd0
			field SessionCmd0 1 optional bytes client_pubkey
			message SessionResp0
			field SessionResp0 1 optional enum:Status status
			field SessionResp0 2 optional bytes device_pubkey
			field SessionResp0 3 optional bytes device_random
			enum Sec1MsgType Session_Command0=0
			enum Sec1MsgType Session_Response0=1
			enum Sec1MsgType Session_Command1=2
			enum Sec1MsgType Session_Response1=3
			message Sec1Payload
			field Sec1Payload 1 optional enum:Sec1MsgType msg
			field Sec1Payload 20 optional message:SessionCmd0 sc0 oneof payload
			field Sec1Payload 21 optional message:SessionResp0 sr0 oneof payload
			field Sec1Payload 22 optional message:SessionCmd1 sc1 oneof payload
			field Sec1Payload 23 optional message:SessionResp1 sr1 oneof payload
			"""; //$NON-NLS-1$

	/** components/protocomm/proto/sec2.proto at 456906dc1478f9bd1c4db25887e5ad550cbd10fb */
	static final String SEC2 = """
			enum Sec2MsgType S2Session_Command0=0
			enum Sec2MsgType S2Session_Response0=1
			enum Sec2MsgType S2Session_Command1=2
			enum Sec2MsgType S2Session_Response1=3
			message S2SessionCmd0
			field S2SessionCmd0 1 optional bytes client_username
			field S2SessionCmd0 2 optional bytes client_pubkey
			message S2SessionResp0
			field S2SessionResp0 1 optional enum:Status status
			field S2SessionResp0 2 optional bytes device_pubkey
			field S2SessionResp0 3 optional bytes device_salt
			message S2SessionCmd1
			field S2SessionCmd1 1 optional bytes client_proof
			message S2SessionResp1
			field S2SessionResp1 1 optional enum:Status status
			field S2SessionResp1 2 optional bytes device_proof
			field S2SessionResp1 3 optional bytes device_nonce
			message Sec2Payload
			field Sec2Payload 1 optional enum:Sec2MsgType msg
			field Sec2Payload 20 optional message:S2SessionCmd0 sc0 oneof payload
			field Sec2Payload 21 optional message:S2SessionResp0 sr0 oneof payload
			field Sec2Payload 22 optional message:S2SessionCmd1 sc1 oneof payload
			field Sec2Payload 23 optional message:S2SessionResp1 sr1 oneof payload
			"""; //$NON-NLS-1$

	/** components/protocomm/proto/session.proto at 6f1f41ff45a63f8d8b9b4f33174ed4bc1f4a29bb */
	static final String SESSION = """
			enum SecSchemeVersion SecScheme0=0
			enum SecSchemeVersion SecScheme1=1
			enum SecSchemeVersion SecScheme2=2
			message SessionData
			field SessionData 2 optional enum:SecSchemeVersion sec_ver
			field SessionData 10 optional message:Sec0Payload sec0 oneof proto
			field SessionData 11 optional message:Sec1Payload sec1 oneof proto
			field SessionData 12 optional message:Sec2Payload sec2 oneof proto
			"""; //$NON-NLS-1$

	/** components/wifi_provisioning/proto/wifi_constants.proto at 7576f17b2092eb3fdf717df68333a5ec6731479e */
	static final String WIFI_CONSTANTS = """
			enum WifiStationState Connected=0
			enum WifiStationState Connecting=1
			enum WifiStationState Disconnected=2
			enum WifiStationState ConnectionFailed=3
			enum WifiConnectFailedReason AuthError=0
			enum WifiConnectFailedReason NetworkNotFound=1
			message WifiAttemptFailed
			field WifiAttemptFailed 1 optional uint32 attempts_remaining
			enum WifiAuthMode Open=0
			enum WifiAuthMode WEP=1
			enum WifiAuthMode WPA_PSK=2
			enum WifiAuthMode WPA2_PSK=3
			enum WifiAuthMode WPA_WPA2_PSK=4
			enum WifiAuthMode WPA2_ENTERPRISE=5
			enum WifiAuthMode WPA3_PSK=6
			enum WifiAuthMode WPA2_WPA3_PSK=7
			message WifiConnectedState
			field WifiConnectedState 1 optional string ip4_addr
			field WifiConnectedState 2 optional enum:WifiAuthMode auth_mode
			field WifiConnectedState 3 optional bytes ssid
			field WifiConnectedState 4 optional bytes bssid
			field WifiConnectedState 5 optional int32 channel
			"""; //$NON-NLS-1$

	/** components/wifi_provisioning/proto/wifi_config.proto at 7576f17b2092eb3fdf717df68333a5ec6731479e */
	static final String WIFI_CONFIG = """
			message CmdGetStatus
			message RespGetStatus
			field RespGetStatus 1 optional enum:Status status
			field RespGetStatus 2 optional enum:WifiStationState sta_state
			field RespGetStatus 10 optional enum:WifiConnectFailedReason fail_reason oneof state
			field RespGetStatus 11 optional message:WifiConnectedState connected oneof state
			field RespGetStatus 12 optional message:WifiAttemptFailed attempt_failed oneof state
			message CmdSetConfig
			field CmdSetConfig 1 optional bytes ssid
			field CmdSetConfig 2 optional bytes passphrase
			field CmdSetConfig 3 optional bytes bssid
			field CmdSetConfig 4 optional int32 channel
			message RespSetConfig
			field RespSetConfig 1 optional enum:Status status
			message CmdApplyConfig
			message RespApplyConfig
			field RespApplyConfig 1 optional enum:Status status
			enum WiFiConfigMsgType TypeCmdGetStatus=0
			enum WiFiConfigMsgType TypeRespGetStatus=1
			enum WiFiConfigMsgType TypeCmdSetConfig=2
			enum WiFiConfigMsgType TypeRespSetConfig=3
			enum WiFiConfigMsgType TypeCmdApplyConfig=4
			enum WiFiConfigMsgType TypeRespApplyConfig=5
			message WiFiConfigPayload
			field WiFiConfigPayload 1 optional enum:WiFiConfigMsgType msg
			field WiFiConfigPayload 10 optional message:CmdGetStatus cmd_get_status oneof payload
			field WiFiConfigPayload 11 optional message:RespGetStatus resp_get_status oneof payload
			field WiFiConfigPayload 12 optional message:CmdSetConfig cmd_set_config oneof payload
			field WiFiConfigPayload 13 optional message:RespSetConfig resp_set_config oneof payload
			field WiFiConfigPayload 14 optional message:CmdApplyConfig cmd_apply_config oneof payload
			field WiFiConfigPayload 15 optional message:RespApplyConfig resp_apply_config oneof payload
			"""; //$NON-NLS-1$

	/** components/wifi_provisioning/proto/wifi_scan.proto at b4d7670949e897ac24dc1a64204b06018b77dc33 */
	static final String WIFI_SCAN = """
			message CmdScanStart
			field CmdScanStart 1 optional bool blocking
			field CmdScanStart 2 optional bool passive
			field CmdScanStart 3 optional uint32 group_channels
			field CmdScanStart 4 optional uint32 period_ms
			message RespScanStart
			message CmdScanStatus
			message RespScanStatus
			field RespScanStatus 1 optional bool scan_finished
			field RespScanStatus 2 optional uint32 result_count
			message CmdScanResult
			field CmdScanResult 1 optional uint32 start_index
			field CmdScanResult 2 optional uint32 count
			message WiFiScanResult
			field WiFiScanResult 1 optional bytes ssid
			field WiFiScanResult 2 optional uint32 channel
			field WiFiScanResult 3 optional int32 rssi
			field WiFiScanResult 4 optional bytes bssid
			field WiFiScanResult 5 optional enum:WifiAuthMode auth
			message RespScanResult
			field RespScanResult 1 repeated message:WiFiScanResult entries
			enum WiFiScanMsgType TypeCmdScanStart=0
			enum WiFiScanMsgType TypeRespScanStart=1
			enum WiFiScanMsgType TypeCmdScanStatus=2
			enum WiFiScanMsgType TypeRespScanStatus=3
			enum WiFiScanMsgType TypeCmdScanResult=4
			enum WiFiScanMsgType TypeRespScanResult=5
			message WiFiScanPayload
			field WiFiScanPayload 1 optional enum:WiFiScanMsgType msg
			field WiFiScanPayload 2 optional enum:Status status
			field WiFiScanPayload 10 optional message:CmdScanStart cmd_scan_start oneof payload
			field WiFiScanPayload 11 optional message:RespScanStart resp_scan_start oneof payload
			field WiFiScanPayload 12 optional message:CmdScanStatus cmd_scan_status oneof payload
			field WiFiScanPayload 13 optional message:RespScanStatus resp_scan_status oneof payload
			field WiFiScanPayload 14 optional message:CmdScanResult cmd_scan_result oneof payload
			field WiFiScanPayload 15 optional message:RespScanResult resp_scan_result oneof payload
			"""; //$NON-NLS-1$

	/** components/wifi_provisioning/proto/wifi_ctrl.proto at b7de443aaab54c5d031ebe9f792c32097f736df9 */
	static final String WIFI_CTRL = """
			message CmdCtrlReset
			message RespCtrlReset
			message CmdCtrlReprov
			message RespCtrlReprov
			enum WiFiCtrlMsgType TypeCtrlReserved=0
			enum WiFiCtrlMsgType TypeCmdCtrlReset=1
			enum WiFiCtrlMsgType TypeRespCtrlReset=2
			enum WiFiCtrlMsgType TypeCmdCtrlReprov=3
			enum WiFiCtrlMsgType TypeRespCtrlReprov=4
			message WiFiCtrlPayload
			field WiFiCtrlPayload 1 optional enum:WiFiCtrlMsgType msg
			field WiFiCtrlPayload 2 optional enum:Status status
			field WiFiCtrlPayload 11 optional message:CmdCtrlReset cmd_ctrl_reset oneof payload
			field WiFiCtrlPayload 12 optional message:RespCtrlReset resp_ctrl_reset oneof payload
			field WiFiCtrlPayload 13 optional message:CmdCtrlReprov cmd_ctrl_reprov oneof payload
			field WiFiCtrlPayload 14 optional message:RespCtrlReprov resp_ctrl_reprov oneof payload
			"""; //$NON-NLS-1$
}
