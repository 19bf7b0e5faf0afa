/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.serial.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.eclipse.core.runtime.jobs.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.onramp.core.serial.IPortListener;
import dev.onramp.core.serial.IPortListener.Change;
import dev.onramp.core.serial.SerialPortInfo;

/** Hot-plug: pseudo-terminal links appearing in and vanishing from a watched directory. */
class PortWatcherTest {

	private record Event(Change change, SerialPortInfo port) {
	}

	@TempDir
	Path directory;

	private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
	private final IPortListener listener = (change, port) -> events.add(new Event(change, port));
	private SerialPortService service;

	@BeforeEach
	void startWatching() throws InterruptedException {
		service = new SerialPortService(new PortScanner(directory.resolve("by-id"), List.of(directory), false),
				Duration.ofMillis(50));
		service.addPortListener(listener);
		service.activate();
		assertTrue(service.awaitWatching(Duration.ofSeconds(10)));
	}

	@AfterEach
	void stop() throws InterruptedException {
		service.deactivate();
		SocatPair.killAll();
	}

	@Test
	void aLinkAppearingAndVanishingIsReportedOnceEach() throws Exception {
		SocatPair pair = SocatPair.start(directory, "A", "B");
		Event first = next();
		Event second = next();
		assertEquals(Change.ADDED, first.change());
		assertEquals(Change.ADDED, second.change());
		assertEquals(List.of(pair.a.toString(), pair.b.toString()),
				List.of(first.port().stablePath(), second.port().stablePath()).stream().sorted().toList());
		assertEquals(Files.readSymbolicLink(pair.a).toString(), (first.port().stablePath().equals(pair.a.toString())
				? first : second).port().systemPath());
		assertEquals(2, service.listPorts().size());

		pair.process().destroy();
		assertEquals(Change.REMOVED, next().change());
		assertEquals(Change.REMOVED, next().change());
		assertTrue(service.listPorts().isEmpty());
		assertNull(events.poll(400, TimeUnit.MILLISECONDS), "no further events");
	}

	@Test
	void aDanglingLinkIsNoPort() throws Exception {
		Files.createSymbolicLink(directory.resolve("gone"), Path.of("/dev/pts/does-not-exist"));
		Files.writeString(directory.resolve("notes.txt"), "not a port");
		assertTrue(service.listPorts().isEmpty());
	}

	@Test
	void deactivationEndsThePolling() throws Exception {
		// the DS component of the framework may run a watcher of its own
		int running = Job.getJobManager().find(PortWatcher.FAMILY).length;
		assertTrue(running >= 1);
		service.deactivate();
		assertEquals(running - 1, Job.getJobManager().find(PortWatcher.FAMILY).length);
		SocatPair.start(directory, "C", "D");
		assertNull(events.poll(500, TimeUnit.MILLISECONDS));
	}

	private Event next() throws InterruptedException {
		Event event = events.poll(5, TimeUnit.SECONDS);
		if (event == null) {
			throw new AssertionError("no port change within 5 s");
		}
		return event;
	}
}
