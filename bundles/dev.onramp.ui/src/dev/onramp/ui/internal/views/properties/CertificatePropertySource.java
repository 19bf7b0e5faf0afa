/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.ui.internal.views.properties;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Optional;

import dev.onramp.core.Hostnames;
import dev.onramp.core.certs.InventoryEntry;
import dev.onramp.ui.internal.views.ExplorerLabels;
import dev.onramp.ui.internal.views.model.CertificateRow;

/** The Properties view of a blessed device: its certificate as Onramp issued it, and the device when known. */
public final class CertificatePropertySource extends ReadOnlyPropertySource {

	/** How {@link #add} is called, so the device page can list the same certificate properties. */
	@FunctionalInterface
	interface Adder {
		void add(String category, String name, Optional<String> value);
	}

	public CertificatePropertySource(CertificateRow row) {
		addCertificate(this::add, row.entry());
		add(Messages.Category_certificate, Messages.Property_validity, ExplorerLabels.state(row));
		row.device().ifPresent(device -> {
			add(Messages.Category_device, Messages.Property_runs, ExplorerLabels.kind(device.kind()));
			add(Messages.Category_device, Messages.Property_state, ExplorerLabels.state(device.state()));
			add(Messages.Category_network, Messages.Property_mac, device.mac().map(Object::toString));
		});
	}

	static void addCertificate(Adder adder, InventoryEntry entry) {
		String category = Messages.Category_certificate;
		adder.add(category, Messages.Property_subject, Optional.of(Hostnames.toLocal(entry.hostname())));
		adder.add(category, Messages.Property_fingerprint, Optional.of(entry.fingerprintSha256()));
		adder.add(category, Messages.Property_serial, Optional.of(entry.serialHex()));
		adder.add(category, Messages.Property_keyType, Optional.of(switch (entry.keyType()) {
		case EC_P256 -> Messages.KeyType_ecP256;
		case RSA_2048 -> Messages.KeyType_rsa2048;
		}));
		adder.add(category, Messages.Property_trust, Optional.of(switch (entry.trust()) {
		case CA -> Messages.Trust_ca;
		case SELF_SIGNED -> Messages.Trust_selfSigned;
		}));
		adder.add(category, Messages.Property_issued, Optional.of(format(entry.issuedAt())));
		adder.add(category, Messages.Property_expires, Optional.of(format(entry.notAfter())));
	}

	private static String format(Instant instant) {
		return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM).withZone(ZoneId.systemDefault()).format(instant);
	}
}
