/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.ui.tests.scenarios;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.preferences.InstanceScope;
import org.eclipse.equinox.security.storage.ISecurePreferences;
import org.eclipse.equinox.security.storage.SecurePreferencesFactory;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.osgi.service.prefs.BackingStoreException;
import org.osgi.service.prefs.Preferences;

import dev.onramp.core.Device;
import dev.onramp.core.DeviceKind;
import dev.onramp.core.EndpointKind;
import dev.onramp.simulator.protocomm.ProtocommDeviceConfig;
import dev.onramp.simulator.protocomm.SimulatedProtocommDevice;
import dev.onramp.ui.internal.scenarios.RememberedPops;
import dev.onramp.ui.internal.scenarios.ScenarioJob;
import dev.onramp.ui.tests.driver.UiWatchdog;

/**
 * Provision with Proof of Possession against a simulated ESP-IDF device (security 2, SoftAP HTTP on 127.0.0.1). The
 * workbench runs with {@code -eclipse.keyring} and {@code -eclipse.password} (see the pom): the default secure storage
 * is a file under target/ with a fixed test password, so it works headless without prompting.
 */
class ProvisionScenarioTest extends ScenarioTestSupport {

	private static final String POP = "abcd1234";
	private static final String SSID = "OnrampLab";
	private static final String PASSWORD = "correcthorse7";

	private final List<AutoCloseable> started = new ArrayList<>();

	@AfterEach
	void stopDevices() throws Exception {
		closeEverything();
		for (int i = started.size() - 1; i >= 0; i--) {
			started.get(i).close();
		}
	}

	private Device provisioningDevice() throws Exception {
		SimulatedProtocommDevice device = SimulatedProtocommDevice.start(ProtocommDeviceConfig.builder().security(2)
				.pop(POP).network(SSID, PASSWORD).extraVisibleNetworks(2).attempts(1).build());
		started.add(device);
		return Device.builder(DeviceKind.ESP_IDF_PROVISIONING).name("PROV_d76c30")
				.endpoint(EndpointKind.PROVISIONING_HTTP, device.endpoint()).build();
	}

	@Test
	void aWrongProofOfPossessionSaysSoAndIsNeitherRetriedNorRemembered() throws Exception {
		Device device = provisioningDevice();
		String key = device.endpoint(EndpointKind.PROVISIONING_HTTP).orElseThrow().address();
		try (UiWatchdog watchdog = UiWatchdog.start(driver.display())) {
			select(device);
			execute("dev.onramp.ui.commands.connectDevice");
			choose("Provision with Proof of Possession");
			press("Continue");
			Shell dialog = shell("Provision with Proof of Possession");
			driver.type(driver.textAfterLabel("Proof of possession:"), "wrongpop9");
			tick("Remember in secure storage");
			driver.type(driver.textAfterLabel("Network (SSID):"), SSID);
			driver.type(driver.textAfterLabel("Password:"), PASSWORD);
			driver.screenshot(dialog, screenshots().resolve("provision-dialog.png"));
			press("Provision");
			ScenarioJob job = scenarioJob().orElseThrow();

			String text = outcome("Provisioning failed");
			assertTrue(text.contains("proof of possession"), () -> "says what was wrong: " + text);
			assertTrue(text.contains("does not retry"), () -> "says it is not retried: " + text);
			assertFalse(text.contains("--"), () -> "no command-line flag: " + text);
			driver.screenshot(shell("Provisioning failed"), screenshots().resolve("provision-wrong-pop.png"));
			press("OK");
			driver.waitUntil("the Job to end", () -> job.getResult() != null);
			assertEquals(IStatus.ERROR, job.getResult().getSeverity());
			assertEquals(4, job.getResult().getCode(), "the handshake-rejected class of failure");
			watchdog.assertResponsive();
		}
		assertNull(recalled(key), "a rejected PoP is not remembered");
		assertFalse(CONSOLES.contains("wrongpop9"), "the PoP never reaches the console");
	}

	@Test
	void aRememberedProofOfPossessionLivesOnlyInSecureStorageAndIsForgottenWhenUnticked() throws Exception {
		Device device = provisioningDevice();
		String key = device.endpoint(EndpointKind.PROVISIONING_HTTP).orElseThrow().address();
		try (UiWatchdog watchdog = UiWatchdog.start(driver.display())) {
			select(device);
			execute("dev.onramp.ui.commands.provision");
			shell("Provision with Proof of Possession");
			driver.type(driver.textAfterLabel("Proof of possession:"), POP);
			tick("Remember in secure storage");
			driver.type(driver.textAfterLabel("Network (SSID):"), SSID);
			driver.type(driver.textAfterLabel("Password:"), PASSWORD);
			press("Provision");
			String text = outcome("Device provisioned");
			assertTrue(text.contains(SSID) && text.contains("security 2"), () -> "the result: " + text);
			press("OK");
			watchdog.assertResponsive();
		}
		assertEquals(POP, recalled(key), "remembered in secure storage");
		ISecurePreferences node = SecurePreferencesFactory.getDefault().node(RememberedPops.nodePath(key));
		assertTrue(node.isEncrypted("pop"), "encrypted");
		assertNoPreferenceHolds(InstanceScope.INSTANCE.getNode(""), POP);
		Path keyring = Path.of(System.getProperty("onramp.secureStorage"));
		assertFalse(Files.readString(keyring, StandardCharsets.ISO_8859_1).contains(POP),
				"the storage file holds the PoP encrypted only");
		assertFalse(CONSOLES.contains(POP), "the PoP never reaches the console");

		// the dialog fills in the remembered PoP; unticking the box forgets it
		try (UiWatchdog watchdog = UiWatchdog.start(driver.display())) {
			select(device);
			execute("dev.onramp.ui.commands.provision");
			Text pop = driver.textAfterLabel("Proof of possession:");
			driver.waitUntil("the remembered PoP to be filled in", () -> POP.equals(pop.getText()));
			Button remember = driver.button("Remember in secure storage");
			assertTrue(remember.getSelection(), "the box shows it is remembered");
			driver.click(remember);
			driver.type(driver.textAfterLabel("Network (SSID):"), SSID);
			press("Provision");
			ScenarioJob job = scenarioJob().orElseThrow();
			driver.waitUntil("the Job to end", () -> job.getResult() != null);
			driver.flushEvents();
			watchdog.assertResponsive();
		}
		assertNull(recalled(key), "forgotten");
	}

	private void tick(String checkBox) {
		Button box = driver.button(checkBox);
		if (!box.getSelection()) {
			driver.click(box);
		}
	}

	private static String recalled(String key) throws Exception {
		ISecurePreferences root = SecurePreferencesFactory.getDefault();
		String path = RememberedPops.nodePath(key);
		return root.nodeExists(path) ? root.node(path).get("pop", null) : null;
	}

	private static void assertNoPreferenceHolds(Preferences node, String secret) throws BackingStoreException {
		for (String name : node.keys()) {
			assertFalse(secret.equals(node.get(name, null)), () -> "a preference holds the secret: " + node + "/" + name);
		}
		for (String child : node.childrenNames()) {
			assertNoPreferenceHolds(node.node(child), secret);
		}
	}
}
