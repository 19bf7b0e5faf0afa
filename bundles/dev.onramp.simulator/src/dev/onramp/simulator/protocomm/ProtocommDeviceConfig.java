/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.simulator.protocomm;

import java.time.Duration;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * How a simulated ESP-IDF provisioning device behaves. Build with {@link #builder()}.
 *
 * @param security               0, 1 or 2
 * @param patchVersion           security 2 patch level (1 and above advance the GCM nonce)
 * @param pop                    proof of possession (security 1 and 2); empty for security 1 without PoP
 * @param username               security 2 username
 * @param salt                   security 2 salt; empty = random
 * @param verifier               security 2 verifier; empty = computed from username and PoP
 * @param knownNetworks          networks the device can join, SSID to password
 * @param extraVisibleNetworks   how many further networks the scan shows (not joinable)
 * @param attempts               connection attempts before a failure is reported
 * @param nodeId                 RainMaker node id; present = the {@code cloud_user_assoc} endpoint exists
 * @param silent                 accepts connections and reads requests but never answers
 * @param dropAfterApply         closes the connection and stops right after ApplyConfig
 * @param stopAfterConnected     how long the service lives after reporting Connected
 * @param ipAddress              the address reported on Connected
 * @param replyFault             answers every request with a broken HTTP reply, then closes
 * @param hiddenNetworks         known networks that do not broadcast their name: joinable, absent from the scan
 */
public record ProtocommDeviceConfig(int security, int patchVersion, Optional<String> pop, String username,
		Optional<byte[]> salt, Optional<byte[]> verifier, Map<String, String> knownNetworks, int extraVisibleNetworks,
		int attempts, Optional<String> nodeId, boolean silent, boolean dropAfterApply, Duration stopAfterConnected,
		String ipAddress, ReplyFault replyFault, Set<String> hiddenNetworks) {

	/** Broken answers, as a misbehaving device or a captive portal in between would give. */
	public enum ReplyFault {
		NONE, NOT_HTTP, TRUNCATED_BODY
	}

	public ProtocommDeviceConfig {
		// the order is the scan order: keep it
		knownNetworks = Collections.unmodifiableMap(new LinkedHashMap<>(knownNetworks));
		hiddenNetworks = Set.copyOf(hiddenNetworks);
	}

	public static Builder builder() {
		return new Builder();
	}

	/** Builds a configuration; defaults: security 2 patch 1, {@code wifiprov}/{@code abcd1234}, 20 networks. */
	public static final class Builder {
		private int security = 2;
		private int patchVersion = 1;
		private String pop = "abcd1234"; //$NON-NLS-1$
		private String username = "wifiprov"; //$NON-NLS-1$
		private byte[] salt;
		private byte[] verifier;
		private final Map<String, String> networks = new LinkedHashMap<>();
		private final Set<String> hidden = new HashSet<>();
		private int extraVisibleNetworks = 18;
		private int attempts = 3;
		private String nodeId;
		private boolean silent;
		private boolean dropAfterApply;
		private Duration stopAfterConnected = Duration.ofSeconds(1);
		private String ipAddress = "192.168.1.77"; //$NON-NLS-1$
		private ReplyFault replyFault = ReplyFault.NONE;

		public Builder replyFault(ReplyFault value) {
			replyFault = value;
			return this;
		}

		public Builder security(int value) {
			security = value;
			return this;
		}

		public Builder patchVersion(int value) {
			patchVersion = value;
			return this;
		}

		/** @param value {@code null} for security 1 without a proof of possession */
		public Builder pop(String value) {
			pop = value;
			return this;
		}

		public Builder username(String value) {
			username = value;
			return this;
		}

		public Builder saltAndVerifier(byte[] saltValue, byte[] verifierValue) {
			salt = saltValue.clone();
			verifier = verifierValue.clone();
			return this;
		}

		public Builder network(String ssid, String password) {
			networks.put(ssid, password);
			return this;
		}

		/** A network the device can join that its scan does not show (it does not broadcast its name). */
		public Builder hiddenNetwork(String ssid, String password) {
			networks.put(ssid, password);
			hidden.add(ssid);
			return this;
		}

		public Builder extraVisibleNetworks(int value) {
			extraVisibleNetworks = value;
			return this;
		}

		public Builder attempts(int value) {
			attempts = value;
			return this;
		}

		public Builder rainmakerNodeId(String value) {
			nodeId = value;
			return this;
		}

		public Builder silent(boolean value) {
			silent = value;
			return this;
		}

		public Builder dropAfterApply(boolean value) {
			dropAfterApply = value;
			return this;
		}

		public Builder stopAfterConnected(Duration value) {
			stopAfterConnected = value;
			return this;
		}

		public Builder ipAddress(String value) {
			ipAddress = value;
			return this;
		}

		public ProtocommDeviceConfig build() {
			return new ProtocommDeviceConfig(security, patchVersion, Optional.ofNullable(pop), username,
					Optional.ofNullable(salt), Optional.ofNullable(verifier), networks, extraVisibleNetworks,
					Math.max(1, attempts), Optional.ofNullable(nodeId), silent, dropAfterApply, stopAfterConnected,
					ipAddress, replyFault, hidden);
		}
	}
}
