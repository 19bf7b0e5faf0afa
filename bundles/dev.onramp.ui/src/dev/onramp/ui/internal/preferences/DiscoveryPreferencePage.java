/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.ui.internal.preferences;

import org.eclipse.core.runtime.preferences.InstanceScope;
import org.eclipse.jface.preference.FieldEditorPreferencePage;
import org.eclipse.jface.preference.StringFieldEditor;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.widgets.Label;
import org.eclipse.ui.IWorkbench;
import org.eclipse.ui.IWorkbenchPreferencePage;
import org.eclipse.ui.preferences.ScopedPreferenceStore;

/**
 * Onramp > Discovery: which network interfaces look for devices over mDNS. On machines with VPNs, docker bridges or
 * several adapters, the default choice can miss the network the devices are on; here the user names it.
 */
public class DiscoveryPreferencePage extends FieldEditorPreferencePage implements IWorkbenchPreferencePage {

	/** The discovery service's preference node and keys (it reads them from InstanceScope). */
	public static final String QUALIFIER = "dev.onramp.discovery"; //$NON-NLS-1$
	public static final String INCLUDE = "interfaces.include"; //$NON-NLS-1$
	public static final String EXCLUDE = "interfaces.exclude"; //$NON-NLS-1$

	public DiscoveryPreferencePage() {
		super(GRID);
	}

	@Override
	public void init(IWorkbench workbench) {
		setPreferenceStore(new ScopedPreferenceStore(InstanceScope.INSTANCE, QUALIFIER));
		setDescription(Messages.DiscoveryPreferencePage_description);
	}

	@Override
	protected void createFieldEditors() {
		addField(new StringFieldEditor(INCLUDE, Messages.DiscoveryPreferencePage_include, getFieldEditorParent()));
		addField(new StringFieldEditor(EXCLUDE, Messages.DiscoveryPreferencePage_exclude, getFieldEditorParent()));
		Label hint = new Label(getFieldEditorParent(), SWT.WRAP);
		hint.setText(Messages.DiscoveryPreferencePage_hint);
		GridData data = new GridData(SWT.FILL, SWT.TOP, true, false, 2, 1);
		data.widthHint = 400;
		hint.setLayoutData(data);
	}
}
