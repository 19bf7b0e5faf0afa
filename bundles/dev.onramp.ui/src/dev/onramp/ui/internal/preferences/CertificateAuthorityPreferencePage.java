/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.ui.internal.preferences;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.ServiceCaller;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.preference.PreferencePage;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Group;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.IWorkbench;
import org.eclipse.ui.IWorkbenchPreferencePage;

import dev.onramp.core.OnrampException;
import dev.onramp.core.certs.CaInfo;
import dev.onramp.core.certs.CaKeyAlgorithm;
import dev.onramp.core.certs.CaRotation;
import dev.onramp.core.certs.ICertificateAuthority;
import dev.onramp.core.certs.ICertificateInventory;
import dev.onramp.core.certs.InventoryEntry;
import dev.onramp.ui.internal.jobs.DeviceRule;

/**
 * Onramp > Certificate Authority: whether the local CA exists, its subject, fingerprint and validity; create it,
 * export it (PEM, or DER for Windows and phones), share it with a phone by a QR code, read how to trust it, and
 * rotate it with a warning naming the devices to bless again. The page is built without I/O; every CA call runs in
 * a Job and the page fills itself when the Job returns.
 */
public class CertificateAuthorityPreferencePage extends PreferencePage implements IWorkbenchPreferencePage {

	public static final String ID = "dev.onramp.ui.preferences.ca"; //$NON-NLS-1$
	/** The family of the page's Jobs (they belong to {@link DeviceRule#FAMILY} too). */
	public static final Object JOB_FAMILY = CertificateAuthorityPreferencePage.class;
	private static final DateTimeFormatter DATE = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM);

	/** What a Job read, for the page to show. */
	private record Shown(Optional<CaInfo> ca, String instructions, List<InventoryEntry> blessed, String message) {
	}

	@FunctionalInterface
	private interface CaWork {
		Shown run(ICertificateAuthority authority, IProgressMonitor monitor) throws OnrampException, IOException;
	}

	private Label state;
	private Text subject;
	private Text fingerprint;
	private Text validity;
	private Text file;
	private Combo algorithm;
	private Button create;
	private Button export;
	private Button share;
	private Button rotate;
	private Text instructions;
	private Label result;
	private Shown shown;
	private Function<Shell, String> exportFileChooser = CertificateAuthorityPreferencePage::chooseExportFile;

	@Override
	public void init(IWorkbench workbench) {
		noDefaultAndApplyButton();
		setDescription(Messages.CaPage_description);
	}

	@Override
	protected Control createContents(Composite parent) {
		initializeDialogUnits(parent);
		Composite page = new Composite(parent, SWT.NONE);
		page.setLayout(new GridLayout(1, false));
		state = new Label(page, SWT.WRAP);
		state.setText(Messages.CaPage_reading);
		state.setLayoutData(wide(2));

		Group details = new Group(page, SWT.NONE);
		details.setText(Messages.CaPage_details);
		details.setLayout(new GridLayout(2, false));
		details.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
		subject = field(details, Messages.CaPage_subject);
		fingerprint = field(details, Messages.CaPage_fingerprint);
		validity = field(details, Messages.CaPage_validity);
		file = field(details, Messages.CaPage_file);

		Composite actions = new Composite(page, SWT.NONE);
		actions.setLayout(new GridLayout(6, false));
		new Label(actions, SWT.NONE).setText(Messages.CaPage_key);
		algorithm = new Combo(actions, SWT.READ_ONLY);
		algorithm.setItems(Messages.CaPage_keyEc, Messages.CaPage_keyRsa);
		algorithm.select(0);
		create = button(actions, Messages.CaPage_create, this::createCa);
		rotate = button(actions, Messages.CaPage_rotate, this::confirmRotation);
		export = button(actions, Messages.CaPage_export, this::exportCa);
		share = button(actions, Messages.CaPage_share, this::shareCa);

		new Label(page, SWT.NONE).setText(Messages.CaPage_trust);
		instructions = new Text(page, SWT.MULTI | SWT.READ_ONLY | SWT.BORDER | SWT.V_SCROLL | SWT.H_SCROLL);
		GridData instructionsData = new GridData(SWT.FILL, SWT.FILL, true, true);
		instructionsData.heightHint = 160;
		instructionsData.widthHint = 520;
		instructions.setLayoutData(instructionsData);
		result = new Label(page, SWT.WRAP);
		result.setLayoutData(wide(3));
		enableActions();
		run(Messages.CaPage_readJob, (authority, monitor) -> read(authority, null, null));
		return page;
	}

	/** Room for {@code lines} lines from the start, so that new text needs no new layout (slow on GTK). */
	private GridData wide(int lines) {
		GridData data = new GridData(SWT.FILL, SWT.TOP, true, false);
		data.widthHint = 520;
		data.heightHint = convertHeightInCharsToPixels(lines);
		return data;
	}

	private static Text field(Composite parent, String label) {
		new Label(parent, SWT.NONE).setText(label);
		Text text = new Text(parent, SWT.READ_ONLY | SWT.SINGLE);
		text.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
		return text;
	}

	private static Button button(Composite parent, String label, Runnable action) {
		Button button = new Button(parent, SWT.PUSH);
		button.setText(label);
		button.addListener(SWT.Selection, event -> action.run());
		return button;
	}

	private CaKeyAlgorithm selectedAlgorithm() {
		return algorithm.getSelectionIndex() == 1 ? CaKeyAlgorithm.RSA_3072 : CaKeyAlgorithm.EC_P256;
	}

	private void createCa() {
		CaKeyAlgorithm chosen = selectedAlgorithm();
		run(Messages.CaPage_createJob, (authority, monitor) -> {
			CaInfo created = authority.initialize(chosen);
			return read(authority, null, NLS.bind(Messages.CaPage_created, created.fingerprintSha256()));
		});
	}

	private void exportCa() {
		String chosen = exportFileChooser.apply(getShell());
		if (chosen == null) {
			return;
		}
		Path target = Path.of(chosen).toAbsolutePath();
		boolean der = isDer(target);
		run(Messages.CaPage_exportJob, (authority, monitor) -> {
			Files.createDirectories(target.getParent());
			if (der) {
				Files.write(target, authority.exportDer());
			} else {
				Files.writeString(target, authority.exportPem(), StandardCharsets.US_ASCII);
			}
			return read(authority, target,
					NLS.bind(der ? Messages.CaPage_exportedDer : Messages.CaPage_exportedPem, target));
		});
	}

	private void shareCa() {
		ServiceCaller.callOnce(getClass(), ICertificateAuthority.class,
				authority -> new ShareCertificateDialog(getShell(), authority).open());
	}

	private void confirmRotation() {
		if (shown == null || shown.ca().isEmpty()) {
			return;
		}
		StringBuilder message = new StringBuilder(NLS.bind(Messages.CaPage_rotateWarning, shown.ca().get().subject()));
		if (shown.blessed().isEmpty()) {
			message.append(Messages.CaPage_rotateNoDevices);
		} else {
			message.append(NLS.bind(Messages.CaPage_rotateDevices, Integer.valueOf(shown.blessed().size())));
			for (InventoryEntry entry : shown.blessed()) {
				message.append("\n  \u2022 ").append(entry.hostname()).append("  (") //$NON-NLS-1$ //$NON-NLS-2$
						.append(NLS.bind(Messages.CaPage_expires, date(entry.notAfter()))).append(')');
			}
		}
		MessageDialog dialog = new MessageDialog(getShell(), Messages.CaPage_rotateTitle, null, message.toString(),
				MessageDialog.WARNING, 1, Messages.CaPage_rotateConfirm, Messages.CaPage_rotateCancel);
		if (dialog.open() != 0) {
			return;
		}
		CaKeyAlgorithm chosen = selectedAlgorithm();
		run(Messages.CaPage_rotateJob, (authority, monitor) -> {
			CaRotation rotation = authority.rotate(chosen);
			return read(authority, null, NLS.bind(Messages.CaPage_rotated, rotation.retiredFiles(),
					Integer.valueOf(rotation.toBlessAgain().size())));
		});
	}

	private Shown read(ICertificateAuthority authority, Path exported, String message) throws OnrampException {
		Optional<CaInfo> info = authority.info();
		if (info.isEmpty()) {
			return new Shown(info, "", List.of(), message); //$NON-NLS-1$
		}
		String trust = authority.trustInstructions(exported != null ? exported : info.get().certificateFile());
		Optional<ICertificateInventory> inventory = new ServiceCaller<>(getClass(), ICertificateInventory.class)
				.current();
		List<InventoryEntry> blessed = inventory.isPresent()
				? CaRotation.blessedBy(info.get(), inventory.get().entries(), Instant.now())
				: List.of();
		return new Shown(info, trust, blessed, message);
	}

	private void run(String name, CaWork work) {
		Job job = new Job(name) {
			@Override
			protected IStatus run(IProgressMonitor monitor) {
				Optional<ICertificateAuthority> authority = new ServiceCaller<>(
						CertificateAuthorityPreferencePage.class, ICertificateAuthority.class).current();
				if (authority.isEmpty()) {
					showFailure(Messages.CaPage_noService);
					return Status.OK_STATUS;
				}
				try {
					Shown read = work.run(authority.get(), monitor);
					asyncOnPage(() -> show(read));
				} catch (OnrampException e) {
					showFailure(e.hint() == null ? e.getMessage() : e.getMessage() + ' ' + e.hint());
				} catch (IOException e) {
					showFailure(NLS.bind(Messages.CaPage_cannotWrite, e.getMessage()));
				}
				return Status.OK_STATUS;
			}

			@Override
			public boolean belongsTo(Object family) {
				return family == JOB_FAMILY || family == DeviceRule.FAMILY;
			}
		};
		setButtonsEnabled(false);
		job.schedule();
	}

	private void asyncOnPage(Runnable update) {
		Control control = getControl();
		if (control == null || control.isDisposed()) {
			return;
		}
		control.getDisplay().asyncExec(() -> {
			if (!state.isDisposed()) {
				update.run();
			}
		});
	}

	private void showFailure(String message) {
		asyncOnPage(() -> {
			result.setText(message);
			setErrorMessage(message);
			enableActions();
		});
	}

	private void show(Shown read) {
		shown = read;
		setErrorMessage(null);
		if (read.ca().isPresent()) {
			CaInfo ca = read.ca().get();
			long days = Duration.between(Instant.now(), ca.notAfter()).toDays();
			state.setText(NLS.bind(Messages.CaPage_exists, ca.keyAlgorithm().cliName()));
			subject.setText(ca.subject());
			fingerprint.setText(ca.fingerprintSha256());
			validity.setText(NLS.bind(Messages.CaPage_validFromTo,
					new Object[] { date(ca.notBefore()), date(ca.notAfter()), Long.valueOf(days) }));
			file.setText(ca.certificateFile().toString());
		} else {
			state.setText(Messages.CaPage_none);
			subject.setText(""); //$NON-NLS-1$
			fingerprint.setText(""); //$NON-NLS-1$
			validity.setText(""); //$NON-NLS-1$
			file.setText(""); //$NON-NLS-1$
		}
		instructions.setText(read.instructions());
		result.setText(read.message() == null ? "" : read.message()); //$NON-NLS-1$
		enableActions();
	}

	private void enableActions() {
		boolean exists = shown != null && shown.ca().isPresent();
		create.setEnabled(shown != null && !exists);
		rotate.setEnabled(exists);
		export.setEnabled(exists);
		share.setEnabled(exists);
		algorithm.setEnabled(shown != null);
	}

	private void setButtonsEnabled(boolean enabled) {
		for (Button button : new Button[] { create, rotate, export, share }) {
			button.setEnabled(enabled);
		}
	}

	private static String date(Instant instant) {
		return DATE.format(instant.atZone(ZoneId.systemDefault()));
	}

	private static boolean isDer(Path target) {
		String name = target.getFileName().toString().toLowerCase(Locale.ROOT);
		return name.endsWith(".crt") || name.endsWith(".der") || name.endsWith(".cer"); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
	}

	private static String chooseExportFile(Shell shell) {
		FileDialog dialog = new FileDialog(shell, SWT.SAVE);
		dialog.setText(Messages.CaPage_exportTitle);
		dialog.setFilterExtensions(new String[] { "*.pem", "*.crt" }); //$NON-NLS-1$ //$NON-NLS-2$
		dialog.setFilterNames(new String[] { Messages.CaPage_exportPem, Messages.CaPage_exportDer });
		dialog.setFileName(CertificateShareServer.PEM_NAME);
		dialog.setOverwrite(true);
		return dialog.open();
	}

	/** Replaces the file dialog of Export..., for tests: the native dialog cannot be driven. */
	public void setExportFileChooser(Function<Shell, String> chooser) {
		this.exportFileChooser = chooser;
	}
}
