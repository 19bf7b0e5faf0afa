/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.headless.internal;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;

/**
 * What a command may use from the process it runs in: the data directory, the environment variables (for
 * {@code --password-env}), and the error stream for logs.
 *
 * @param dataDirectory   where the CA, the inventory and state live
 * @param environment     the process environment
 * @param err             progress and log output; never the result
 * @param interactive     whether a person is at a terminal that can answer prompts
 */
public record CommandEnvironment(Path dataDirectory, Map<String, String> environment, PrintStream err,
		boolean interactive) {
}
