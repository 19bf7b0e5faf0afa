/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.ui.tests.driver;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.ImageLoader;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swt.widgets.Text;
import org.eclipse.swt.widgets.ToolBar;
import org.eclipse.swt.widgets.ToolItem;
import org.eclipse.swt.widgets.Widget;

/**
 * A small driver for SWT user interfaces, in place of SWTBot (not on Maven Central): finds widgets by text, label
 * or tool tip, clicks and types, waits for conditions with a deadline while keeping the event loop running, and
 * takes screenshots. Call it on the UI thread.
 */
public final class SwtDriver {

	/** How long {@link #waitUntil} waits by default; generous for a loaded CI machine. */
	public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(20);
	/** The longest the event loop sleeps before re-checking a condition. */
	private static final int POLL_MILLIS = 20;

	private final Display display;

	public SwtDriver(Display display) {
		this.display = display;
	}

	public Display display() {
		return display;
	}

	/**
	 * Runs the event loop until the condition holds.
	 *
	 * @throws AssertionError naming {@code what} when the deadline passes first
	 */
	public void waitUntil(String what, BooleanSupplier condition, Duration timeout) {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (!condition.getAsBoolean()) {
			if (System.nanoTime() > deadline) {
				throw new AssertionError("Timed out after " + timeout.toMillis() + " ms waiting for " + what);
			}
			if (!display.readAndDispatch()) {
				// wake up again soon even when no event arrives, so the condition is re-checked
				display.timerExec(POLL_MILLIS, () -> {
					// nothing: the timer only ends display.sleep()
				});
				display.sleep();
			}
		}
	}

	public void waitUntil(String what, BooleanSupplier condition) {
		waitUntil(what, condition, DEFAULT_TIMEOUT);
	}

	/** Processes every pending event. */
	public void flushEvents() {
		while (display.readAndDispatch()) {
			// keep dispatching
		}
	}

	/** @return all widgets of the given type under every visible shell that match, in tree order */
	public <T extends Widget> List<T> findAll(Class<T> type, Predicate<? super T> filter) {
		List<T> found = new ArrayList<>();
		for (Shell shell : display.getShells()) {
			if (!shell.isDisposed() && shell.isVisible()) {
				collect(shell, type, filter, found);
			}
		}
		return found;
	}

	private static <T extends Widget> void collect(Widget widget, Class<T> type, Predicate<? super T> filter,
			List<T> found) {
		if (type.isInstance(widget) && filter.test(type.cast(widget))) {
			found.add(type.cast(widget));
		}
		if (widget instanceof ToolBar toolBar) {
			for (ToolItem item : toolBar.getItems()) {
				collect(item, type, filter, found);
			}
		}
		if (widget instanceof Composite composite) {
			for (Control child : composite.getChildren()) {
				collect(child, type, filter, found);
			}
		}
	}

	/** Waits until exactly one matching widget exists and returns it. */
	public <T extends Widget> T find(Class<T> type, String description, Predicate<? super T> filter) {
		List<List<T>> last = new ArrayList<>(List.of(List.of()));
		waitUntil(description, () -> {
			last.set(0, findAll(type, filter));
			return last.get(0).size() == 1;
		});
		return last.get(0).get(0);
	}

	public Label label(String textFragment) {
		return find(Label.class, "a label containing '" + textFragment + "'", l -> l.getText().contains(textFragment));
	}

	/** @return the text field that follows the label with this text (as field editors and forms lay them out) */
	public Text textAfterLabel(String labelText) {
		Label label = find(Label.class, "a label '" + labelText + "'",
				l -> stripMnemonic(l.getText()).equals(labelText));
		Control[] siblings = label.getParent().getChildren();
		for (int i = 0; i < siblings.length - 1; i++) {
			if (siblings[i] == label && siblings[i + 1] instanceof Text text) {
				return text;
			}
		}
		throw new AssertionError("No text field after the label '" + labelText + "'");
	}

	public Button button(String text) {
		return find(Button.class, "a button '" + text + "'", b -> stripMnemonic(b.getText()).equals(text));
	}

	public ToolItem toolItem(String toolTip) {
		return find(ToolItem.class, "a tool item '" + toolTip + "'", i -> toolTip.equals(i.getToolTipText()));
	}

	/** Clicks like a user: selection listeners run as they would for a real click. */
	public void click(Button button) {
		button.setFocus();
		if ((button.getStyle() & (SWT.CHECK | SWT.RADIO | SWT.TOGGLE)) != 0) {
			button.setSelection(!button.getSelection());
		}
		button.notifyListeners(SWT.Selection, new Event());
		flushEvents();
	}

	/** Selects the table row whose first column shows this text, as a click on the row would. */
	public void select(Table table, String firstColumn) {
		table.setFocus();
		for (TableItem item : table.getItems()) {
			if (firstColumn.equals(item.getText(0))) {
				table.setSelection(item);
				Event event = new Event();
				event.item = item;
				table.notifyListeners(SWT.Selection, event);
				flushEvents();
				return;
			}
		}
		throw new AssertionError("No row '" + firstColumn + "' in the table");
	}

	public void click(ToolItem item) {
		item.notifyListeners(SWT.Selection, new Event());
		flushEvents();
	}

	/** Types into a text field with real key events from the operating system's event queue. */
	public void type(Text text, String characters) {
		// the operating system sends key events to the active window's focus: make sure that is this field first
		waitUntil("the text field to have the keyboard focus", () -> {
			if (display.getFocusControl() != text) {
				text.getShell().forceActive();
				text.setFocus();
				flushEvents();
			}
			return display.getFocusControl() == text;
		});
		for (char c : characters.toCharArray()) {
			Event down = new Event();
			down.type = SWT.KeyDown;
			down.character = c;
			display.post(down);
			Event up = new Event();
			up.type = SWT.KeyUp;
			up.character = c;
			display.post(up);
			flushEvents();
		}
		String expected = characters;
		waitUntil("the text field to show what was typed", () -> text.getText().endsWith(expected));
	}

	/** Saves what the control shows as a PNG; the parent folders are created. */
	public Path screenshot(Control control, Path file) throws IOException {
		flushEvents();
		control.redraw();
		control.update(); // paint what is pending now, or the copy shows the previous frame
		flushEvents();
		Point size = control.getSize();
		Image image = new Image(display, Math.max(1, size.x), Math.max(1, size.y));
		GC gc = new GC(control);
		try {
			gc.copyArea(image, 0, 0);
		} finally {
			gc.dispose();
		}
		try {
			ImageData data = image.getImageData();
			ImageLoader loader = new ImageLoader();
			loader.data = new ImageData[] { data };
			Files.createDirectories(file.toAbsolutePath().getParent());
			loader.save(file.toString(), SWT.IMAGE_PNG);
		} finally {
			image.dispose();
		}
		return file;
	}

	/** @return the bounds of the control on the display, for screenshots and real mouse events */
	public Rectangle displayBounds(Control control) {
		return display.map(control.getParent(), null, control.getBounds());
	}

	public Optional<Shell> activeShell() {
		return Optional.ofNullable(display.getActiveShell());
	}

	private static String stripMnemonic(String text) {
		return text.replace("&", "");
	}
}
