/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.ui.internal.views;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.eclipse.osgi.util.NLS;

import dev.onramp.core.Device;
import dev.onramp.core.DeviceKind;
import dev.onramp.core.DeviceState;
import dev.onramp.core.Endpoint;
import dev.onramp.core.EndpointKind;
import dev.onramp.core.Hostnames;
import dev.onramp.core.UsbIdentity;
import dev.onramp.core.identify.PortIdentity;
import dev.onramp.ui.internal.views.model.CertificateRow;
import dev.onramp.ui.internal.views.model.DeviceGroup;
import dev.onramp.ui.internal.views.model.DeviceRow;
import dev.onramp.ui.internal.views.model.GroupRow;
import dev.onramp.ui.internal.views.model.Identification;

/** The texts of the Device Explorer's columns, for every kind of row. */
public final class ExplorerLabels {

	private static final String SEPARATOR = " \u00b7 "; //$NON-NLS-1$

	private ExplorerLabels() {
	}

	public static String group(DeviceGroup group) {
		return switch (group) {
		case USB_BOARDS -> Messages.Group_usbBoards;
		case NETWORK_DEVICES -> Messages.Group_networkDevices;
		case PROVISIONING_ENDPOINTS -> Messages.Group_provisioningEndpoints;
		case BLESSED_DEVICES -> Messages.Group_blessedDevices;
		};
	}

	public static String name(Object element) {
		if (element instanceof GroupRow group) {
			return NLS.bind(Messages.Group_withCount, group(group.group()), Integer.valueOf(group.children().size()));
		}
		if (element instanceof CertificateRow certificate) {
			return Hostnames.withoutLocalSuffix(certificate.entry().hostname());
		}
		if (element instanceof DeviceRow row) {
			Device device = row.device();
			if (device.name().isPresent() || device.hostname().isPresent() || row.group() != DeviceGroup.USB_BOARDS) {
				return device.displayName();
			}
			// a board without a name of its own: its USB product, else its port's stable link (a by-id name)
			return device.usb().map(ExplorerLabels::usbName).filter(n -> !n.isBlank())
					.or(() -> row.port().map(p -> p.stablePath()).filter(p -> !p.isBlank())
							.map(p -> Path.of(p).getFileName().toString()))
					.orElse(device.displayName());
		}
		return ""; //$NON-NLS-1$
	}

	private static String usbName(UsbIdentity usb) {
		return usb.product().isBlank() ? usb.bridge().map(b -> b.chipName()).orElse("") : usb.product(); //$NON-NLS-1$
	}

	public static String state(Object element) {
		if (element instanceof CertificateRow certificate) {
			if (certificate.expired()) {
				return Messages.State_expired;
			}
			long days = certificate.daysLeft();
			if (certificate.expiresSoon()) {
				return days == 0 ? Messages.State_expiresToday
						: days == 1 ? Messages.State_expiresInOneDay
								: NLS.bind(Messages.State_expiresInDays, Long.valueOf(days));
			}
			return NLS.bind(Messages.State_validForDays, Long.valueOf(days));
		}
		if (element instanceof DeviceRow row) {
			Optional<Identification> identification = row.identification();
			if (identification.isPresent()) {
				return switch (identification.get().status()) {
				case RUNNING -> Messages.State_identifying;
				case FAILED -> identification.get().message().orElse(Messages.State_identificationFailed);
				case IDENTIFIED -> Messages.State_onUsb;
				};
			}
			return row.group() == DeviceGroup.USB_BOARDS && row.device().state() == DeviceState.DETECTED
					? Messages.State_onUsb
					: state(row.device().state());
		}
		return ""; //$NON-NLS-1$
	}

	public static String state(DeviceState state) {
		return switch (state) {
		case DETECTED -> Messages.State_detected;
		case AWAITING_PROVISIONING -> Messages.State_awaitingProvisioning;
		case CONNECTING -> Messages.State_connecting;
		case ONLINE -> Messages.State_online;
		case OFFLINE -> Messages.State_offline;
		};
	}

	/** @return the failure's hint, for the State column's tool tip */
	public static Optional<String> stateDetail(Object element) {
		if (element instanceof DeviceRow row) {
			return row.identification().filter(i -> i.status() == Identification.Status.FAILED)
					.map(i -> i.message().orElse("") + i.hint().map(h -> "\n" + h).orElse("")); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
		}
		if (element instanceof CertificateRow certificate && certificate.expiresSoon()) {
			return Optional.of(Messages.State_reblessHint);
		}
		return Optional.empty();
	}

	public static String runs(Object element) {
		if (element instanceof DeviceRow row) {
			if (row.identification().filter(i -> i.status() == Identification.Status.RUNNING).isPresent()) {
				return ""; //$NON-NLS-1$
			}
			List<String> parts = new ArrayList<>();
			parts.add(kind(row.device().kind()));
			row.identification().flatMap(Identification::identity).ifPresent(identity -> {
				version(identity).ifPresent(parts::add);
				identity.chip().ifPresent(parts::add);
			});
			return String.join(SEPARATOR, parts);
		}
		if (element instanceof CertificateRow certificate) {
			return certificate.device().map(d -> kind(d.kind())).orElse(""); //$NON-NLS-1$
		}
		return ""; //$NON-NLS-1$
	}

	private static Optional<String> version(PortIdentity identity) {
		return identity.micropython().map(m -> m.version()).filter(v -> !v.isBlank())
				.or(() -> identity.improv().flatMap(i -> i.version()))
				.or(() -> identity.console().flatMap(c -> c.appVersion().or(c::idfVersion)));
	}

	public static String kind(DeviceKind kind) {
		return switch (kind) {
		case PYDIRECT -> Messages.Kind_pyDirect;
		case MICROPYTHON -> Messages.Kind_microPython;
		case IMPROV -> Messages.Kind_improv;
		case ESP_IDF_CONSOLE -> Messages.Kind_espIdfConsole;
		case ESP_IDF_PROVISIONING -> Messages.Kind_espIdfProvisioning;
		case NETWORK -> Messages.Kind_network;
		case UNKNOWN -> Messages.Kind_unknown;
		};
	}

	public static String connection(Object element) {
		if (element instanceof DeviceRow row) {
			Device device = row.device();
			List<EndpointKind> order = switch (row.group()) {
			case USB_BOARDS -> List.of(EndpointKind.SERIAL);
			case PROVISIONING_ENDPOINTS -> List.of(EndpointKind.PROVISIONING_HTTP, EndpointKind.WEB);
			default -> List.of(EndpointKind.WEB, EndpointKind.PROVISIONING_HTTP, EndpointKind.MDNS_SERVICE);
			};
			for (EndpointKind kind : order) {
				Optional<Endpoint> endpoint = device.endpoint(kind);
				if (endpoint.isPresent()) {
					return endpoint.get().address();
				}
			}
			return ""; //$NON-NLS-1$
		}
		if (element instanceof CertificateRow certificate) {
			return "https://" + Hostnames.toLocal(certificate.entry().hostname()) + "/"; //$NON-NLS-1$ //$NON-NLS-2$
		}
		return ""; //$NON-NLS-1$
	}

	public static String identity(Object element) {
		if (element instanceof DeviceRow row) {
			Device device = row.device();
			List<String> parts = new ArrayList<>();
			device.usb().ifPresent(usb -> parts.add(usb.serialNumber().isBlank() ? usb.vidPid()
					: usb.vidPid() + ' ' + usb.serialNumber()));
			if (row.group() == DeviceGroup.USB_BOARDS || device.name().isPresent()) {
				device.hostname().map(Hostnames::toLocal).ifPresent(parts::add);
			}
			device.mac().ifPresent(mac -> parts.add(mac.toString()));
			return String.join(SEPARATOR, parts);
		}
		if (element instanceof CertificateRow certificate) {
			String fingerprint = certificate.entry().fingerprintSha256();
			return fingerprint.length() > 23 ? "SHA-256 " + fingerprint.substring(0, 23) + "\u2026" //$NON-NLS-1$ //$NON-NLS-2$
					: fingerprint;
		}
		return ""; //$NON-NLS-1$
	}

	/** @return every text the filter matches: name, host name, ports and addresses, MAC, kind */
	public static List<String> searchable(Object element) {
		List<String> texts = new ArrayList<>(List.of(name(element), runs(element), connection(element),
				identity(element), state(element)));
		Device device = element instanceof DeviceRow row ? row.device()
				: element instanceof CertificateRow certificate ? certificate.device().orElse(null) : null;
		if (device != null) {
			device.hostname().ifPresent(texts::add);
			device.mac().ifPresent(mac -> texts.add(mac.toString()));
			device.endpoints().forEach(e -> texts.add(e.address()));
			texts.add(device.kind().name());
		}
		return texts;
	}
}
