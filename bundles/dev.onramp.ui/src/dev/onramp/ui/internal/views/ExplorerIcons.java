/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.ui.internal.views;

import java.time.Instant;

import org.eclipse.jface.resource.ImageDescriptor;
import org.eclipse.jface.resource.JFaceResources;
import org.eclipse.jface.resource.LocalResourceManager;
import org.eclipse.jface.resource.ResourceLocator;
import org.eclipse.jface.viewers.DecorationOverlayIcon;
import org.eclipse.jface.viewers.IDecoration;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.widgets.Control;
import org.eclipse.ui.ISharedImages;
import org.eclipse.ui.PlatformUI;

import dev.onramp.core.DeviceState;
import dev.onramp.ui.internal.views.model.CertificateRow;
import dev.onramp.ui.internal.views.model.DeviceGroup;
import dev.onramp.ui.internal.views.model.DeviceRow;
import dev.onramp.ui.internal.views.model.GroupRow;
import dev.onramp.ui.internal.views.model.Identification;

/** The state icons of the Device Explorer's rows, disposed with the tree. */
final class ExplorerIcons {

	private final LocalResourceManager resources;
	private final ISharedImages shared = PlatformUI.getWorkbench().getSharedImages();

	ExplorerIcons(Control owner) {
		resources = new LocalResourceManager(JFaceResources.getResources(), owner);
	}

	Image image(Object element) {
		if (element instanceof GroupRow) {
			return shared.getImage(ISharedImages.IMG_OBJ_FOLDER);
		}
		if (element instanceof CertificateRow certificate) {
			if (certificate.expired()) {
				return warned("state_failed"); //$NON-NLS-1$
			}
			return certificate.expiresSoon() ? warned("state_identifying") : own("state_online"); //$NON-NLS-1$ //$NON-NLS-2$
		}
		if (element instanceof DeviceRow row) {
			Identification.Status status = row.identification().map(Identification::status).orElse(null);
			if (status == Identification.Status.RUNNING) {
				return own("state_identifying"); //$NON-NLS-1$
			}
			if (status == Identification.Status.FAILED) {
				return own("state_failed"); //$NON-NLS-1$
			}
			String name = row.group() == DeviceGroup.PROVISIONING_ENDPOINTS ? "state_endpoint" //$NON-NLS-1$
					: row.device().state() == DeviceState.ONLINE ? "state_online" //$NON-NLS-1$
					: row.device().state() == DeviceState.OFFLINE ? "state_offline" //$NON-NLS-1$
					: row.group() == DeviceGroup.USB_BOARDS ? "state_usb" : "state_offline"; //$NON-NLS-1$ //$NON-NLS-2$
			Instant now = Instant.now();
			return row.certificate().filter(c -> CertificateRow.expiresSoon(c, now)).isPresent() ? warned(name)
					: own(name);
		}
		return null;
	}

	private ImageDescriptor descriptor(String name) {
		return ResourceLocator.imageDescriptorFromBundle(getClass(), "icons/full/obj16/" + name + ".png") //$NON-NLS-1$ //$NON-NLS-2$
				.orElse(ImageDescriptor.getMissingImageDescriptor());
	}

	private Image own(String name) {
		return resources.create(descriptor(name));
	}

	/** The state with the workbench's warning decoration: a certificate that expires soon or has expired. */
	private Image warned(String name) {
		ImageDescriptor warning = shared.getImageDescriptor(ISharedImages.IMG_DEC_FIELD_WARNING);
		return resources.create(new DecorationOverlayIcon(descriptor(name), warning, IDecoration.BOTTOM_RIGHT));
	}
}
