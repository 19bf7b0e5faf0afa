/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.core.provisioning;

/**
 * The end of an apply: either the device reported {@code Connected} (with its address), or the connection to the
 * device dropped after the credentials were applied, which usually means it already joined the network and stopped
 * its provisioning service: the outcome is then unknown and has to be checked on the network.
 *
 * @param result    the network, address and scheme
 * @param confirmed {@code true} when the device reported Connected
 */
public record ProtocommOutcome(ProvisioningResult result, boolean confirmed) {
}
