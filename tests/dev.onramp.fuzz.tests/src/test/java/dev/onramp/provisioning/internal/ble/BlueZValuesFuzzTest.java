/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.provisioning.internal.ble;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.freedesktop.dbus.types.Variant;

import dev.onramp.fuzz.Decoding;
import dev.onramp.fuzz.Fuzz;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * What BlueZ hands over from a BLE device: descriptor and characteristic values, interface and property maps, in any
 * shape D-Bus can carry (a device, or another program on the bus, chooses them).
 */
class BlueZValuesFuzzTest {

	@Property(seed = Fuzz.SEED)
	void anyBusValueIsRead(@ForAll("values") Object value) {
		Decoding.check("ble.values", 64, () -> { //$NON-NLS-1$
			byte[] bytes = BlueZBus.bytes(value);
			new String(bytes, StandardCharsets.UTF_8).replace("\0", "").trim(); //$NON-NLS-1$ //$NON-NLS-2$
			BlueZBus.pathOf(value);
			BlueZBus.names(value);
			BlueZBus.properties(value);
			return BlueZBus.interfaces(value);
		});
	}

	@Provide
	Arbitrary<Object> values() {
		return value(3);
	}

	private static Arbitrary<Object> value(int depth) {
		Arbitrary<Object> leaf = Arbitraries.oneOf(Arbitraries.bytes().array(byte[].class).ofMaxSize(40).map(b -> (Object) b),
				Arbitraries.strings().ofMaxLength(20).map(s -> (Object) s), Arbitraries.integers().map(i -> (Object) i),
				Arbitraries.longs().map(l -> (Object) l), Arbitraries.just(null),
				Arbitraries.bytes().map(b -> (Object) b));
		if (depth == 0) {
			return leaf;
		}
		Arbitrary<Object> inner = Arbitraries.lazy(() -> value(depth - 1));
		return Arbitraries.oneOf(leaf, inner.list().ofMaxSize(5).map(l -> (Object) l),
				inner.list().ofMaxSize(5).map(l -> (Object) l.toArray()),
				Arbitraries.maps(Arbitraries.strings().ofMaxLength(8), inner).ofMaxSize(4).map(m -> (Object) m),
				inner.filter(v -> v != null).map(v -> (Object) new Variant<>(v instanceof List<?> || v instanceof Map<?, ?> || v instanceof Object[] ? "x" : v))); //$NON-NLS-1$
	}
}
