/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.headless.internal;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import org.eclipse.core.runtime.NullProgressMonitor;

/**
 * Progress on stderr: a bar redrawn in place on a terminal, plain lines (one per step) when stderr is a pipe or a
 * file, so CI logs stay readable. A task of unknown length shows its elapsed time instead of a bar. Messages of the
 * command go through {@link #messages()}, which takes the bar off the line first; {@link #done()} removes it, so
 * that the result starts on a clean line.
 */
public final class ConsoleProgressMonitor extends NullProgressMonitor {

	private static final int BAR_WIDTH = 24;

	private final PrintStream err;
	private final boolean terminal;
	private final int columns;
	private String task = ""; //$NON-NLS-1$
	private String subTask = ""; //$NON-NLS-1$
	private int totalWork;
	private double worked;
	private boolean lineOpen;
	private final long startNanos = System.nanoTime();
	private final PrintStream messages;

	public ConsoleProgressMonitor(PrintStream err, Terminal terminalInfo) {
		this.err = err;
		this.terminal = terminalInfo.stderrIsTerminal();
		this.columns = terminalInfo.columns();
		this.messages = new PrintStream(new OutputStream() {
			@Override
			public void write(int b) {
				write(new byte[] { (byte) b }, 0, 1);
			}

			@Override
			public void write(byte[] bytes, int offset, int length) {
				synchronized (ConsoleProgressMonitor.this) {
					eraseLine();
					err.write(bytes, offset, length);
				}
			}

			@Override
			public void flush() {
				err.flush();
			}
		}, true, StandardCharsets.UTF_8);
	}

	/** @return stderr for the command's own messages and prompts: they never run into the progress line */
	public PrintStream messages() {
		return messages;
	}

	@Override
	public void beginTask(String name, int total) {
		task = name == null ? "" : name; //$NON-NLS-1$
		subTask = ""; //$NON-NLS-1$
		totalWork = total;
		worked = 0;
		if (!task.isEmpty()) {
			line(task);
		}
	}

	@Override
	public void setTaskName(String name) {
		task = name == null ? "" : name; //$NON-NLS-1$
		if (!task.isEmpty()) {
			line(task);
		}
	}

	@Override
	public void subTask(String name) {
		if (name == null || name.isEmpty() || name.equals(subTask)) {
			return;
		}
		subTask = name;
		line(current());
	}

	/**
	 * @return the task and its current step; on a terminal the step keeps its place when the line is too narrow for
	 *         both (it may ask the user to do something), the task is shortened instead
	 */
	private String current() {
		if (task.isEmpty() || subTask.isEmpty()) {
			return task.isEmpty() ? subTask : task;
		}
		int room = Math.max(10, columns - bar().length() - 2);
		String head = task;
		if (terminal && head.length() + 2 + subTask.length() > room) {
			int keep = room - subTask.length() - 3;
			head = keep > 0 ? head.substring(0, Math.min(head.length(), keep)) + "\u2026" : ""; //$NON-NLS-1$ //$NON-NLS-2$
		}
		return head.isEmpty() ? subTask : head + ": " + subTask; //$NON-NLS-1$
	}

	@Override
	public void worked(int work) {
		internalWorked(work);
	}

	@Override
	public void internalWorked(double work) {
		worked += work;
		if (terminal) {
			line(current());
		}
	}

	@Override
	public synchronized void done() {
		eraseLine();
		err.flush();
	}

	private synchronized void eraseLine() {
		if (terminal && lineOpen) {
			err.print("\r\u001B[2K"); //$NON-NLS-1$
			lineOpen = false;
		}
	}

	private synchronized void line(String text) {
		if (terminal) {
			String bar = bar();
			int room = Math.max(10, columns - bar.length() - 2);
			String shown = text.length() > room ? text.substring(0, room - 1) + "\u2026" : text; //$NON-NLS-1$
			err.print("\r\u001B[2K" + bar + ' ' + shown); //$NON-NLS-1$
			lineOpen = true;
		} else {
			err.println("onramp: " + text); //$NON-NLS-1$
		}
		err.flush();
	}

	private String bar() {
		if (totalWork <= 0) {
			String elapsed = String.format(Locale.ROOT, "%.1f s", //$NON-NLS-1$
					Double.valueOf((System.nanoTime() - startNanos) / 1e9));
			int left = (BAR_WIDTH - elapsed.length()) / 2;
			return "[" + " ".repeat(left) + elapsed + " ".repeat(BAR_WIDTH - left - elapsed.length()) + "]"; //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$
		}
		double fraction = Math.min(1.0, worked / totalWork);
		int filled = (int) Math.round(fraction * BAR_WIDTH);
		return "[" + "#".repeat(filled) + " ".repeat(BAR_WIDTH - filled) + "] " //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$
				+ String.format(Locale.ROOT, "%3d%%", Integer.valueOf((int) (fraction * 100))); //$NON-NLS-1$
	}
}
