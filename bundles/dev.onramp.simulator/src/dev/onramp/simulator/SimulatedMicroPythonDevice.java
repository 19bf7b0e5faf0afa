/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.simulator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

import org.eclipse.core.runtime.ILog;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import dev.onramp.core.MacAddress;
import dev.onramp.core.serial.ByteChannelPipe;
import dev.onramp.core.serial.IByteChannel;
import dev.onramp.simulator.internal.DeviceState;
import dev.onramp.simulator.internal.Firmware;
import dev.onramp.simulator.internal.PacedLine;
import dev.onramp.simulator.internal.PyValues;
import dev.onramp.simulator.internal.ResetWiredLine;

/**
 * A MicroPython board running the pyDirect image, simulated after the published scripts (jetpax/pyDirect
 * {@code device-scripts}) well enough for REPL clients: boot output ({@code System booting...}), a main.py that takes
 * Ctrl-C only in a short window after the boot output and then swallows it (a reset, then Ctrl-C at once, reaches
 * the REPL), its setup mode (an HTTPS setup page that asks for the WebREPL password), the friendly and raw REPLs
 * with raw-paste flow control, soft and hard resets, a file system in a host folder that survives resets,
 * {@code lib.sys.settings} backed by {@code /settings/*.json} on that flash, and the hostname as {@code wifi.py}
 * derives it. A plain MicroPython board ({@code pyDirect} off) has none of pyDirect's scripts and a main.py that
 * Ctrl-C stops at any time. It runs the Python snippets clients send with a small strict interpreter.
 * <p>
 * Attach it to the device end of a {@link ByteChannelPipe} ({@link #connectPipe()}) or serve it on TCP with
 * {@link SimulatorServer}. Threads are owned by the device and stopped by {@link #close()}.
 */
public final class SimulatedMicroPythonDevice implements AutoCloseable {

	private final DeviceState state;
	private final boolean ownsRoot;
	private final ExecutorService executor = Executors.newCachedThreadPool(r -> {
		Thread t = new Thread(r, "simulated-micropython"); //$NON-NLS-1$
		t.setDaemon(true);
		return t;
	});
	private final Set<Firmware> running = ConcurrentHashMap.newKeySet();
	private final Set<IByteChannel> lines = ConcurrentHashMap.newKeySet();

	/**
	 * @param root folder standing for the device's flash; files in it survive resets
	 */
	public SimulatedMicroPythonDevice(Path root, SimulatorOptions options) {
		this(root, options, false);
	}

	private final AtomicBoolean closed = new AtomicBoolean();

	private SimulatedMicroPythonDevice(Path root, SimulatorOptions options, boolean ownsRoot) {
		this.state = new DeviceState(root, options);
		this.ownsRoot = ownsRoot;
		state.network().powerOn();
	}

	/** @return the port its HTTPS server uses on 127.0.0.1 once blessed (fixed for the device's life) */
	public int httpsPort() {
		return state.network().httpsPort();
	}

	/** @return whether its web server is up now */
	public boolean servesHttps() {
		return state.network().servingPort().isPresent();
	}

	/** Makes the web server misbehave after the next resets; {@link WebFault#NONE} clears it. */
	public void injectWebFault(WebFault fault) {
		state.network().setWebFault(fault);
	}

	/** @return a device whose flash is a new temporary folder, deleted on {@link #close()} */
	public static SimulatedMicroPythonDevice withTemporaryFlash(SimulatorOptions options) {
		try {
			return new SimulatedMicroPythonDevice(Files.createTempDirectory("onramp-sim-flash"), options, true); //$NON-NLS-1$
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	public SimulatorOptions options() {
		return state.options();
	}

	/** @return the host folder standing for the device's {@code /} */
	public Path flash() {
		return state.root();
	}

	public MacAddress mac() {
		return state.options().mac();
	}

	/**
	 * @return pyDirect's hostname as {@code wifi.py} derives it now: {@code device.hostname} if set, else
	 *         {@code <wifi.hostname_prefix>-xxxx} from the MAC ({@code pyDirect-abcd} with the shipped defaults)
	 */
	public String hostname() {
		return state.hostname();
	}

	/**
	 * @return the settings as the running firmware resolves them (defaults under user overrides, including values set
	 *         but not saved), one dotted key per leaf; str, int, float, bool and list values
	 */
	public Map<String, Object> settings() {
		return new HashMap<>(state.settings().flattened());
	}

	/** @return {@code settings.get(dottedKey)} as the running firmware answers it; empty for {@code None} */
	public Optional<Object> setting(String dottedKey) {
		Object value = state.settings().peek(dottedKey, null);
		return value == null || value == PyValues.NONE ? Optional.empty() : Optional.of(value);
	}

	/** @return {@code /settings/user_settings.json} as saved on the flash, an empty object when there is none */
	public JsonObject userSettings() {
		Path file = state.root().resolve("settings/user_settings.json"); //$NON-NLS-1$
		try {
			return Files.isRegularFile(file) ? JsonParser.parseString(Files.readString(file)).getAsJsonObject()
					: new JsonObject();
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** @return how many Wi-Fi scans the device started (they take {@link SimulatedNetwork#scanTime()} each) */
	public int wifiScans() {
		return state.network().scans();
	}

	/** @return whether main.py runs the setup server now (from a boot with {@code setup_mode} until a password) */
	public boolean inSetupMode() {
		return state.network().inSetupMode();
	}

	/**
	 * Resets the device as its RESET button (or RTS through the auto-reset circuit) does: its network side goes down
	 * and comes back after the reboot; the firmware on every attached line reboots, printing its boot output; the
	 * line stays (a USB-UART bridge).
	 */
	public void pressReset() {
		state.network().reset();
		running.forEach(Firmware::pressReset);
	}

	/** Injects a failure into the running and future connections; {@link Fault#none()} clears it. */
	public void injectFault(Fault fault) {
		state.setFault(fault);
	}

	/** @return how often a host sent more raw-paste bytes than its window allowed (a real device would lose data) */
	public int flowControlViolations() {
		return state.flowControlViolations.get();
	}

	public int hardResets() {
		return state.hardResets.get();
	}

	public int softResets() {
		return state.softResets.get();
	}

	/** @return the flash operations (open for writing, write, rename, remove, mkdir) programs ran so far */
	public long flashOperations() {
		return state.flashOperations.get();
	}

	public int rawPasteExecs() {
		return state.rawPasteExecs.get();
	}

	public int plainRawExecs() {
		return state.plainRawExecs.get();
	}

	/**
	 * Powers the device up on a line (the device's end): it boots and starts main.py. Returns at once; the firmware
	 * runs on the device's own thread until the line closes or the device resets.
	 *
	 * @return completes when that run ends
	 */
	public Future<LineEnd> attach(IByteChannel line) {
		return executor.submit(() -> run(line));
	}

	private Future<LineEnd> attachPaced(IByteChannel line) {
		return executor.submit(() -> run(line, 0));
	}

	/**
	 * Runs the firmware on a line on the calling thread until the line closes, drops, or the device resets; closes
	 * the line at the end.
	 */
	public LineEnd run(IByteChannel line) {
		return run(line, state.options().baudRate());
	}

	private LineEnd run(IByteChannel line, int pacing) {
		Firmware firmware = new Firmware(state, line, pacing);
		running.add(firmware);
		lines.add(line);
		try {
			return firmware.run();
		} catch (RuntimeException e) {
			ILog.of(getClass()).error("The simulated device failed", e); //$NON-NLS-1$
			return LineEnd.STOPPED;
		} finally {
			running.remove(firmware);
			lines.remove(line);
			line.close();
		}
	}

	/**
	 * Connects a new in-memory cable: the device boots on one end. With a baud rate in the options, the cable
	 * carries bytes at that rate in each direction. The host's end has modem lines wired as ESP32 boards' auto-reset
	 * circuit: releasing RTS after asserting it presses {@link #pressReset() RESET}.
	 *
	 * @return the host's end
	 */
	public IByteChannel connectPipe() {
		ByteChannelPipe pipe = new ByteChannelPipe("sim://" + hostname(), "device"); //$NON-NLS-1$ //$NON-NLS-2$
		if (state.options().baudRate() <= 0) {
			attach(pipe.b());
			return new ResetWiredLine(pipe.a(), this::pressReset);
		}
		PacedLine line = new PacedLine(state.options().baudRate());
		attachPaced(line.deviceEnd(pipe.b()));
		return new ResetWiredLine(line.hostEnd(pipe.a()), this::pressReset);
	}

	@Override
	public void close() {
		if (!closed.compareAndSet(false, true)) {
			return;
		}
		state.network().close();
		running.forEach(Firmware::stop);
		lines.forEach(IByteChannel::close);
		executor.shutdownNow();
		try {
			executor.awaitTermination(5, TimeUnit.SECONDS);
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
		if (ownsRoot) {
			deleteFlash();
		}
	}

	/** A connection's firmware thread may still finish a file while it stops: walk again until the folder is gone. */
	private void deleteFlash() {
		IOException failure = null;
		for (int attempt = 0; attempt < 3 && Files.exists(state.root()); attempt++) {
			try (Stream<Path> walk = Files.walk(state.root())) {
				walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
			} catch (IOException | UncheckedIOException e) {
				failure = e instanceof UncheckedIOException unchecked ? unchecked.getCause() : (IOException) e;
			}
		}
		if (Files.exists(state.root())) {
			ILog.of(getClass()).warn("Could not delete the simulated flash " + state.root(), failure); //$NON-NLS-1$
		}
	}
}
