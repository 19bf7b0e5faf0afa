/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.headless.internal;

import java.util.Optional;

import dev.onramp.core.OnrampException;
import dev.onramp.core.Remedy;

/**
 * The command's words for what a service says the user can supply: the options that give it. Services stay front-end
 * neutral (shared/DESIGN.md, "Two front ends"); the command adds its flags here, in one place.
 */
final class RemedyOptions {

	private RemedyOptions() {
	}

	/** @return the failure's hint, followed by the options that supply its remedy */
	static Optional<String> hint(OnrampException failure) {
		Optional<String> options = failure.remedy().map(RemedyOptions::options);
		if (options.isEmpty()) {
			return failure.hint();
		}
		return Optional.of(failure.hint().map(hint -> hint + " ").orElse("") + options.get()); //$NON-NLS-1$ //$NON-NLS-2$
	}

	static String options(Remedy remedy) {
		return switch (remedy) {
		case MORE_TIME -> "Give more time with --timeout S."; //$NON-NLS-1$
		case PROOF_OF_POSSESSION -> "Pass it as the first argument, with --pop-env VAR or with --pop-file F."; //$NON-NLS-1$
		case SRP_CREDENTIALS -> "Pass it as the first argument, with --pop-env VAR or with --pop-file F;" //$NON-NLS-1$
				+ " another username with --username U."; //$NON-NLS-1$
		case SECURITY_SCHEME -> "Use --sec auto to follow the device, or --sec 0, 1 or 2."; //$NON-NLS-1$
		case ENDPOINT -> "Give it with --endpoint HOST:PORT."; //$NON-NLS-1$
		case NETWORK_INTERFACE -> "Choose interfaces with --interface NAME (or in the discovery preferences)."; //$NON-NLS-1$
		case VALIDITY_DAYS -> "Set it with --days N."; //$NON-NLS-1$
		case DATA_DIRECTORY -> "Choose another with --data-dir DIR."; //$NON-NLS-1$
		case CERTIFICATE_ADDRESSES -> "Give the addresses with --ip, or use --trust self-signed."; //$NON-NLS-1$
		case VERIFICATION_REFERENCE -> "Run \"onramp ca init\" first, or verify with --fingerprint or --ca."; //$NON-NLS-1$
		case NEW_CERTIFICATE_AUTHORITY -> "Create it with \"onramp ca init\"."; //$NON-NLS-1$
		case SERIAL_PORT -> "Run \"onramp ports\" to list the serial ports of this computer."; //$NON-NLS-1$
		};
	}
}
