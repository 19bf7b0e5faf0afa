/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.serial.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Who may open a device node on Linux: the group that owns it and whether this process is in that group. Users are
 * typically added to the group (dialout on Debian and Ubuntu, uucp on Arch and Fedora) but keep running a login
 * session that started before, which still lacks the group.
 *
 * @param group             the name of the group owning the node, for example {@code dialout}
 * @param groupInSession    whether this process runs with that group
 * @param userListedInGroup whether {@code /etc/group} lists the current user as a member of it
 */
record DeviceNodeOwnership(String group, boolean groupInSession, boolean userListedInGroup) {

	private static final Path PROCESS_STATUS = Path.of("/proc/self/status"); //$NON-NLS-1$
	private static final Path GROUP_DATABASE = Path.of("/etc/group"); //$NON-NLS-1$

	/** @return the ownership of the node, empty where the file system has no POSIX owners */
	static Optional<DeviceNodeOwnership> of(Path device) {
		try {
			PosixFileAttributes attributes = Files.readAttributes(device, PosixFileAttributes.class);
			int gid = ((Integer) Files.getAttribute(device, "unix:gid")).intValue(); //$NON-NLS-1$
			String group = attributes.group().getName();
			return Optional.of(new DeviceNodeOwnership(group, processGroupIds().contains(Integer.valueOf(gid)),
					membersOf(group, readLines(GROUP_DATABASE)).contains(System.getProperty("user.name")))); //$NON-NLS-1$
		} catch (IOException | UnsupportedOperationException | IllegalArgumentException | ClassCastException e) {
			return Optional.empty();
		}
	}

	/** @return the effective and supplementary group ids of this process, empty where /proc is absent */
	static Set<Integer> processGroupIds() {
		Set<Integer> ids = new HashSet<>();
		for (String line : readLines(PROCESS_STATUS)) {
			if (line.startsWith("Groups:")) { //$NON-NLS-1$
				addIds(ids, line.substring("Groups:".length()).trim().split("\\s+")); //$NON-NLS-1$ //$NON-NLS-2$
			} else if (line.startsWith("Gid:")) { //$NON-NLS-1$
				String[] fields = line.substring("Gid:".length()).trim().split("\\s+"); //$NON-NLS-1$ //$NON-NLS-2$
				addIds(ids, Arrays.copyOfRange(fields, Math.min(1, fields.length), Math.min(2, fields.length)));
			}
		}
		return ids;
	}

	/** @return the members named in the group database line of {@code group} */
	static Set<String> membersOf(String group, List<String> groupDatabase) {
		for (String line : groupDatabase) {
			String[] fields = line.split(":", -1); //$NON-NLS-1$
			if (fields.length >= 4 && fields[0].equals(group)) {
				Set<String> members = new HashSet<>(Arrays.asList(fields[3].split(","))); //$NON-NLS-1$
				members.remove(""); //$NON-NLS-1$
				return members;
			}
		}
		return Set.of();
	}

	private static void addIds(Set<Integer> ids, String[] fields) {
		for (String field : fields) {
			try {
				ids.add(Integer.valueOf(field));
			} catch (NumberFormatException e) {
				// an empty Groups: line has no ids
			}
		}
	}

	private static List<String> readLines(Path file) {
		try {
			return Files.readAllLines(file);
		} catch (IOException e) {
			return List.of();
		}
	}
}
