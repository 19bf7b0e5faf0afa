/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.ui.internal.preferences;

import java.util.Map;

import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.PaletteData;
import org.eclipse.swt.graphics.RGB;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;

/** QR codes (ZXing) as SWT image data: black modules on white, with the quiet zone phones need to find them. */
public final class QrCodes {

	/** The quiet zone around the code, in modules; the standard asks for four. */
	static final int QUIET_ZONE = 4;

	private QrCodes() {
	}

	/**
	 * @param text          what the code says, for example a URL
	 * @param pixelsPerModule how large each module is drawn
	 */
	public static ImageData encode(String text, int pixelsPerModule) {
		BitMatrix matrix;
		try {
			matrix = new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 0, 0,
					Map.of(EncodeHintType.MARGIN, QUIET_ZONE, EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M));
		} catch (WriterException e) {
			throw new IllegalArgumentException("Too long for a QR code: " + text.length() + " characters", e); //$NON-NLS-1$ //$NON-NLS-2$
		}
		int size = matrix.getWidth() * pixelsPerModule;
		PaletteData palette = new PaletteData(new RGB(255, 255, 255), new RGB(0, 0, 0));
		ImageData image = new ImageData(size, size, 1, palette);
		for (int y = 0; y < size; y++) {
			for (int x = 0; x < size; x++) {
				image.setPixel(x, y, matrix.get(x / pixelsPerModule, y / pixelsPerModule) ? 1 : 0);
			}
		}
		return image;
	}
}
