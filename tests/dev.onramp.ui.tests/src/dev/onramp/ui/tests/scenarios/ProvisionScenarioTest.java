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

import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.core.runtime.preferences.InstanceScope;
import org.eclipse.equinox.security.storage.ISecurePreferences;
import org.eclipse.equinox.security.storage.SecurePreferencesFactory;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.Text;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.osgi.service.prefs.BackingStoreException;
import org.osgi.service.prefs.Preferences;

import dev.onramp.core.Device;
import dev.onramp.core.DeviceKind;
import dev.onramp.core.EndpointKind;
import dev.onramp.core.Secret;
import dev.onramp.simulator.protocomm.ProtocommDeviceConfig;
import dev.onramp.simulator.protocomm.SimulatedProtocommDevice;
import dev.onramp.ui.internal.jobs.DeviceRule;
import dev.onramp.ui.internal.scenarios.RememberedPops;
import dev.onramp.ui.tests.driver.UiWatchdog;

/**
 * The Provision with Proof of Possession wizard against a simulated ESP-IDF device (security 2, SoftAP HTTP on
 * 127.0.0.1). The workbench runs with {@code -eclipse.keyring} and {@code -eclipse.password} (see the pom): the default
 * secure storage is a file under target/ with a fixed test password, so it works headless without prompting.
 */
class ProvisionScenarioTest extends ScenarioTestSupport {

	private static final String TITLE = "Provision with Proof of Possession";
	private static final String POP = "abcd1234";
	private static final String SSID = "OnrampLab";
	private static final String PASSWORD = "correcthorse7";
	private static final String WRONG = "wronghorse8";

	private final List<AutoCloseable> started = new ArrayList<>();
	private SimulatedProtocommDevice simulated;

	@AfterEach
	void stopDevices() throws Exception {
		closeEverything();
		for (int i = started.size() - 1; i >= 0; i--) {
			started.get(i).close();
		}
	}

	private Device provisioningDevice() throws Exception {
		simulated = SimulatedProtocommDevice.start(ProtocommDeviceConfig.builder().security(2).pop(POP)
				.network(SSID, PASSWORD).extraVisibleNetworks(2).attempts(1).build());
		started.add(simulated);
		return Device.builder(DeviceKind.ESP_IDF_PROVISIONING).name("PROV_d76c30")
				.endpoint(EndpointKind.PROVISIONING_HTTP, simulated.endpoint()).build();
	}

	@Test
	void aWrongProofOfPossessionSaysSoAndIsNeitherRetriedNorRemembered() throws Exception {
		Device device = provisioningDevice();
		String key = device.endpoint(EndpointKind.PROVISIONING_HTTP).orElseThrow().address();
		try (UiWatchdog watchdog = UiWatchdog.start(driver.display())) {
			select(device);
			execute("dev.onramp.ui.commands.connectDevice");
			choose(TITLE);
			press("Continue");
			Shell wizard = shell(TITLE);
			assertEquals(key, driver.textAfterLabel("Address:").getText(), "the device's SoftAP endpoint");
			driver.type(driver.textAfterLabel("Proof of possession:"), "wrongpop9");
			tick("Remember in secure storage");
			press("Next >");

			driver.label("does not retry");
			driver.label("5 mismatches");
			assertTrue(driver.findAll(Label.class, l -> l.getText().contains("--")).isEmpty(), "no command-line flag");
			assertTrue(driver.textAfterLabel("Proof of possession:").isVisible(), "stays on the first page");
			driver.screenshot(wizard, screenshots().resolve("wizard-provision-wrong-pop.png"));
			press("Cancel");
			driver.waitUntil("the wizard to close", wizard::isDisposed);
			watchdog.assertResponsive();
		}
		assertNull(recalled(key), "a rejected PoP is not remembered");
		assertFalse(CONSOLES.contains("wrongpop9"), "the PoP never reaches the console");
	}

	@Test
	void aWrongPasswordIsRetriedAfterTheDeviceResetsItsAttemptAndTheAcceptedPopIsRemembered() throws Exception {
		Device device = provisioningDevice();
		String key = device.endpoint(EndpointKind.PROVISIONING_HTTP).orElseThrow().address();
		try (UiWatchdog watchdog = UiWatchdog.start(driver.display())) {
			select(device);
			execute("dev.onramp.ui.commands.provision");
			Shell wizard = shell(TITLE);
			assertEquals("wifiprov", driver.textAfterLabel("User name (security 2):").getText());
			driver.type(driver.textAfterLabel("Proof of possession:"), POP);
			tick("Remember in secure storage");
			driver.screenshot(wizard, screenshots().resolve("wizard-provision-1.png"));
			press("Next >");

			// the session is open: the scheme the device reported, then its scan
			driver.label("Security 2");
			Table table = driver.find(Table.class, "the scan table", t -> t.getShell() == wizard);
			driver.waitUntil("the device's scan", () -> ChangeWifiScenarioTest.rows(table).contains(SSID));
			assertEquals(4, table.getItemCount(), "the device's networks and Other network…");
			driver.select(table, SSID);
			driver.type(driver.textAfterLabel("Password:"), WRONG);
			driver.screenshot(wizard, screenshots().resolve("wizard-provision-2.png"));
			press("Finish");

			// a wrong password: the message, and a Retry that resets the device's failed attempt
			driver.label("rejected the password");
			Button retry = driver.button("Retry");
			driver.waitUntil("the Retry button", retry::isVisible);
			assertFalse(driver.button("Finish").isEnabled(), "Finish waits for the Retry");
			driver.screenshot(wizard, screenshots().resolve("wizard-provision-3.png"));
			assertEquals(0, simulated.resets());
			press("Retry");
			driver.label("correct the password");
			assertEquals(1, simulated.resets(), "the device's failed attempt was reset");
			assertFalse(retry.isVisible());
			driver.type(driver.textAfterLabel("Password:"), PASSWORD);
			press("Finish");

			driver.waitUntil("the result page", () -> "192.168.1.77".equals(valueAfter("IP address:")));
			assertEquals(SSID, valueAfter("Network:"));
			driver.screenshot(wizard, screenshots().resolve("wizard-provision-4.png"));
			press("Finish");
			driver.waitUntil("the wizard to close", wizard::isDisposed);
			driver.waitUntil("the session to be closed", () -> Job.getJobManager().find(DeviceRule.FAMILY).length == 0);
			watchdog.assertResponsive();
		}
		assertEquals(SSID, simulated.lastReceivedSsid(), "the device got the network");
		assertEquals(POP, recalled(key), "the accepted PoP is remembered in secure storage");
		ISecurePreferences node = SecurePreferencesFactory.getDefault().node(RememberedPops.nodePath(key));
		assertTrue(node.isEncrypted("pop"), "encrypted");
		assertNoPreferenceHolds(InstanceScope.INSTANCE.getNode(""), POP);
		Path keyring = Path.of(System.getProperty("onramp.secureStorage"));
		assertFalse(Files.readString(keyring, StandardCharsets.ISO_8859_1).contains(POP),
				"the storage file holds the PoP encrypted only");
		for (String secret : List.of(POP, PASSWORD, WRONG)) {
			assertFalse(CONSOLES.contains(secret), "no secret reaches the console");
		}
	}

	@Test
	void aRememberedProofOfPossessionIsFilledInAndForgottenWhenUnticked() throws Exception {
		Device device = provisioningDevice();
		String key = device.endpoint(EndpointKind.PROVISIONING_HTTP).orElseThrow().address();
		try (Secret pop = Secret.of(POP)) {
			RememberedPops.inDefaultStorage().remember(key, pop);
		}
		try (UiWatchdog watchdog = UiWatchdog.start(driver.display())) {
			select(device);
			execute("dev.onramp.ui.commands.provision");
			Shell wizard = shell(TITLE);
			Text pop = driver.textAfterLabel("Proof of possession:");
			driver.waitUntil("the remembered PoP to be filled in", () -> POP.equals(pop.getText()));
			Button remember = driver.button("Remember in secure storage");
			assertTrue(remember.getSelection(), "the box shows it is remembered");
			driver.click(remember);
			press("Next >");
			driver.label("Security 2");
			press("Cancel");
			driver.waitUntil("the wizard to close", wizard::isDisposed);
			driver.waitUntil("the session to be closed", () -> Job.getJobManager().find(DeviceRule.FAMILY).length == 0);
			watchdog.assertResponsive();
		}
		assertNull(recalled(key), "forgotten");
	}

	private String valueAfter(String labelText) {
		Label label = driver.find(Label.class, "a label '" + labelText + "'", l -> labelText.equals(l.getText()));
		org.eclipse.swt.widgets.Control[] siblings = label.getParent().getChildren();
		for (int i = 0; i < siblings.length - 1; i++) {
			if (siblings[i] == label && siblings[i + 1] instanceof Label value) {
				return value.getText();
			}
		}
		throw new AssertionError("No value after the label '" + labelText + "'");
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
