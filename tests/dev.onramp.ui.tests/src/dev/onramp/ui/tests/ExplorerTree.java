/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.ui.tests;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Tree;
import org.eclipse.swt.widgets.TreeItem;

/** Reads a tree the way a user does: groups, their rows, and the text of each column. */
final class ExplorerTree {

	private ExplorerTree() {
	}

	/** @return the group whose label starts with the name ("USB boards (2)"), if shown */
	static Optional<TreeItem> group(Tree tree, String name) {
		return Arrays.stream(tree.getItems()).filter(i -> i.getText(0).startsWith(name + " (")).findFirst();
	}

	/** @return the rows of the group, each as its column texts; empty when the group is not shown */
	static List<List<String>> rows(Tree tree, String group) {
		return group(tree, group).map(g -> Arrays.stream(g.getItems()).map(ExplorerTree::texts).toList())
				.orElse(List.of());
	}

	static Optional<TreeItem> row(Tree tree, String group, String connection) {
		return group(tree, group).flatMap(g -> Arrays.stream(g.getItems())
				.filter(i -> i.getText(3).equals(connection)).findFirst());
	}

	static Optional<List<String>> rowTexts(Tree tree, String group, String connection) {
		return row(tree, group, connection).map(ExplorerTree::texts);
	}

	static List<String> texts(TreeItem item) {
		List<String> texts = new ArrayList<>();
		for (int i = 0; i < item.getParent().getColumnCount(); i++) {
			texts.add(item.getText(i));
		}
		return texts;
	}

	/** @return every row of the tree as "text | text", expanding what is collapsed (as a user clicking the twisties) */
	static List<String> allRows(Tree tree) {
		List<String> rows = new ArrayList<>();
		for (TreeItem item : tree.getItems()) {
			collect(tree, item, rows);
		}
		return rows;
	}

	private static void collect(Tree tree, TreeItem item, List<String> rows) {
		rows.add(texts(item).stream().collect(Collectors.joining(" | ")));
		if (item.getItemCount() > 0 && !item.getExpanded()) {
			Event expand = new Event();
			expand.item = item;
			tree.notifyListeners(SWT.Expand, expand);
			item.setExpanded(true);
		}
		for (TreeItem child : item.getItems()) {
			collect(tree, child, rows);
		}
	}
}
