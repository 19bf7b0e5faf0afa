/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.provisioning.internal;

import java.util.Optional;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;

import dev.onramp.core.FailureReason;
import dev.onramp.core.OnrampException;
import dev.onramp.core.Secret;
import dev.onramp.core.provisioning.ProvisioningTransport;
import dev.onramp.core.provisioning.QrPayload;

/**
 * Decodes the provisioning QR payload, {@code {"ver":"v1","name":"PROV_xxx","pop":"…","transport":"softap"|"ble"}}
 * with an optional {@code username} and {@code password} (security 2) and other keys ignored (RainMaker adds
 * {@code network}). Failures name the key at fault and never quote the payload: it holds the proof of possession.
 */
public final class QrPayloadDecoder {

	/** Longer than any SSID (32), BLE name (29), PoP or username firmware prints. */
	static final int MAX_VALUE = 64;
	static final int MAX_PAYLOAD = 1024;

	private QrPayloadDecoder() {
	}

	/**
	 * @param reason {@code USAGE} for a payload the user gave, {@code PROTOCOL_ERROR} for one read from a device
	 * @param source where the payload came from, for messages ("The QR payload from …")
	 */
	public static QrPayload decode(String json, FailureReason reason, String source) throws OnrampException {
		if (json == null || json.isBlank()) {
			throw invalid(reason, source, "it is empty"); //$NON-NLS-1$
		}
		if (json.length() > MAX_PAYLOAD) {
			throw invalid(reason, source, "it is longer than " + MAX_PAYLOAD + " characters"); //$NON-NLS-1$ //$NON-NLS-2$
		}
		JsonElement root;
		try {
			root = JsonParser.parseString(json.strip());
		} catch (JsonParseException | IllegalStateException e) {
			// Gson's message quotes the input, and with it the proof of possession: not repeated
			throw invalid(reason, source, "it is not valid JSON"); //$NON-NLS-1$
		}
		if (!root.isJsonObject()) {
			throw invalid(reason, source, "it is not a JSON object"); //$NON-NLS-1$
		}
		JsonObject object = root.getAsJsonObject();
		String version = string(object, "ver", reason, source).orElse("v1"); //$NON-NLS-1$ //$NON-NLS-2$
		String name = string(object, "name", reason, source) //$NON-NLS-1$
				.orElseThrow(() -> invalid(reason, source, "it has no \"name\"")); //$NON-NLS-1$
		if (name.isBlank()) {
			throw invalid(reason, source, "its \"name\" is empty"); //$NON-NLS-1$
		}
		Optional<String> pop = string(object, "pop", reason, source); //$NON-NLS-1$
		Optional<String> password = string(object, "password", reason, source); //$NON-NLS-1$
		Optional<String> username = string(object, "username", reason, source); //$NON-NLS-1$
		Optional<String> transportName = string(object, "transport", reason, source); //$NON-NLS-1$
		Optional<ProvisioningTransport> transport = Optional.empty();
		if (transportName.isPresent()) {
			transport = ProvisioningTransport.of(transportName.get())
					.filter(t -> t != ProvisioningTransport.CONSOLE);
			if (transport.isEmpty()) {
				throw invalid(reason, source, "its \"transport\" is '" + printable(transportName.get()) //$NON-NLS-1$
						+ "', not softap or ble"); //$NON-NLS-1$
			}
		}
		Optional<Secret> secret = pop.or(() -> password).filter(p -> !p.isEmpty()).map(Secret::of);
		return new QrPayload(version, name, secret, username, transport);
	}

	private static Optional<String> string(JsonObject object, String key, FailureReason reason, String source)
			throws OnrampException {
		JsonElement value = object.get(key);
		if (value == null || value.isJsonNull()) {
			return Optional.empty();
		}
		if (!value.isJsonPrimitive() || !((JsonPrimitive) value).isString()) {
			throw invalid(reason, source, "its \"" + key + "\" is not a string"); //$NON-NLS-1$ //$NON-NLS-2$
		}
		String text = value.getAsString();
		if (text.length() > MAX_VALUE) {
			throw invalid(reason, source, "its \"" + key + "\" is longer than " + MAX_VALUE + " characters"); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
		}
		for (int i = 0; i < text.length(); i++) {
			if (Character.isISOControl(text.charAt(i))) {
				throw invalid(reason, source, "its \"" + key + "\" holds control characters"); //$NON-NLS-1$ //$NON-NLS-2$
			}
		}
		return Optional.of(text);
	}

	private static String printable(String text) {
		String shown = text.length() > 16 ? text.substring(0, 16) + "..." : text; //$NON-NLS-1$
		return shown.replaceAll("[^\\x20-\\x7e]", "?"); //$NON-NLS-1$ //$NON-NLS-2$
	}

	private static OnrampException invalid(FailureReason reason, String source, String why) {
		String hint = reason == FailureReason.USAGE
				? "Give the payload as the device prints it, for example {\"ver\":\"v1\",\"name\":\"PROV_fc9ea3\",\"pop\":\"<proof of possession>\",\"transport\":\"softap\"}." //$NON-NLS-1$
				: "Check that the firmware prints ESP-IDF's provisioning QR payload; give the payload or the device's name and proof of possession instead."; //$NON-NLS-1$
		return new OnrampException(reason, "The QR payload " + source + " cannot be used: " + why + ".", hint); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
	}
}
