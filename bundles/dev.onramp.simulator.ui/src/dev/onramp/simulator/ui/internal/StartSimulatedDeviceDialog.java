/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.simulator.ui.internal;

import java.util.EnumMap;
import java.util.Map;
import java.util.function.BiConsumer;

import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.dialogs.TitleAreaDialog;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.events.SelectionListener;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Group;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;

/**
 * Picks the simulated board to start and shows the demo values it starts with (its Wi-Fi network and, for ESP-IDF
 * provisioning, its proof of possession), so the user can type them into the scenarios. Touches no port: the board
 * starts in a Job once the dialog is closed with Start.
 */
public class StartSimulatedDeviceDialog extends TitleAreaDialog {

	private final DemoValues values;
	private final BiConsumer<SimulatedBoard, DemoValues> onStart;
	private final Map<SimulatedBoard, Button> choices = new EnumMap<>(SimulatedBoard.class);
	private SimulatedBoard board = SimulatedBoard.PYDIRECT;
	private Label description;
	private Label popLabel;
	private Text popText;

	/**
	 * @param onStart called on the UI thread with the chosen board when the user presses Start; it must not block
	 */
	public StartSimulatedDeviceDialog(Shell parent, DemoValues values, BiConsumer<SimulatedBoard, DemoValues> onStart) {
		super(parent);
		setHelpAvailable(false);
		this.values = values;
		this.onStart = onStart;
	}

	@Override
	protected void configureShell(Shell shell) {
		super.configureShell(shell);
		shell.setText(Messages.StartDialog_title);
	}

	@Override
	protected boolean isResizable() {
		return true;
	}

	@Override
	protected Control createDialogArea(Composite parent) {
		Composite area = (Composite) super.createDialogArea(parent);
		setTitle(Messages.StartDialog_title);
		setMessage(Messages.StartDialog_message);

		Composite content = new Composite(area, SWT.NONE);
		GridDataFactory.fillDefaults().grab(true, true).applyTo(content);
		GridLayoutFactory.swtDefaults().margins(10, 10).spacing(5, 8).applyTo(content);

		Group kinds = new Group(content, SWT.NONE);
		kinds.setText(Messages.StartDialog_board);
		GridDataFactory.fillDefaults().grab(true, false).applyTo(kinds);
		GridLayoutFactory.swtDefaults().applyTo(kinds);
		for (SimulatedBoard each : SimulatedBoard.values()) {
			Button radio = new Button(kinds, SWT.RADIO);
			radio.setText(each.label());
			radio.setSelection(each == board);
			radio.addSelectionListener(SelectionListener.widgetSelectedAdapter(e -> {
				if (radio.getSelection()) {
					choose(each);
				}
			}));
			choices.put(each, radio);
		}
		// one description, of the chosen board, broken into lines by the message itself: wrapped labels are costly to
		// lay out on GTK, and the dialog opens on the UI thread
		description = new Label(kinds, SWT.NONE);
		GridDataFactory.fillDefaults().grab(true, false).indent(0, 4).hint(SWT.DEFAULT, convertHeightInCharsToPixels(3))
				.applyTo(description);

		Group demo = new Group(content, SWT.NONE);
		demo.setText(Messages.StartDialog_demoValues);
		GridDataFactory.fillDefaults().grab(true, false).applyTo(demo);
		GridLayoutFactory.swtDefaults().numColumns(2).applyTo(demo);
		field(demo, Messages.StartDialog_ssid, values.ssid());
		field(demo, Messages.StartDialog_wifiPassword, values.wifiPassword());
		popLabel = new Label(demo, SWT.NONE);
		popLabel.setText(Messages.StartDialog_pop);
		popText = readOnly(demo, values.pop());
		Label note = new Label(demo, SWT.NONE);
		note.setText(Messages.StartDialog_demoNote);
		GridDataFactory.fillDefaults().span(2, 1).applyTo(note);
		choose(board);
		return area;
	}

	private static void field(Composite parent, String label, String value) {
		new Label(parent, SWT.NONE).setText(label);
		readOnly(parent, value);
	}

	/** Read-only but selectable, so the value can be copied into a scenario's dialog. */
	private static Text readOnly(Composite parent, String value) {
		Text text = new Text(parent, SWT.BORDER | SWT.READ_ONLY);
		text.setText(value);
		GridDataFactory.fillDefaults().grab(true, false).applyTo(text);
		return text;
	}

	private void choose(SimulatedBoard chosen) {
		board = chosen;
		description.setText(chosen.description());
		// the proof of possession belongs to the ESP-IDF board only
		boolean pop = chosen == SimulatedBoard.ESP_IDF_PROVISIONING;
		popLabel.setEnabled(pop);
		popText.setEnabled(pop);
	}

	@Override
	protected void createButtonsForButtonBar(Composite parent) {
		createButton(parent, IDialogConstants.OK_ID, Messages.StartDialog_start, true);
		createButton(parent, IDialogConstants.CANCEL_ID, IDialogConstants.CANCEL_LABEL, false);
	}

	@Override
	protected void okPressed() {
		SimulatedBoard chosen = board;
		super.okPressed();
		onStart.accept(chosen, values);
	}

	/** @return the board chosen now */
	public SimulatedBoard board() {
		return board;
	}
}
