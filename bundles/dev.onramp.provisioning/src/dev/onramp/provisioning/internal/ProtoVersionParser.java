/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.provisioning.internal;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;

import dev.onramp.core.FailureReason;
import dev.onramp.core.OnrampException;
import dev.onramp.core.provisioning.DeviceProtocolInfo;

/** Reads the {@code proto-ver} answer: {@code {"prov":{"ver":"v1.1","sec_ver":2,"sec_patch_ver":1,"cap":[...]}}}. */
public final class ProtoVersionParser {

	private ProtoVersionParser() {
	}

	public static DeviceProtocolInfo parse(byte[] body) throws OnrampException {
		String text = new String(body, StandardCharsets.UTF_8).trim();
		// some firmware terminates the string with NUL
		int nul = text.indexOf('\0');
		if (nul >= 0) {
			text = text.substring(0, nul);
		}
		try {
			JsonElement root = JsonParser.parseString(text);
			if (!root.isJsonObject()) {
				throw new JsonParseException("not an object"); //$NON-NLS-1$
			}
			JsonObject object = root.getAsJsonObject();
			JsonObject prov = object.has("prov") && object.get("prov").isJsonObject() //$NON-NLS-1$ //$NON-NLS-2$
					? object.getAsJsonObject("prov") //$NON-NLS-1$
					: new JsonObject();
			String version = prov.has("ver") ? prov.get("ver").getAsString() : "unknown"; //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
			Optional<Integer> sec = prov.has("sec_ver") ? Optional.of(Integer.valueOf(prov.get("sec_ver").getAsInt())) //$NON-NLS-1$ //$NON-NLS-2$
					: Optional.empty();
			int patch = prov.has("sec_patch_ver") ? prov.get("sec_patch_ver").getAsInt() : 0; //$NON-NLS-1$ //$NON-NLS-2$
			List<String> caps = new ArrayList<>();
			if (prov.has("cap") && prov.get("cap").isJsonArray()) { //$NON-NLS-1$ //$NON-NLS-2$
				prov.getAsJsonArray("cap").forEach(c -> caps.add(c.getAsString())); //$NON-NLS-1$
			}
			return new DeviceProtocolInfo(version, sec, patch, caps, object.has("rmaker"), text); //$NON-NLS-1$
		} catch (JsonParseException | IllegalStateException | UnsupportedOperationException
				| NumberFormatException e) {
			throw new OnrampException(FailureReason.PROTOCOL_ERROR,
					"The device's proto-ver answer is not the JSON ESP-IDF provisioning sends.", //$NON-NLS-1$
					"Check that the endpoint address points at a device in provisioning mode.", e); //$NON-NLS-1$
		}
	}

	/** @return the proto-ver of a device too old to have the endpoint */
	public static DeviceProtocolInfo unknown() {
		return new DeviceProtocolInfo("unknown", Optional.empty(), 0, List.of(), false, ""); //$NON-NLS-1$ //$NON-NLS-2$
	}
}
