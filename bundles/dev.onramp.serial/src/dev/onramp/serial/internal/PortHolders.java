/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.serial.internal;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import dev.onramp.core.serial.PortAccess;
import dev.onramp.core.serial.SerialPortInfo;

/**
 * The processes that hold a device open, found through Linux's /proc: first the holders of a {@code flock} on it
 * (jSerialComm, pyserial with {@code exclusive=True}, {@code flock(1)}), else every process with an open file on it.
 * For a pseudo-terminal ({@code /dev/pts/N}) the process that owns the pair (it holds {@code /dev/ptmx}: socat,
 * ser2net, a terminal emulator) is the other end of the line, not a competitor, and is left out.
 */
final class PortHolders {

	private static final Path PROC = Path.of("/proc"); //$NON-NLS-1$
	private static final Path LOCKS = PROC.resolve("locks"); //$NON-NLS-1$
	private static final Path PTS = Path.of("/dev/pts"); //$NON-NLS-1$
	private static final Path PTMX = Path.of("/dev/ptmx"); //$NON-NLS-1$

	private PortHolders() {
	}

	/** @return the other processes holding {@code device} (a real path), empty if none is visible to this user */
	static List<PortHolder> of(Path device) {
		long self = ProcessHandle.current().pid();
		List<PortHolder> holders = new ArrayList<>();
		for (long pid : lockHolders(device)) {
			if (pid != self && Files.isDirectory(PROC.resolve(Long.toString(pid)))) {
				holders.add(new PortHolder(pid, command(pid)));
			}
		}
		return holders.isEmpty() ? openers(device, self) : holders;
	}

	/** @return the ports, those this process could open but another process holds marked {@link PortAccess#BUSY} */
	static List<SerialPortInfo> markBusy(List<SerialPortInfo> ports) {
		List<SerialPortInfo> marked = new ArrayList<>(ports.size());
		for (SerialPortInfo port : ports) {
			boolean busy = port.access() == PortAccess.AVAILABLE
					&& !of(StableLinks.realPath(Path.of(port.systemPath()))).isEmpty();
			marked.add(busy ? new SerialPortInfo(port.systemPath(), port.stablePath(), port.description(), port.usb(),
					PortAccess.BUSY) : port);
		}
		return marked;
	}

	private static Set<Long> lockHolders(Path device) {
		try {
			long fileSystem = ((Long) Files.getAttribute(device, "unix:dev")).longValue(); //$NON-NLS-1$
			long inode = ((Long) Files.getAttribute(device, "unix:ino")).longValue(); //$NON-NLS-1$
			return lockingPids(Files.readAllLines(LOCKS), major(fileSystem), minor(fileSystem), inode);
		} catch (IOException | UnsupportedOperationException | IllegalArgumentException | ClassCastException e) {
			return Set.of();
		}
	}

	/**
	 * @param procLocks lines of /proc/locks, for example {@code 3: FLOCK  ADVISORY  WRITE 4242 00:19:3 0 EOF}
	 * @return the pids holding (not waiting for) a lock on the file
	 */
	static Set<Long> lockingPids(List<String> procLocks, long major, long minor, long inode) {
		Set<Long> pids = new LinkedHashSet<>();
		String file = Long.toHexString(major) + ':' + Long.toHexString(minor) + ':' + inode;
		for (String line : procLocks) {
			String[] fields = line.trim().split("\\s+"); //$NON-NLS-1$
			if (fields.length < 6 || "->".equals(fields[1])) { //$NON-NLS-1$
				continue;
			}
			String[] device = fields[5].split(":"); //$NON-NLS-1$
			if (device.length == 3 && sameFile(device, file)) {
				try {
					pids.add(Long.valueOf(fields[4]));
				} catch (NumberFormatException e) {
					// a malformed line names nobody
				}
			}
		}
		return pids;
	}

	private static boolean sameFile(String[] device, String file) {
		try {
			return (Long.toHexString(Long.parseLong(device[0], 16)) + ':' + Long.toHexString(Long.parseLong(device[1], 16))
					+ ':' + Long.parseLong(device[2])).equals(file);
		} catch (NumberFormatException e) {
			return false;
		}
	}

	/** glibc's encoding of dev_t */
	static long major(long dev) {
		return ((dev >>> 8) & 0xfffL) | ((dev >>> 32) & 0xfffff000L);
	}

	static long minor(long dev) {
		return (dev & 0xffL) | ((dev >>> 12) & 0xffffff00L);
	}

	/**
	 * @return the other processes with an open file on {@code device} (a real path), whether or not they lock it: two
	 *         programs reading one serial line each get part of its bytes
	 */
	static List<PortHolder> openers(Path device) {
		return openers(device, ProcessHandle.current().pid());
	}

	private static List<PortHolder> openers(Path device, long self) {
		List<PortHolder> holders = new ArrayList<>();
		boolean pseudoTerminal = device.startsWith(PTS);
		try (DirectoryStream<Path> processes = Files.newDirectoryStream(PROC, p -> isPid(p.getFileName().toString()))) {
			for (Path process : processes) {
				long pid = Long.parseLong(process.getFileName().toString());
				if (pid != self && holdsOpen(process, device) && !(pseudoTerminal && holdsOpen(process, PTMX))) {
					holders.add(new PortHolder(pid, command(pid)));
				}
			}
		} catch (IOException e) {
			// without /proc nobody can be named
		}
		return holders;
	}

	private static boolean holdsOpen(Path process, Path device) {
		try (DirectoryStream<Path> descriptors = Files.newDirectoryStream(process.resolve("fd"))) { //$NON-NLS-1$
			for (Path descriptor : descriptors) {
				if (device.equals(readLink(descriptor))) {
					return true;
				}
			}
		} catch (IOException e) {
			// another user's process, or one that just ended
		}
		return false;
	}

	private static Path readLink(Path descriptor) {
		try {
			return Files.readSymbolicLink(descriptor);
		} catch (IOException e) {
			return null;
		}
	}

	private static String command(long pid) {
		try {
			return Files.readString(PROC.resolve(Long.toString(pid)).resolve("comm")).strip(); //$NON-NLS-1$
		} catch (IOException e) {
			return ""; //$NON-NLS-1$
		}
	}

	private static boolean isPid(String name) {
		return !name.isEmpty() && name.chars().allMatch(Character::isDigit);
	}
}
