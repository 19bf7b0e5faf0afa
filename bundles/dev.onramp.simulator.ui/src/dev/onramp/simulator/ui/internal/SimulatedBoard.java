/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.simulator.ui.internal;

import dev.onramp.core.DeviceKind;

/** The boards a user can start from the Device Explorer's menu: the firmware each one stands in for. */
public enum SimulatedBoard {
	/** MicroPython with pyDirect's scripts and settings module, its USB serial port shared over RFC 2217. */
	PYDIRECT(DeviceKind.PYDIRECT),
	/** A board that speaks Improv Wi-Fi on a serial line over TCP. */
	IMPROV(DeviceKind.IMPROV),
	/** An ESP-IDF device in unified provisioning mode: protocomm over HTTP, security 2 with a proof of possession. */
	ESP_IDF_PROVISIONING(DeviceKind.ESP_IDF_PROVISIONING);

	private final DeviceKind kind;

	SimulatedBoard(DeviceKind kind) {
		this.kind = kind;
	}

	/** @return what the registry (and with it the Device Explorer and the scenarios) takes the board for */
	public DeviceKind kind() {
		return kind;
	}

	/** @return the short name of the board, for the dialog and the Device Explorer */
	public String label() {
		return switch (this) {
		case PYDIRECT -> Messages.SimulatedBoard_pyDirect;
		case IMPROV -> Messages.SimulatedBoard_improv;
		case ESP_IDF_PROVISIONING -> Messages.SimulatedBoard_espIdf;
		};
	}

	/** @return a line that says what the board runs and which scenarios fit it */
	public String description() {
		return switch (this) {
		case PYDIRECT -> Messages.SimulatedBoard_pyDirect_description;
		case IMPROV -> Messages.SimulatedBoard_improv_description;
		case ESP_IDF_PROVISIONING -> Messages.SimulatedBoard_espIdf_description;
		};
	}
}
