/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.ui.internal.views.model;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

import org.eclipse.core.runtime.IAdaptable;
import org.eclipse.ui.views.properties.IPropertySource;

import dev.onramp.core.Device;
import dev.onramp.core.certs.InventoryEntry;
import dev.onramp.ui.internal.views.properties.CertificatePropertySource;

/**
 * A blessed device: the newest certificate Onramp issued for a host name. It adapts to the device of that host name
 * when Onramp knows one.
 *
 * @param entry  the certificate as the inventory recorded it
 * @param device the device with the certificate's host name
 * @param now    when the row was made, what "expires in 12 days" counts from
 */
public record CertificateRow(InventoryEntry entry, Optional<Device> device, Instant now) implements IAdaptable {

	/** Certificates that expire within this many days carry a warning. */
	public static final int WARNING_DAYS = 30;

	public CertificateRow {
		Objects.requireNonNull(entry);
		Objects.requireNonNull(device);
		Objects.requireNonNull(now);
	}

	public boolean expired() {
		return !entry.notAfter().isAfter(now);
	}

	/** @return whether the certificate expires within {@link #WARNING_DAYS} days (or already did) */
	public boolean expiresSoon() {
		return expiresSoon(entry, now);
	}

	/** @return whether the certificate expires within {@link #WARNING_DAYS} days of {@code now} (or already did) */
	public static boolean expiresSoon(InventoryEntry entry, Instant now) {
		return entry.notAfter().isBefore(now.plus(Duration.ofDays(WARNING_DAYS)));
	}

	/** @return whole days left (a certificate valid for 12 days and 5 hours has 12), 0 on its last day */
	public long daysLeft() {
		return Math.max(0, Duration.between(now, entry.notAfter()).toDays());
	}

	@Override
	public <T> T getAdapter(Class<T> adapter) {
		if (adapter == Device.class) {
			return device.map(adapter::cast).orElse(null);
		}
		if (adapter == IPropertySource.class) {
			return adapter.cast(new CertificatePropertySource(this));
		}
		return null;
	}

	@Override
	public boolean equals(Object obj) {
		return obj instanceof CertificateRow other && entry.hostname().equals(other.entry.hostname());
	}

	@Override
	public int hashCode() {
		return entry.hostname().hashCode();
	}
}
