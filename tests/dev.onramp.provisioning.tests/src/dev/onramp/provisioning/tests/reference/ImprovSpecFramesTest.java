/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.provisioning.tests.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.junit.jupiter.api.Test;

import dev.onramp.core.OnrampException;
import dev.onramp.core.Secret;
import dev.onramp.core.provisioning.WifiCredentials;
import dev.onramp.core.provisioning.WifiNetwork;
import dev.onramp.core.serial.ByteChannelPipe;
import dev.onramp.core.serial.IByteChannel;
import dev.onramp.provisioning.internal.Deadline;
import dev.onramp.provisioning.internal.improv.ImprovClient;
import dev.onramp.provisioning.internal.improv.ImprovFrame;
import dev.onramp.provisioning.internal.improv.ImprovFrameReader;

/**
 * Improv serial frames byte for byte as the specification and its reference client define them, against Onramp's
 * encoder ({@link ImprovClient}, {@link ImprovFrame}) and decoder ({@link ImprovFrameReader}).
 * <p>
 * Sources: the serial specification (improv-wifi.com/serial, from github.com/improv-wifi/website src/serial.md at
 * commit 0ac771812add770741e78c42ed8b6bda7c887c8a): the packet layout {@code IMPROV}, version 1, type, length, data,
 * checksum; the RPC layout command, length, data; length-prefixed strings; the example "SSID = MyWirelessAP, Password
 * = mysecurepassword: {@code 01 1E 0C {MyWirelessAP} 10 {mysecurepassword}}", the device-information example
 * strings, the scan example strings and the empty final scan result. The checksum (the sum of every byte before it,
 * header included, modulo 256) and the trailing newline are those of the reference client,
 * github.com/improv-wifi/sdk-serial-js src/serial.ts {@code writePacketToStream} and test/serial.test.ts (commit
 * 08853b1132d1322f975e29117cc8d296afc32f60), which builds a current-state packet the same way. Every expected frame
 * below was assembled by hand from those rules; none comes from Onramp's code.
 */
class ImprovSpecFramesTest {

	private static final HexFormat HEX = HexFormat.of();
	private static final String HEADER = "494d50524f56" + "01"; // "IMPROV", version 1 //$NON-NLS-1$ //$NON-NLS-2$

	/** The specification's Wi-Fi settings example as a whole RPC packet (type 03, 32 data bytes). */
	private static final String SEND_WIFI = HEADER + "03" + "20" //$NON-NLS-1$ //$NON-NLS-2$
			+ "01" + "1e" + "0c" + hex("MyWirelessAP") + "10" + hex("mysecurepassword") //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$ //$NON-NLS-5$ //$NON-NLS-6$
			+ "c1" + "0a"; //$NON-NLS-1$ //$NON-NLS-2$

	private final ByteChannelPipe pipe = new ByteChannelPipe("host", "device"); //$NON-NLS-1$ //$NON-NLS-2$
	private final IByteChannel device = pipe.b();
	private final ImprovClient client = new ImprovClient(pipe.a(), Duration.ofSeconds(2), Duration.ofSeconds(2));

	private static String hex(String ascii) {
		return HEX.formatHex(ascii.getBytes(StandardCharsets.US_ASCII));
	}

	private void deviceSends(String hexFrames) throws OnrampException {
		byte[] bytes = HEX.parseHex(hexFrames);
		device.write(bytes, 0, bytes.length);
	}

	/** @return what the host wrote, once {@code length} bytes have arrived (or the 2 s deadline passed) */
	private String hostWrote(int length) throws OnrampException {
		ByteArrayOutputStream received = new ByteArrayOutputStream();
		byte[] buffer = new byte[256];
		Deadline deadline = Deadline.in(Duration.ofSeconds(2));
		while (received.size() < length && !deadline.expired()) {
			int n = device.read(buffer, 0, buffer.length, Duration.ofMillis(deadline.remainingMillis()));
			received.write(buffer, 0, n);
		}
		return HEX.formatHex(received.toByteArray());
	}

	@Test
	void wifiSettingsAreTheSpecificationsExample() throws Exception {
		// the device answers as the spec describes: provisioning, provisioned, then an RPC result with the URL
		deviceSends(HEADER + "01" + "01" + "03" + "e3" + "0a" //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$ //$NON-NLS-5$
				+ HEADER + "01" + "01" + "04" + "e4" + "0a" //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$ //$NON-NLS-5$
				+ HEADER + "04" + "16" + "01" + "14" + "13" + hex("http://192.168.1.10") + "cf" + "0a"); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$ //$NON-NLS-5$ //$NON-NLS-6$ //$NON-NLS-7$ //$NON-NLS-8$
		ImprovClient.Provisioned provisioned = client.sendWifi(
				new WifiCredentials("MyWirelessAP", Secret.of("mysecurepassword")), new NullProgressMonitor()); //$NON-NLS-1$ //$NON-NLS-2$
		assertEquals(SEND_WIFI, hostWrote(SEND_WIFI.length() / 2));
		assertEquals(Optional.of("http://192.168.1.10"), provisioned.url()); //$NON-NLS-1$
	}

	@Test
	void encoderReproducesTheExampleFrame() {
		byte[] payload = ImprovFrame.strings("MyWirelessAP".getBytes(StandardCharsets.US_ASCII), //$NON-NLS-1$
				"mysecurepassword".getBytes(StandardCharsets.US_ASCII)); //$NON-NLS-1$
		assertEquals(SEND_WIFI, HEX.formatHex(ImprovFrame.rpc(0x01, payload).encode()));
	}

	@Test
	void requestCurrentStateAndReadyAnswer() throws Exception {
		deviceSends(HEADER + "01" + "01" + "02" + "e2" + "0a"); // Ready (Authorized) //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$ //$NON-NLS-5$
		assertEquals(0x02, client.requestState());
		assertEquals(HEADER + "03" + "02" + "02" + "00" + "e5" + "0a", hostWrote(13)); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$ //$NON-NLS-5$ //$NON-NLS-6$
	}

	@Test
	void deviceInformationExample() throws Exception {
		deviceSends(HEADER + "04" + "44" + "03" + "42" //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$
				+ "07" + hex("ESPHome") + "09" + hex("2021.11.0") + "1b" + hex("esp32-s3-devkitc-1/esp32-s3") //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$ //$NON-NLS-5$ //$NON-NLS-6$
				+ "13" + hex("Temperature Monitor") + "07" + "0a"); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$
		assertEquals(List.of("ESPHome", "2021.11.0", "esp32-s3-devkitc-1/esp32-s3", "Temperature Monitor"), //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$
				client.deviceInfo());
		assertEquals(HEADER + "03" + "02" + "03" + "00" + "e6" + "0a", hostWrote(13)); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$ //$NON-NLS-5$ //$NON-NLS-6$
	}

	@Test
	void scanExampleEndsWithAnEmptyResult() throws Exception {
		deviceSends(HEADER + "04" + "1c" + "04" + "1a" //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$
				+ "11" + hex("MyWirelessNetwork") + "03" + hex("-60") + "03" + hex("YES") + "b5" + "0a" //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$ //$NON-NLS-5$ //$NON-NLS-6$ //$NON-NLS-7$ //$NON-NLS-8$
				+ HEADER + "04" + "02" + "04" + "00" + "e8" + "0a"); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$ //$NON-NLS-5$ //$NON-NLS-6$
		List<WifiNetwork> networks = client.scan(new NullProgressMonitor());
		assertEquals(1, networks.size(), networks::toString);
		assertEquals("MyWirelessNetwork", networks.get(0).ssid()); //$NON-NLS-1$
		assertEquals(-60, networks.get(0).rssi());
		assertEquals(true, networks.get(0).secured());
		assertEquals(HEADER + "03" + "02" + "04" + "00" + "e7" + "0a", hostWrote(13)); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$ //$NON-NLS-5$ //$NON-NLS-6$
	}

	/** A frame whose checksum is one off is not a frame: the reader drops and counts it, and finds the next. */
	@Test
	void aWrongChecksumIsDropped() throws Exception {
		deviceSends(HEADER + "01" + "01" + "02" + "e3" + "0a" + HEADER + "01" + "01" + "04" + "e4" + "0a"); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$ //$NON-NLS-5$ //$NON-NLS-6$ //$NON-NLS-7$ //$NON-NLS-8$ //$NON-NLS-9$ //$NON-NLS-10$
		ImprovFrameReader reader = new ImprovFrameReader(pipe.a());
		ImprovFrame frame = reader.next(Deadline.in(Duration.ofSeconds(2)));
		assertEquals(0x01, frame.type());
		assertEquals("04", HEX.formatHex(frame.data())); //$NON-NLS-1$
		assertEquals(1, reader.corrupted());
	}
}
