/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.ui.internal.wizards.wifi;

import java.lang.reflect.InvocationTargetException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.wizard.WizardPage;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.PlatformUI;

import dev.onramp.core.Secret;
import dev.onramp.core.provisioning.WifiNetwork;
import dev.onramp.ui.internal.wizards.DeviceStep;

/**
 * The network page both Wi-Fi wizards share: the device's own scan (signal bars, a lock for secured networks, Other
 * network… for a hidden one, the 2.4 GHz note, Rescan), the network name and its password with Show. The scan runs
 * when the page is first shown, never while it is built. A failed attempt is shown on the page, so the user can fix
 * the answer and finish again; when the wizard offers a Retry, Finish waits for it.
 */
final class NetworkPage extends WizardPage {

	/** The device's scan, called from the wizard container's forked runnable. */
	@FunctionalInterface
	interface Scanner {
		List<WifiNetwork> scan(IProgressMonitor monitor) throws InvocationTargetException, InterruptedException;
	}

	/** The wizard's answer to Retry, on the UI thread: true once the device accepts new settings. */
	@FunctionalInterface
	interface Retry {
		boolean run();
	}

	private static final char ECHO = '\u25cf';

	private final Scanner scanner;
	private final String helpContext;
	private Table table;
	private Image lock;
	private Text ssid;
	private Text password;
	private Label problem;
	private Button retry;
	private Retry retryAction;
	private boolean scanned;
	private boolean touched;

	NetworkPage(Scanner scanner, String helpContext) {
		super("network"); //$NON-NLS-1$
		this.scanner = scanner;
		this.helpContext = helpContext;
		setTitle(Messages.Network_title);
		setDescription(Messages.Network_description);
		setPageComplete(false);
	}

	@Override
	public void createControl(Composite parent) {
		Composite page = new Composite(parent, SWT.NONE);
		GridLayoutFactory.swtDefaults().numColumns(3).applyTo(page);

		table = new Table(page, SWT.BORDER | SWT.SINGLE | SWT.FULL_SELECTION);
		table.setHeaderVisible(true);
		column(Messages.Network_column, 220);
		column(Messages.Network_signal, 80);
		column(Messages.Network_security, 100);
		GridDataFactory.fillDefaults().span(3, 1).grab(true, true).hint(420, 140).applyTo(table);
		table.addListener(SWT.Selection, e -> chosen());
		lock = lockImage(table.getDisplay());
		table.addListener(SWT.Dispose, e -> lock.dispose());

		Label note = new Label(page, SWT.WRAP);
		note.setText(Messages.Network_note);
		GridDataFactory.fillDefaults().span(2, 1).grab(true, false).hint(320, SWT.DEFAULT).applyTo(note);
		Button rescan = new Button(page, SWT.PUSH);
		rescan.setText(Messages.Network_rescan);
		rescan.addListener(SWT.Selection, e -> rescan());
		GridDataFactory.swtDefaults().align(SWT.END, SWT.BEGINNING).applyTo(rescan);

		label(page, Messages.Network_ssid);
		ssid = new Text(page, SWT.SINGLE | SWT.BORDER);
		ssid.setEditable(false);
		GridDataFactory.fillDefaults().grab(true, false).applyTo(ssid);
		ssid.addListener(SWT.Modify, e -> validate());
		new Label(page, SWT.NONE);

		label(page, Messages.Network_password);
		password = new Text(page, SWT.SINGLE | SWT.BORDER | SWT.PASSWORD);
		GridDataFactory.fillDefaults().grab(true, false).applyTo(password);
		Button show = new Button(page, SWT.CHECK);
		show.setText(Messages.Network_show);
		show.addListener(SWT.Selection, e -> password.setEchoChar(show.getSelection() ? '\0' : ECHO));

		problem = new Label(page, SWT.WRAP);
		GridDataFactory.fillDefaults().span(2, 1).grab(true, false).hint(320, SWT.DEFAULT).applyTo(problem);
		retry = new Button(page, SWT.PUSH);
		retry.setText(Messages.Network_retry);
		retry.setToolTipText(Messages.Network_retryTip);
		retry.setVisible(false);
		retry.addListener(SWT.Selection, e -> retried());
		GridDataFactory.swtDefaults().align(SWT.END, SWT.BEGINNING).applyTo(retry);

		PlatformUI.getWorkbench().getHelpSystem().setHelp(page, helpContext);
		setControl(page);
	}

	private void column(String text, int width) {
		TableColumn column = new TableColumn(table, SWT.LEFT);
		column.setText(text);
		column.setWidth(width);
	}

	private static void label(Composite parent, String text) {
		new Label(parent, SWT.NONE).setText(text);
	}

	@Override
	public void setVisible(boolean visible) {
		super.setVisible(visible);
		if (visible && !scanned) {
			scanned = true;
			// after the page shows: the container's progress runs in the open dialog, not while it is being built
			getShell().getDisplay().asyncExec(this::rescan);
		}
	}

	/** Scans again the next time the page shows (the wizard opened a new session). */
	void scanWhenShown() {
		scanned = false;
	}

	/** Asks the device which networks it sees, in the container's forked, cancellable runnable. */
	void rescan() {
		if (table == null || table.isDisposed()) {
			return;
		}
		table.removeAll();
		problem(Messages.Network_scanning);
		AtomicReference<List<WifiNetwork>> found = new AtomicReference<>(List.of());
		try {
			getContainer().run(true, true, monitor -> found.set(scanner.scan(monitor)));
		} catch (InvocationTargetException e) {
			fill(List.of());
			problem(DeviceStep.describe(e));
			return;
		} catch (InterruptedException e) {
			fill(List.of());
			problem(""); //$NON-NLS-1$
			return;
		}
		if (table.isDisposed()) {
			return;
		}
		fill(found.get());
		problem(found.get().isEmpty() ? Messages.Network_none : ""); //$NON-NLS-1$
	}

	private void fill(List<WifiNetwork> networks) {
		if (table.isDisposed()) {
			return;
		}
		table.removeAll();
		for (WifiNetwork network : networks) {
			TableItem item = new TableItem(table, SWT.NONE);
			item.setText(new String[] { network.ssid(), bars(network.rssi()),
					network.secured() ? Messages.Network_secured : Messages.Network_open });
			item.setData(network);
			if (network.secured()) {
				item.setImage(2, lock);
			}
		}
		new TableItem(table, SWT.NONE).setText(Messages.Network_other);
	}

	/** @return a padlock drawn for the Security column (no font on every system has one) */
	private static Image lockImage(Display display) {
		Image image = new Image(display, 14, 14);
		GC gc = new GC(image);
		try {
			gc.setBackground(display.getSystemColor(SWT.COLOR_LIST_BACKGROUND));
			gc.fillRectangle(0, 0, 14, 14);
			gc.setForeground(display.getSystemColor(SWT.COLOR_LIST_FOREGROUND));
			gc.setBackground(display.getSystemColor(SWT.COLOR_LIST_FOREGROUND));
			gc.setLineWidth(2);
			gc.drawArc(4, 1, 6, 8, 0, 180);
			gc.drawLine(4, 5, 4, 7);
			gc.drawLine(10, 5, 10, 7);
			gc.fillRectangle(2, 7, 11, 7);
		} finally {
			gc.dispose();
		}
		return image;
	}

	/** @return the signal as bars, as phones show it: four for a strong network, one for a weak one */
	static String bars(int rssi) {
		int count = rssi >= -55 ? 4 : rssi >= -67 ? 3 : rssi >= -78 ? 2 : 1;
		return "\u2582\u2584\u2586\u2588".substring(0, count) + "  " + rssi + " dBm"; //$NON-NLS-1$ //$NON-NLS-2$
	}

	private void chosen() {
		TableItem[] selection = table.getSelection();
		if (selection.length == 0) {
			return;
		}
		touched = true;
		if (selection[0].getData() instanceof WifiNetwork network) {
			ssid.setEditable(false);
			ssid.setText(network.ssid());
			password.setEnabled(network.secured());
			if (network.secured()) {
				password.setFocus();
			}
		} else {
			ssid.setEditable(true);
			ssid.setText(""); //$NON-NLS-1$
			password.setEnabled(true);
			ssid.setFocus();
		}
		validate();
	}

	private void validate() {
		String wrong = ssidProblem(ssid.getText());
		setPageComplete(wrong == null && retryAction == null);
		if (touched) {
			setErrorMessage(retryAction != null ? Messages.Network_retryFirst : wrong);
		}
	}

	private static String ssidProblem(String name) {
		if (name.isEmpty()) {
			return Messages.Network_ssidMissing;
		}
		return name.getBytes(StandardCharsets.UTF_8).length > 32 ? Messages.Network_ssidTooLong : null;
	}

	private void problem(String text) {
		if (!problem.isDisposed()) {
			problem.setText(text);
			problem.getParent().layout(true);
		}
	}

	/** @return the network the user chose */
	String ssid() {
		return ssid.getText();
	}

	/** @return the password as a secret (the consoles are told to mask it); empty for an open network */
	Secret password() {
		if (!password.isEnabled()) {
			return Secret.of(new char[0]);
		}
		char[] chars = password.getTextChars();
		try {
			DeviceStep.maskInConsoles(new String(chars));
			return Secret.of(chars);
		} finally {
			Arrays.fill(chars, '\0');
		}
	}

	/**
	 * Shows why the attempt failed: the service's message and hint, staying on the page.
	 *
	 * @param offer the device's reset before the next attempt, or null when the user can simply finish again
	 */
	void failed(String text, Retry offer) {
		touched = true;
		retryAction = offer;
		problem(text);
		retry.setVisible(offer != null);
		setErrorMessage(text.lines().findFirst().orElse(text));
		setPageComplete(false);
		if (offer == null) {
			// the user types the corrected password and finishes again
			password.setText(""); //$NON-NLS-1$
			validate();
			password.setFocus();
		}
	}

	private void retried() {
		Retry action = retryAction;
		if (action != null && action.run()) {
			retryAction = null;
			retry.setVisible(false);
			password.setText(""); //$NON-NLS-1$
			problem(Messages.Network_ready);
			setErrorMessage(null);
			validate();
			password.setFocus();
		}
	}

	/** Shows a failure of the retry itself. */
	void retryFailed(String text) {
		problem(text);
		setErrorMessage(text.lines().findFirst().orElse(text));
	}
}
