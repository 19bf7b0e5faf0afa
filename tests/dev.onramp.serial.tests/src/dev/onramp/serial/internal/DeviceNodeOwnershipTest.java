/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.serial.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFileAttributeView;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.onramp.core.FailureReason;
import dev.onramp.core.OnrampException;

/** The facts behind the permission and busy diagnoses, read from real files and /proc formats. */
class DeviceNodeOwnershipTest {

	@TempDir
	Path directory;

	@Test
	void theGroupOwningARealNodeIsNamedInTheDiagnosis() throws Exception {
		// root may open anything, so the refusal itself cannot be produced here; the facts it is built from can
		Path node = Files.createFile(directory.resolve("ttyFAKE0"));
		GroupPrincipal dialout = node.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByGroupName("dialout");
		Files.getFileAttributeView(node, PosixFileAttributeView.class).setGroup(dialout);
		DeviceNodeOwnership ownership = DeviceNodeOwnership.of(node).orElseThrow();
		assertEquals("dialout", ownership.group());
		assertEquals(DeviceNodeOwnership.processGroupIds().contains(Integer.valueOf(20)), ownership.groupInSession());

		OnrampException failure = PortOpenFailureDiagnosis.diagnose(new PortOpenFailure(node.toString(), node.toString(),
				Platform.LINUX, 13, DeviceNodeOwnership.of(node), Optional.empty(), List.of()));
		assertEquals(FailureReason.PERMISSION_DENIED, failure.reason());
		assertTrue(failure.getMessage().endsWith("which belongs to the group dialout."), failure.getMessage());
	}

	@Test
	void groupMembersAreReadFromTheGroupDatabase() {
		List<String> database = List.of("root:x:0:", "dialout:x:20:alice,bob", "uucp:x:10:");
		assertEquals(Set.of("alice", "bob"), DeviceNodeOwnership.membersOf("dialout", database));
		assertEquals(Set.of(), DeviceNodeOwnership.membersOf("uucp", database));
		assertEquals(Set.of(), DeviceNodeOwnership.membersOf("plugdev", database));
	}

	@Test
	void thisProcessRunsWithItsEffectiveGroup() {
		assertTrue(DeviceNodeOwnership.processGroupIds().contains(Integer.valueOf(0)) || !isRoot());
	}

	private static boolean isRoot() {
		return "root".equals(System.getProperty("user.name"));
	}

	@Test
	void lockHoldersAreReadFromProcLocks() {
		List<String> locks = List.of("1: FLOCK  ADVISORY  WRITE 4242 00:19:3 0 EOF",
				"1: -> FLOCK  ADVISORY  WRITE 5151 00:19:3 0 EOF", "2: POSIX  ADVISORY  WRITE 99 08:01:3 0 EOF",
				"3: FLOCK  ADVISORY  WRITE 77 00:19:4 0 EOF");
		assertEquals(Set.of(Long.valueOf(4242)), PortHolders.lockingPids(locks, 0, 0x19, 3));
		assertFalse(PortHolders.lockingPids(locks, 0, 0x19, 5).iterator().hasNext());
	}

	@Test
	void deviceNumbersAreDecodedLikeGlibc() {
		long dev = (0x1234L & 0xfffL) << 8 | 0x56L | (0x1234L & ~0xfffL) << 32;
		assertEquals(0x1234, PortHolders.major(dev));
		assertEquals(0x56, PortHolders.minor(dev));
	}
}
