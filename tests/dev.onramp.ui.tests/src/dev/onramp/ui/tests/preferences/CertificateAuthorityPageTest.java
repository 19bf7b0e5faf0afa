/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.ui.tests.preferences;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;

import org.eclipse.core.runtime.ServiceCaller;
import org.eclipse.jface.preference.PreferenceDialog;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.RGB;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.dialogs.PreferencesUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;

import dev.onramp.core.certs.CaInfo;
import dev.onramp.core.certs.CertificateProfiles;
import dev.onramp.core.certs.ICertificateAuthority;
import dev.onramp.core.certs.ICertificateService;
import dev.onramp.ui.internal.preferences.CertificateAuthorityPreferencePage;
import dev.onramp.ui.tests.driver.SwtDriver;
import dev.onramp.ui.tests.driver.UiWatchdog;

/**
 * The Certificate Authority preference page against the real certificate service (its data directory is a fresh
 * folder of this test run): create, the fingerprint the service has, export, the QR code a phone scans (decoded
 * and fetched over 127.0.0.1), and rotation with its warning.
 */
class CertificateAuthorityPageTest {

	@TempDir
	Path exports;

	private final SwtDriver driver = new SwtDriver(PlatformUI.getWorkbench().getDisplay());
	private PreferenceDialog dialog;

	@AfterEach
	void close() {
		System.clearProperty("onramp.ca.share.address");
		if (dialog != null && dialog.getShell() != null && !dialog.getShell().isDisposed()) {
			dialog.close();
		}
	}

	@Test
	void createExportShareAndRotate() throws Exception {
		System.setProperty("onramp.ca.share.address", "127.0.0.1");
		dialog = PreferencesUtil.createPreferenceDialogOn(PlatformUI.getWorkbench().getActiveWorkbenchWindow().getShell(),
				CertificateAuthorityPreferencePage.ID, null, null);
		assertNotNull(dialog, "the page is registered");
		dialog.setBlockOnOpen(false);
		dialog.open();
		driver.waitUntil("the page to say what it found", () -> !driver
				.findAll(Label.class, l -> l.getText().startsWith("There is no local certificate authority")).isEmpty());
		CertificateAuthorityPreferencePage page = (CertificateAuthorityPreferencePage) dialog.getSelectedPage();
		driver.flushEvents();

		try (UiWatchdog watchdog = UiWatchdog.start(driver.display())) {
			Button create = driver.button("Create");
			assertTrue(create.isEnabled());
			assertTrue(!driver.button("Rotate…").isEnabled() && !driver.button("Export…").isEnabled());
			driver.click(create);
			Text fingerprint = driver.textAfterLabel("SHA-256 fingerprint:");
			driver.waitUntil("the fingerprint to show", () -> !fingerprint.getText().isEmpty());
			CaInfo created = offUiThread(() -> authority().info().orElseThrow());
			assertEquals(created.fingerprintSha256(), fingerprint.getText());
			assertTrue(driver.textAfterLabel("Subject:").getText().contains("Onramp local CA"));
			assertTrue(driver.textAfterLabel("Valid:").getText().contains("expires in 36"));

			// a device blessed by this CA, for the rotation's warning
			offUiThread(() -> service().issue(CertificateProfiles.caIssued("pydirect-e5f6", List.of())));

			Path pem = exports.resolve("onramp-ca.pem");
			page.setExportFileChooser(shell -> pem.toString());
			driver.click(driver.button("Export…"));
			driver.waitUntil("the export to be done",
					() -> !driver.findAll(Label.class, l -> l.getText().startsWith("Wrote the CA certificate")).isEmpty());
			X509Certificate exported = parse(Files.readAllBytes(pem));
			assertEquals(created.fingerprintSha256(), sha256(exported.getEncoded()));
			Text instructions = driver.find(Text.class, "the trust instructions",
					t -> (t.getStyle() & SWT.MULTI) != 0 && t.getText().contains("update-ca-certificates"));
			assertTrue(instructions.getText().contains(pem.toString()), "the instructions use the exported file");
			watchdog.assertResponsive();
		}
		driver.screenshot(dialog.getShell(), screenshots().resolve("preferences-ca.png"));

		shareWithAPhone();
		rotate();
	}

	private void shareWithAPhone() throws Exception {
		driver.click(driver.button("Share with a Phone…"));
		Text url = driver.find(Text.class, "the share URL", t -> t.getText().startsWith("http://127.0.0.1:"));
		Label code = driver.find(Label.class, "the QR code", l -> l.getImage() != null
				&& l.getShell().getText().equals("Share the CA Certificate with a Phone"));
		driver.screenshot(code.getShell(), screenshots().resolve("preferences-ca-share.png"));
		String link = url.getText();
		assertEquals(link, decode(code.getImage().getImageData()), "the QR code says the URL");

		byte[] served = offUiThread(() -> fetch(link));
		byte[] der = offUiThread(() -> authority().exportDer());
		assertArrayEquals(der, served, "the phone gets the CA certificate (DER)");
		assertEquals(404, offUiThread(() -> status(link.replace("onramp-ca.crt", "other"))));

		Shell shareShell = code.getShell();
		driver.click(driver.find(Button.class, "Close", b -> b.getShell() == shareShell && b.getText().replace("&", "").equals("Close")));
		driver.waitUntil("the share dialog to close", shareShell::isDisposed);
		Throwable refused = assertThrows(RuntimeException.class, () -> offUiThread(() -> fetch(link)));
		assertTrue(java.util.stream.Stream.iterate(refused, t -> t != null, Throwable::getCause)
				.anyMatch(ConnectException.class::isInstance),
				() -> "the certificate is offered only while the dialog is open, but: " + refused);
	}

	private void rotate() throws Exception {
		String before = driver.textAfterLabel("SHA-256 fingerprint:").getText();
		AtomicReference<String> warning = new AtomicReference<>();
		answerTheWarning(warning);
		driver.click(driver.button("Rotate…"));
		driver.waitUntil("the rotation to be done",
				() -> !driver.findAll(Label.class, l -> l.getText().startsWith("Rotated:")).isEmpty());
		assertTrue(warning.get().contains("pydirect-e5f6.local"), "the warning names the device: " + warning.get());
		assertTrue(warning.get().contains("kept aside"), warning.get());
		String after = driver.textAfterLabel("SHA-256 fingerprint:").getText();
		assertNotEquals(before, after);
		CaInfo current = offUiThread(() -> authority().info().orElseThrow());
		assertEquals(current.fingerprintSha256(), after);
		Label done = driver.find(Label.class, "the result", l -> l.getText().startsWith("Rotated:"));
		Path retired = Path.of(done.getText().replaceAll("^.*kept in (.*?)\\. Devices.*$", "$1"));
		assertTrue(Files.isRegularFile(retired.resolve("onramp-ca.pem")), "the old CA is kept in " + retired);
		assertEquals(before, sha256(parse(Files.readAllBytes(retired.resolve("onramp-ca.pem"))).getEncoded()));
	}

	/** The warning is modal: it is answered from the event loop it runs, as a user would, when it appears. */
	private void answerTheWarning(AtomicReference<String> warning) {
		Runnable[] poll = new Runnable[1];
		poll[0] = () -> {
			List<Shell> shells = List.of(driver.display().getShells()).stream()
					.filter(s -> !s.isDisposed() && s.isVisible() && "Rotate the Certificate Authority".equals(s.getText()))
					.toList();
			if (shells.isEmpty()) {
				driver.display().timerExec(50, poll[0]);
				return;
			}
			Shell shell = shells.get(0);
			warning.set(driver.findAll(Label.class, l -> l.getShell() == shell).stream().map(Label::getText)
					.reduce("", (a, b) -> a + "\n" + b));
			Button confirm = driver.findAll(Button.class, b -> b.getShell() == shell && b.getText().replace("&", "")
					.equals("Rotate")).get(0);
			driver.click(confirm);
		};
		driver.display().timerExec(50, poll[0]);
	}

	private <T> T offUiThread(Callable<T> work) {
		CompletableFuture<T> future = CompletableFuture.supplyAsync(() -> {
			try {
				return work.call();
			} catch (Exception e) {
				throw new IllegalStateException(e);
			}
		});
		driver.waitUntil("work off the UI thread", future::isDone);
		try {
			return future.join();
		} catch (java.util.concurrent.CompletionException e) {
			throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
		}
	}

	private static ICertificateAuthority authority() {
		return new ServiceCaller<>(CertificateAuthorityPageTest.class, ICertificateAuthority.class).current()
				.orElseThrow();
	}

	private static ICertificateService service() {
		return new ServiceCaller<>(CertificateAuthorityPageTest.class, ICertificateService.class).current()
				.orElseThrow();
	}

	private static byte[] fetch(String url) throws IOException {
		HttpURLConnection connection = (HttpURLConnection) URI.create(url).toURL().openConnection();
		connection.setConnectTimeout(5000);
		connection.setReadTimeout(5000);
		assertEquals(200, connection.getResponseCode()); // throws when nothing listens (getContentType would say null)
		assertEquals("application/x-x509-ca-cert", connection.getContentType());
		try (InputStream in = connection.getInputStream()) {
			return in.readAllBytes();
		}
	}

	private static int status(String url) throws IOException {
		HttpURLConnection connection = (HttpURLConnection) URI.create(url).toURL().openConnection();
		connection.setConnectTimeout(5000);
		connection.setReadTimeout(5000);
		return connection.getResponseCode();
	}

	/** Reads the QR code back with ZXing's own reader, from the pixels the dialog shows. */
	private static String decode(ImageData image) throws Exception {
		int[] pixels = new int[image.width * image.height];
		for (int y = 0; y < image.height; y++) {
			for (int x = 0; x < image.width; x++) {
				RGB rgb = image.palette.getRGB(image.getPixel(x, y));
				pixels[y * image.width + x] = 0xff000000 | rgb.red << 16 | rgb.green << 8 | rgb.blue;
			}
		}
		BinaryBitmap bitmap = new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(image.width, image.height,
				pixels)));
		return new QRCodeReader().decode(bitmap).getText();
	}

	private static X509Certificate parse(byte[] encoded) throws Exception {
		return (X509Certificate) CertificateFactory.getInstance("X.509")
				.generateCertificate(new ByteArrayInputStream(encoded));
	}

	private static String sha256(byte[] der) throws Exception {
		byte[] digest = MessageDigest.getInstance("SHA-256").digest(der);
		return HexFormat.ofDelimiter(":").withUpperCase().formatHex(digest).toUpperCase(Locale.ROOT);
	}

	private static Path screenshots() {
		return Path.of(System.getProperty("onramp.screenshots", "target/screenshots"));
	}
}
