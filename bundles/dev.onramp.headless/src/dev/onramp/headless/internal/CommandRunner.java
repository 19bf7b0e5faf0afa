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
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

import org.eclipse.core.runtime.ILog;
import org.eclipse.core.runtime.OperationCanceledException;
import org.osgi.framework.FrameworkUtil;
import org.osgi.service.component.ComponentServiceObjects;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

import com.google.gson.JsonObject;

import dev.onramp.core.DataDirectory;
import dev.onramp.core.ExitCode;
import dev.onramp.core.FailureReason;
import dev.onramp.core.OnrampException;
import dev.onramp.core.repl.ReplOptions;

/**
 * Parses a command line, finds the command's implementation among the registered {@link ICommand} components, runs
 * it and prints the outcome. Returns the exit code of the contract.
 */
@Component(service = CommandRunner.class)
public class CommandRunner {

	/** How long a run on a terminal waits for a person to press a board's RESET button. */
	private static final String RESET_BUTTON_WAIT_SECONDS = "30"; //$NON-NLS-1$

	/** Component property naming the command a component implements, so it is found without starting it. */
	public static final String COMMAND_PROPERTY = "onramp.command"; //$NON-NLS-1$

	private final Map<String, CommandSource> commands = new ConcurrentHashMap<>();

	/** How to get a command's implementation when it runs. */
	private interface CommandSource {
		ICommand get();

		void release(ICommand command);
	}

	/**
	 * Only the command that runs is instantiated: the others' services (mDNS, serial hot-plug, the CA) stay
	 * stopped, which keeps start-up quick and the network quiet.
	 */
	@Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
	void addCommandService(ComponentServiceObjects<ICommand> service, Map<String, Object> properties) {
		if (properties.get(COMMAND_PROPERTY) instanceof String name) {
			commands.put(name, new CommandSource() {
				@Override
				public ICommand get() {
					return service.getService();
				}

				@Override
				public void release(ICommand command) {
					service.ungetService(command);
				}
			});
		} else {
			ILog.of(CommandRunner.class).warn("A command component without the property " + COMMAND_PROPERTY); //$NON-NLS-1$
		}
	}

	void removeCommandService(ComponentServiceObjects<ICommand> service, Map<String, Object> properties) {
		if (properties.get(COMMAND_PROPERTY) instanceof String name) {
			commands.remove(name);
		}
	}

	/** Adds an implementation of the catalogue command {@code name} directly (tests, embedding). */
	public void addCommand(String name, ICommand command) {
		commands.put(name, new CommandSource() {
			@Override
			public ICommand get() {
				return command;
			}

			@Override
			public void release(ICommand used) {
				// nothing to release
			}
		});
	}

	/** @return the version of the headless bundle, as {@code --version} prints it */
	public String version() {
		return FrameworkUtil.getBundle(CommandRunner.class).getVersion().toString();
	}

	public int run(String[] args, PrintStream out, PrintStream err, Map<String, String> environment) {
		boolean json = false;
		for (String arg : args) {
			json |= arg.equals("--json"); //$NON-NLS-1$
		}
		ResultPrinter printer = new ResultPrinter(out, err, json);
		try {
			CommandLine commandLine = new CommandLineParser().parse(args);
			if (commandLine.version()) {
				JsonObject version = new JsonObject();
				version.addProperty("onramp", version()); //$NON-NLS-1$
				version.addProperty("java", System.getProperty("java.version")); //$NON-NLS-1$ //$NON-NLS-2$
				printer.text("onramp " + version() + System.lineSeparator(), "version", version); //$NON-NLS-1$ //$NON-NLS-2$
				return ExitCode.SUCCESS;
			}
			Optional<CommandSpec> spec = commandLine.command();
			if (spec.isEmpty() || commandLine.help()) {
				printer.text(spec.map(s -> HelpText.command(s, commands.containsKey(s.name())))
						.orElseGet(() -> HelpText.overview(version(), new TreeSet<>(commands.keySet()))), "help", //$NON-NLS-1$
						new JsonObject());
				return spec.isEmpty() && !commandLine.help() ? ExitCode.USAGE_ERROR : ExitCode.SUCCESS;
			}
			CommandSource source = commands.get(spec.get().name());
			ICommand command = source == null ? null : source.get();
			if (command == null) {
				throw new OnrampException(FailureReason.NOT_AVAILABLE, "'onramp " + spec.get().name() //$NON-NLS-1$
						+ "' is not available yet in this version of Onramp."); //$NON-NLS-1$
			}
			Terminal terminal = Terminal.from(environment);
			if (terminal.stdinIsTerminal() && terminal.stderrIsTerminal()
					&& System.getProperty(ReplOptions.RESET_BUTTON_WAIT_PROPERTY) == null) {
				// someone watches: a board that ignores Ctrl-C on a line without reset lines may be reset by hand
				System.setProperty(ReplOptions.RESET_BUTTON_WAIT_PROPERTY, RESET_BUTTON_WAIT_SECONDS);
			}
			Path dataDirectory = commandLine.dataDirectory().orElseGet(() -> DataDirectory.resolve(System::getProperty,
					environment, System.getProperty("os.name", ""), Path.of(System.getProperty("user.home", ".")))); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$
			ConsoleProgressMonitor monitor = new ConsoleProgressMonitor(err, terminal);
			CommandEnvironment commandEnvironment = new CommandEnvironment(dataDirectory, environment,
					monitor.messages(), terminal.stdinIsTerminal());
			CommandResult result;
			try {
				result = command.run(commandLine, commandEnvironment, monitor);
			} finally {
				monitor.done();
				source.release(command);
			}
			printer.success(result);
			return ExitCode.SUCCESS;
		} catch (OnrampException e) {
			printer.failure(e);
			return e.reason().exitCode();
		} catch (OperationCanceledException e) {
			printer.failure(OnrampException.of(FailureReason.CANCELLED));
			return ExitCode.CANCELLED;
		} catch (RuntimeException e) {
			ILog.of(CommandRunner.class).error("onramp failed unexpectedly", e); //$NON-NLS-1$
			printer.failure(new OnrampException(FailureReason.INTERNAL, null, null, e));
			if (args.length > 0) {
				err.println("onramp: " + e); //$NON-NLS-1$
			}
			return ExitCode.INTERNAL_ERROR;
		}
	}
}
