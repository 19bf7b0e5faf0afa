/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.serial.repl.internal;

import org.eclipse.core.runtime.IProgressMonitor;
import org.osgi.service.component.annotations.Component;

import dev.onramp.core.OnrampException;
import dev.onramp.core.repl.IChannelOpener;
import dev.onramp.core.repl.IReplService;
import dev.onramp.core.repl.IReplSession;
import dev.onramp.core.repl.ReplOptions;
import dev.onramp.core.serial.IByteChannel;

/** Opens MicroPython raw REPL sessions. Stateless: each session owns its channel. */
@Component(service = IReplService.class)
public class ReplService implements IReplService {

	@Override
	public IReplSession connect(IByteChannel channel, IProgressMonitor monitor) throws OnrampException {
		return ReplSession.connect(channel, null, ReplOptions.defaults(), monitor);
	}

	@Override
	public IReplSession connect(IChannelOpener opener, ReplOptions options, IProgressMonitor monitor)
			throws OnrampException {
		return ReplSession.connect(opener.open(), opener, options, monitor);
	}
}
