/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.ui.tests.scenarios;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.eclipse.core.commands.Command;
import org.eclipse.jface.bindings.TriggerSequence;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Menu;
import org.eclipse.swt.widgets.MenuItem;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.commands.ICommandService;
import org.eclipse.ui.keys.IBindingService;
import org.junit.jupiter.api.Test;

import dev.onramp.core.Device;
import dev.onramp.core.DeviceKind;
import dev.onramp.core.EndpointKind;
import dev.onramp.ui.tests.driver.UiWatchdog;

/** The context menu and the commands' enablement follow what the selected board can do. */
class ScenarioCommandsTest extends ScenarioTestSupport {

	private static final Map<String, String> COMMANDS = new LinkedHashMap<>();
	static {
		COMMANDS.put("dev.onramp.ui.commands.connectDevice", "Connect Device...");
		COMMANDS.put("dev.onramp.ui.commands.changeWifi", "Change Wi-Fi...");
		COMMANDS.put("dev.onramp.ui.commands.reprovision", "Re-provision...");
		COMMANDS.put("dev.onramp.ui.commands.provision", "Provision with Proof of Possession...");
		COMMANDS.put("dev.onramp.ui.commands.openInBrowser", "Open in Browser");
		COMMANDS.put("dev.onramp.ui.commands.verifyCertificate", "Verify Certificate");
	}

	@Test
	void eachKindOfBoardIsOfferedExactlyTheScenariosThatFit() {
		Map<String, Device> boards = new LinkedHashMap<>();
		boards.put("Improv", Device.builder(DeviceKind.IMPROV).endpoint(EndpointKind.SERIAL, "/dev/ttyUSB7").build());
		boards.put("MicroPython", Device.builder(DeviceKind.MICROPYTHON).endpoint(EndpointKind.SERIAL, "/dev/ttyACM7")
				.build());
		boards.put("pyDirect", Device.builder(DeviceKind.PYDIRECT).hostname("pydirect-a1b2")
				.endpoint(EndpointKind.SERIAL, "/dev/ttyACM8").endpoint(EndpointKind.WEB, "https://pydirect-a1b2.local/")
				.build());
		boards.put("ESP-IDF provisioning", Device.builder(DeviceKind.ESP_IDF_PROVISIONING)
				.endpoint(EndpointKind.PROVISIONING_HTTP, "192.168.4.1:80").build());
		boards.put("ESP-IDF console", Device.builder(DeviceKind.ESP_IDF_CONSOLE)
				.endpoint(EndpointKind.SERIAL, "/dev/ttyUSB8").build());
		Map<String, Set<String>> expected = Map.of(
				"Improv", Set.of("Connect Device...", "Change Wi-Fi..."),
				"MicroPython", Set.of("Connect Device...", "Change Wi-Fi...", "Re-provision..."),
				"pyDirect", Set.of("Connect Device...", "Change Wi-Fi...", "Re-provision...", "Open in Browser",
						"Verify Certificate"),
				"ESP-IDF provisioning", Set.of("Connect Device...", "Provision with Proof of Possession..."),
				"ESP-IDF console", Set.of());

		ICommandService commands = PlatformUI.getWorkbench().getService(ICommandService.class);
		try (UiWatchdog watchdog = UiWatchdog.start(driver.display())) {
			for (Map.Entry<String, Device> board : boards.entrySet()) {
				select(board.getValue());
				Set<String> offered = contextMenuItems();
				Set<String> menu = new TreeSet<>(expected.get(board.getKey()));
				if (board.getValue().endpoint(EndpointKind.SERIAL).isPresent()) {
					menu.add("Open Console"); // every board on a serial line has its console
				}
				assertEquals(menu, offered, board.getKey() + ": the context menu");
				Set<String> enabled = new TreeSet<>();
				for (Map.Entry<String, String> command : COMMANDS.entrySet()) {
					Command c = commands.getCommand(command.getKey());
					if (c.isEnabled()) {
						enabled.add(command.getValue());
					}
				}
				assertEquals(new TreeSet<>(expected.get(board.getKey())), enabled, board.getKey() + ": enabled");
			}
			watchdog.assertResponsive();
		}
	}

	@Test
	void commandsAreDeclaredInTheOnrampCategoryWithConnectDeviceBoundToAKey() throws Exception {
		ICommandService commands = PlatformUI.getWorkbench().getService(ICommandService.class);
		for (Map.Entry<String, String> command : COMMANDS.entrySet()) {
			Command c = commands.getCommand(command.getKey());
			assertTrue(c.isDefined(), command.getKey());
			assertEquals(command.getValue(), c.getName());
			assertEquals("dev.onramp.ui.commands.category", c.getCategory().getId());
		}
		IBindingService bindings = PlatformUI.getWorkbench().getService(IBindingService.class);
		List<String> keys = new ArrayList<>();
		for (TriggerSequence sequence : bindings.getActiveBindingsFor("dev.onramp.ui.commands.connectDevice")) {
			keys.add(sequence.format());
		}
		// the binding's context (the Device Explorer's) is active only in the explorer: look at its definition
		boolean declared = java.util.Arrays.stream(bindings.getBindings())
				.anyMatch(b -> b.getParameterizedCommand() != null
						&& "dev.onramp.ui.commands.connectDevice".equals(b.getParameterizedCommand().getId())
						&& "dev.onramp.ui.contexts.deviceExplorer".equals(b.getContextId())
						&& b.getTriggerSequence().format().contains("Enter"));
		assertTrue(declared, () -> "Connect Device has its key in the Device Explorer's context; active now: " + keys);
		assertNotNull(commands.getCommand("dev.onramp.ui.commands.connectDevice").getHandler());
	}

	/** @return the labels of the visible items, as the menu shows them when it opens */
	private Set<String> contextMenuItems() {
		Menu menu = view.contextMenu();
		menu.notifyListeners(SWT.Show, new Event());
		driver.flushEvents();
		Set<String> labels = new TreeSet<>();
		for (MenuItem item : menu.getItems()) {
			if ((item.getStyle() & SWT.SEPARATOR) == 0) {
				String text = item.getText().replace("&", "");
				int tab = text.indexOf('\t');
				labels.add(tab < 0 ? text : text.substring(0, tab));
			}
		}
		menu.notifyListeners(SWT.Hide, new Event());
		driver.flushEvents();
		return labels;
	}
}
