/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.headless.internal.web;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.ProgressMonitorWrapper;
import org.eclipse.osgi.util.NLS;

import com.google.gson.JsonObject;

import dev.onramp.core.FailureReason;
import dev.onramp.core.OnrampException;
import dev.onramp.core.provisioning.IProtocommSession;
import dev.onramp.core.provisioning.ProtocommOutcome;
import dev.onramp.core.provisioning.WifiCredentials;
import dev.onramp.headless.internal.CommandFailure;

/**
 * The seed's flow of {@code onramp provision}: a page in the browser shows the device and the networks it sees, takes
 * the password, follows the device while it joins, and offers another try after a rejected password (the same session
 * resets the failed attempt, as the terminal flow does). The command ends when the page's flow does.
 */
public final class ProvisioningPage {

	/** How long the page has to fetch the final state before the server stops. */
	private static final Duration FINAL_STATE_GRACE = Duration.ofSeconds(5);

	private final IProtocommSession session;
	private final PrintStream messages;
	private final BrowserOpener opener;

	/**
	 * @param messages where the address and notices go (stderr: stdout carries the result)
	 */
	public ProvisioningPage(IProtocommSession session, PrintStream messages, BrowserOpener opener) {
		this.session = session;
		this.messages = messages;
		this.opener = opener;
	}

	/**
	 * Serves the page until the person has provisioned the device, given up, or let {@code personTimeout} pass.
	 *
	 * @param data the command's result so far; gets the {@code ssid} the person chose
	 * @throws OnrampException the failure the person gave up on (with {@code data}), {@code TIMEOUT}, {@code CANCELLED}
	 */
	public ProtocommOutcome run(PageMode mode, Duration personTimeout, JsonObject data, IProgressMonitor monitor)
			throws OnrampException {
		PageState state = new PageState(session.security(), session.protocolInfo(), session.scan(monitor));
		try (PageServer server = start(state)) {
			URI address = server.address();
			if (mode == PageMode.OPEN) {
				messages.println(NLS.bind(Messages.Page_opening, address));
				if (!opener.open(address, messages)) {
					messages.println(Messages.Page_openerFailed);
				}
			} else {
				messages.println(NLS.bind(Messages.Page_printed, address));
			}
			return follow(state, personTimeout, data, monitor);
		}
	}

	private static PageServer start(PageState state) throws OnrampException {
		try {
			return PageServer.start(state);
		} catch (IOException e) {
			throw new OnrampException(FailureReason.INTERNAL, NLS.bind(Messages.Page_cannotServe, e.getMessage()),
					null, e);
		}
	}

	private ProtocommOutcome follow(PageState state, Duration personTimeout, JsonObject data, IProgressMonitor monitor)
			throws OnrampException {
		IProgressMonitor shown = new ProgressMonitorWrapper(monitor) {
			@Override
			public void subTask(String name) {
				state.progress(name);
				super.subTask(name);
			}

			@Override
			public void setTaskName(String name) {
				state.progress(name);
				super.setTaskName(name);
			}
		};
		OnrampException lastFailure = null;
		Instant deadline = Instant.now().plus(personTimeout);
		while (true) {
			PageState.Action action;
			try {
				action = state.next(deadline, monitor);
			} catch (OnrampException e) {
				state.ended(e.getMessage(), e.hint());
				state.awaitFinishSeen(FINAL_STATE_GRACE);
				throw lastFailure != null ? CommandFailure.of(lastFailure, data, List.of()) : e;
			}
			if (action instanceof PageState.GiveUp) {
				OnrampException end = lastFailure != null ? lastFailure : OnrampException.of(FailureReason.CANCELLED);
				state.ended(Messages.Page_gaveUp, Optional.empty());
				state.awaitFinishSeen(FINAL_STATE_GRACE);
				throw CommandFailure.of(end, data, List.of());
			}
			PageState.Connect connect = (PageState.Connect) action;
			state.connecting(connect.ssid());
			data.addProperty("ssid", connect.ssid()); //$NON-NLS-1$
			try {
				if (lastFailure != null) {
					session.resetAfterFailure(shown);
				}
				ProtocommOutcome outcome = session.provision(new WifiCredentials(connect.ssid(), connect.password()),
						shown);
				state.connected(outcome);
				state.awaitFinishSeen(FINAL_STATE_GRACE);
				return outcome;
			} catch (OnrampException e) {
				boolean again = e.reason() == FailureReason.WIFI_AUTH_FAILED
						|| e.reason() == FailureReason.WIFI_NETWORK_NOT_FOUND;
				state.failed(e, again);
				if (!again) {
					state.awaitFinishSeen(FINAL_STATE_GRACE);
					throw CommandFailure.of(e, data, List.of());
				}
				lastFailure = e;
				// the person has the time again to correct the password
				deadline = Instant.now().plus(personTimeout);
			} finally {
				connect.password().destroy();
			}
		}
	}
}
