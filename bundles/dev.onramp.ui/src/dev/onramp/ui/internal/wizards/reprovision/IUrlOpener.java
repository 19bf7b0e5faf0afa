/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.ui.internal.wizards.reprovision;

/**
 * Opens a web page for the user. The security-warning dialog hands its URL to the highest-ranked service of this type
 * when one is registered (a test records it), else to the workbench browser support (external browser by default).
 */
public interface IUrlOpener {

	void open(String url);
}
