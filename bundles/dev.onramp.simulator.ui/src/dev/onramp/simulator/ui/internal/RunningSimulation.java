/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.simulator.ui.internal;

import dev.onramp.core.Device;

/**
 * A simulated board that runs, as the Device Explorer lists it.
 *
 * @param board   what it simulates
 * @param device  the device as it was registered: its name and its endpoint on 127.0.0.1
 * @param address the address the scenarios reach it at ({@code rfc2217://127.0.0.1:PORT},
 *                {@code socket://127.0.0.1:PORT} or {@code 127.0.0.1:PORT})
 * @param server  stops the board and frees its port
 */
public record RunningSimulation(SimulatedBoard board, Device device, String address, AutoCloseable server) {
}
