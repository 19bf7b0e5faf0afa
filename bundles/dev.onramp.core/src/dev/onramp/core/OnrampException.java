/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.core;

import java.util.Objects;
import java.util.Optional;

import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;

/**
 * A failure that reaches the user: a {@link FailureReason} for scripts, a sentence for people and, where there is
 * one, the fix. The message must never contain a secret (proof of possession, password, key).
 */
public class OnrampException extends Exception {

	private static final long serialVersionUID = 1L;

	private final FailureReason reason;
	private final String hint;
	private Remedy remedy;

	public OnrampException(FailureReason reason, String message) {
		this(reason, message, null, null);
	}

	public OnrampException(FailureReason reason, String message, String hint) {
		this(reason, message, hint, null);
	}

	public OnrampException(FailureReason reason, String message, String hint, Throwable cause) {
		super(message == null || message.isBlank() ? reason.defaultMessage() : message, cause);
		this.reason = Objects.requireNonNull(reason);
		this.hint = hint == null || hint.isBlank() ? null : hint;
	}

	/** @return a failure whose message is the reason's default sentence */
	public static OnrampException of(FailureReason reason) {
		return new OnrampException(reason, null);
	}

	public FailureReason reason() {
		return reason;
	}

	/** @return what the user can do to fix the problem, when Onramp knows */
	public Optional<String> hint() {
		return Optional.ofNullable(hint);
	}

	/**
	 * Names what the user can supply to get past this failure, for front ends to say how.
	 *
	 * @return this exception
	 */
	public OnrampException withRemedy(Remedy value) {
		this.remedy = value;
		return this;
	}

	/** @return what the user can supply to get past this failure, when a service says so */
	public Optional<Remedy> remedy() {
		return Optional.ofNullable(remedy);
	}

	/** @return the message followed by the hint, one sentence each */
	public String userText() {
		return hint == null ? getMessage() : getMessage() + System.lineSeparator() + hint;
	}

	/** @return an error status for Jobs and the workbench, with the exit code as status code */
	public IStatus toStatus(String pluginId) {
		return new Status(reason == FailureReason.CANCELLED ? IStatus.CANCEL : IStatus.ERROR, pluginId,
				reason.exitCode(), userText(), getCause());
	}
}
