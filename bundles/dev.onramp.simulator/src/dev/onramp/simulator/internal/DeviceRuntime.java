/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.simulator.internal;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import dev.onramp.simulator.internal.PyValues.Bytes;
import dev.onramp.simulator.internal.PyValues.Function;
import dev.onramp.simulator.internal.PyValues.PyObject;
import dev.onramp.simulator.internal.PyValues.Tuple;

/**
 * The builtins and modules of the simulated firmware: {@code os}, {@code sys} (with {@code sys.stdin.buffer} and
 * {@code sys.stdout} on the serial line), {@code micropython}, {@code binascii}, {@code hashlib} (optional),
 * {@code machine}, {@code network}, {@code gc}, {@code time} and pyDirect's {@code lib.sys.settings} (optional;
 * there is no top-level {@code settings} module). Files live
 * under a host folder standing for the device's flash.
 */
public final class DeviceRuntime {

	/** Thrown by {@code machine.reset()}: the device reboots at once. */
	public static final class ResetRequested extends RuntimeException {
		private static final long serialVersionUID = 1L;
	}

	/** Thrown by a flash operation during which the power goes ({@link dev.onramp.simulator.Fault.Kind#POWER_CUT}). */
	public static final class PowerLost extends RuntimeException {
		private static final long serialVersionUID = 1L;
	}

	/** What the runtime needs from the device it runs in. */
	public interface Host {
		Path root();

		byte[] mac();

		boolean hashlibAvailable();

		boolean pyDirect();

		String version();

		String machine();

		/** @return the settings module of the current boot */
		PyDirectSettings settings();

		/** @return whether {@code sys.stdin.buffer} and {@code micropython.kbd_intr} exist */
		boolean binaryStdin();

		DeviceNetwork network();

		/**
		 * Called before every flash operation of a program.
		 *
		 * @return false when the power goes during this operation
		 */
		default boolean powerHoldsForFlashOperation() {
			return true;
		}
	}

	/** The serial line as the running program sees it. */
	public interface Console {
		/** Blocks until {@code n} bytes arrived (MicroPython's {@code sys.stdin.buffer.read(n)}). */
		byte[] read(int n);

		/** Sends what the program printed so far, at once. */
		void flush();

		/** {@code micropython.kbd_intr(c)}: the byte that raises {@code KeyboardInterrupt}, -1 for none. */
		void interruptChar(int c);
	}

	private static final Console NO_CONSOLE = new Console() {
		@Override
		public byte[] read(int n) {
			throw new PyException("OSError", "[Errno 5] EIO"); //$NON-NLS-1$ //$NON-NLS-2$
		}

		@Override
		public void flush() {
			// printed output goes out when the snippet ends
		}

		@Override
		public void interruptChar(int c) {
			// nothing reads the line
		}
	};

	private final Host host;
	private final StringBuilder out;
	private final Map<String, Object> modules = new HashMap<>();
	private final FlashFiles files;
	private final Console console;

	public DeviceRuntime(Host host, StringBuilder out) {
		this(host, out, NO_CONSOLE);
	}

	public DeviceRuntime(Host host, StringBuilder out, Console console) {
		this.host = host;
		this.out = out;
		this.console = console;
		this.files = new FlashFiles(host.root(), host::powerHoldsForFlashOperation);
	}

	/** A simple module or object with fixed attributes. */
	record Namespace(String typeName, Map<String, Object> attributes) implements PyObject {
		@Override
		public Object attribute(String name) {
			return attributes.get(name);
		}
	}

	public Object builtin(String name) {
		return switch (name) {
		case "print" -> (Function) (args, kw) -> { //$NON-NLS-1$
			StringBuilder line = new StringBuilder();
			for (int i = 0; i < args.size(); i++) {
				line.append(i > 0 ? " " : "").append(PyValues.str(args.get(i))); //$NON-NLS-1$ //$NON-NLS-2$
			}
			Object end = kw.getOrDefault("end", "\n"); //$NON-NLS-1$ //$NON-NLS-2$
			out.append(line).append(PyValues.asStr(end).replace("\n", "\r\n")); //$NON-NLS-1$ //$NON-NLS-2$
			return PyValues.NONE;
		};
		case "open" -> (Function) (args, kw) -> files.open(args); //$NON-NLS-1$
		case "len" -> (Function) (args, kw) -> { //$NON-NLS-1$
			Object v = arg(args, 0);
			if (v instanceof String s) {
				return Long.valueOf(s.length());
			}
			if (v instanceof Bytes b) {
				return Long.valueOf(b.data().length);
			}
			if (v instanceof Tuple t) {
				return Long.valueOf(t.items().size());
			}
			if (v instanceof List<?> l) {
				return Long.valueOf(l.size());
			}
			throw PyValues.typeError("object of type '" + PyValues.typeName(v) + "' has no len()"); //$NON-NLS-1$ //$NON-NLS-2$
		};
		case "list" -> (Function) (args, kw) -> { //$NON-NLS-1$
			Object v = arg(args, 0);
			if (v instanceof Tuple t) {
				return new ArrayList<>(t.items());
			}
			if (v instanceof List<?> l) {
				return new ArrayList<Object>(l);
			}
			throw PyValues.typeError("'" + PyValues.typeName(v) + "' object isn't iterable"); //$NON-NLS-1$ //$NON-NLS-2$
		};
		case "repr" -> (Function) (args, kw) -> PyValues.repr(arg(args, 0)); //$NON-NLS-1$
		case "str" -> (Function) (args, kw) -> PyValues.str(arg(args, 0)); //$NON-NLS-1$
		case "min" -> (Function) (args, kw) -> Long.valueOf( //$NON-NLS-1$
				Math.min(PyValues.asInt(arg(args, 0)), PyValues.asInt(arg(args, 1))));
		case "range" -> (Function) (args, kw) -> range(args); //$NON-NLS-1$
		default -> null;
		};
	}

	public Object importModule(String name) {
		Object module = modules.get(name);
		if (module == null) {
			module = createModule(name);
			modules.put(name, module);
		}
		return module;
	}

	private Object createModule(String name) {
		Map<String, Object> a = new HashMap<>();
		switch (name) {
		case "os" -> { //$NON-NLS-1$
			a.put("listdir", (Function) (args, kw) -> { //$NON-NLS-1$
				List<Object> names = new ArrayList<>();
				for (Path p : files.children(args.isEmpty() ? "/" : PyValues.asStr(args.get(0)))) { //$NON-NLS-1$
					names.add(p.getFileName().toString());
				}
				return names;
			});
			a.put("ilistdir", (Function) (args, kw) -> { //$NON-NLS-1$
				List<Object> entries = new ArrayList<>();
				for (Path p : files.children(args.isEmpty() ? "/" : PyValues.asStr(args.get(0)))) { //$NON-NLS-1$
					boolean dir = Files.isDirectory(p);
					entries.add(new Tuple(List.of(p.getFileName().toString(), Long.valueOf(dir ? 0x4000 : 0x8000),
							Long.valueOf(0), Long.valueOf(dir ? 0 : FlashFiles.size(p)))));
				}
				return new Tuple(List.copyOf(entries));
			});
			a.put("stat", (Function) (args, kw) -> { //$NON-NLS-1$
				Path p = files.resolve(PyValues.asStr(arg(args, 0)));
				if (!Files.exists(p)) {
					throw PyException.osError(2, "ENOENT"); //$NON-NLS-1$
				}
				boolean dir = Files.isDirectory(p);
				Long zero = Long.valueOf(0);
				return new Tuple(List.of(Long.valueOf(dir ? 0x4000 : 0x8000), zero, zero, zero, zero, zero,
						Long.valueOf(dir ? 0 : FlashFiles.size(p)), zero, zero, zero));
			});
			a.put("remove", (Function) (args, kw) -> FlashFiles.fileOp(() -> { //$NON-NLS-1$
				Path p = files.resolve(PyValues.asStr(arg(args, 0)));
				files.metadataOperation();
				if (Files.isDirectory(p)) {
					throw PyException.osError(21, "EISDIR"); //$NON-NLS-1$
				}
				Files.delete(p);
			}));
			a.put("rmdir", (Function) (args, kw) -> FlashFiles.fileOp(() -> { //$NON-NLS-1$
				Path p = files.resolve(PyValues.asStr(arg(args, 0)));
				if (!Files.isDirectory(p)) {
					throw PyException.osError(Files.exists(p) ? 20 : 2, Files.exists(p) ? "ENOTDIR" : "ENOENT"); //$NON-NLS-1$ //$NON-NLS-2$
				}
				Files.delete(p);
			}));
			a.put("mkdir", (Function) (args, kw) -> FlashFiles.fileOp(() -> { //$NON-NLS-1$
				Path p = files.resolve(PyValues.asStr(arg(args, 0)));
				files.metadataOperation();
				Files.createDirectory(p);
			}));
			a.put("rename", (Function) (args, kw) -> FlashFiles.fileOp(() -> { //$NON-NLS-1$
				Path from = files.resolve(PyValues.asStr(arg(args, 0)));
				if (!Files.exists(from)) {
					throw PyException.osError(2, "ENOENT"); //$NON-NLS-1$
				}
				files.metadataOperation();
				// littlefs (ESP32 default) replaces an existing target atomically
				Files.move(from, files.resolve(PyValues.asStr(arg(args, 1))), StandardCopyOption.REPLACE_EXISTING,
						StandardCopyOption.ATOMIC_MOVE);
			}));
			a.put("uname", (Function) (args, kw) -> new Namespace("uname_result", Map.of("sysname", "esp32", //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$
					"nodename", "esp32", "release", host.version(), "version", //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$
					"v" + host.version() + " on 2024-11-29", "machine", host.machine()))); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
			a.put("sep", "/"); //$NON-NLS-1$ //$NON-NLS-2$
		}
		case "sys" -> { //$NON-NLS-1$
			String[] v = host.version().split("\\."); //$NON-NLS-1$
			List<Object> version = new ArrayList<>();
			for (String part : v) {
				version.add(Long.valueOf(part));
			}
			a.put("implementation", new Namespace("implementation", Map.of("name", "micropython", "version", //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$ //$NON-NLS-5$
					new Tuple(List.copyOf(version)), "_machine", host.machine()))); //$NON-NLS-1$
			a.put("platform", "esp32"); //$NON-NLS-1$ //$NON-NLS-2$
			a.put("version", "3.4.0; MicroPython v" + host.version()); //$NON-NLS-1$ //$NON-NLS-2$
			Map<String, Object> stdin = new HashMap<>();
			if (host.binaryStdin()) {
				stdin.put("buffer", new Namespace("FileIO", Map.of("read", (Function) (args, kw) -> { //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
					long n = PyValues.asInt(arg(args, 0));
					if (n < 0 || n > 65536) {
						throw new PyException("MemoryError", "memory allocation failed"); //$NON-NLS-1$ //$NON-NLS-2$
					}
					return new Bytes(console.read((int) n));
				})));
			}
			a.put("stdin", new Namespace("TextIOWrapper", stdin)); //$NON-NLS-1$ //$NON-NLS-2$
			a.put("stdout", new Namespace("TextIOWrapper", Map.of("write", (Function) (args, kw) -> { //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
				String text = PyValues.asStr(arg(args, 0));
				out.append(text);
				console.flush();
				return Long.valueOf(text.length());
			})));
		}
		case "micropython" -> { //$NON-NLS-1$
			if (host.binaryStdin()) {
				a.put("kbd_intr", (Function) (args, kw) -> { //$NON-NLS-1$
					console.interruptChar((int) PyValues.asInt(arg(args, 0)));
					return PyValues.NONE;
				});
			}
			a.put("mem_info", (Function) (args, kw) -> PyValues.NONE); //$NON-NLS-1$
		}
		case "binascii", "ubinascii" -> { //$NON-NLS-1$ //$NON-NLS-2$
			a.put("a2b_base64", (Function) (args, kw) -> { //$NON-NLS-1$
				try {
					return new Bytes(Base64.getMimeDecoder().decode(PyValues.asBuffer(arg(args, 0))));
				} catch (IllegalArgumentException e) {
					throw new PyException("ValueError", "incorrect padding"); //$NON-NLS-1$ //$NON-NLS-2$
				}
			});
			a.put("b2a_base64", (Function) (args, kw) -> new Bytes( //$NON-NLS-1$
					(Base64.getEncoder().encodeToString(PyValues.asBuffer(arg(args, 0))) + "\n") //$NON-NLS-1$
							.getBytes(StandardCharsets.US_ASCII)));
			a.put("hexlify", (Function) (args, kw) -> new Bytes( //$NON-NLS-1$
					HexFormat.of().formatHex(PyValues.asBuffer(arg(args, 0))).getBytes(StandardCharsets.US_ASCII)));
		}
		case "hashlib", "uhashlib" -> { //$NON-NLS-1$ //$NON-NLS-2$
			if (!host.hashlibAvailable()) {
				throw new PyException("ImportError", "no module named '" + name + "'"); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
			}
			a.put("sha256", (Function) (args, kw) -> sha256(args.isEmpty() ? null : PyValues.asBuffer(args.get(0)))); //$NON-NLS-1$
		}
		case "machine" -> { //$NON-NLS-1$
			a.put("reset", (Function) (args, kw) -> { //$NON-NLS-1$
				throw new ResetRequested();
			});
			a.put("soft_reset", (Function) (args, kw) -> { //$NON-NLS-1$
				throw new PyException("SystemExit", ""); //$NON-NLS-1$ //$NON-NLS-2$
			});
			a.put("unique_id", (Function) (args, kw) -> new Bytes(host.mac())); //$NON-NLS-1$
			a.put("freq", (Function) (args, kw) -> Long.valueOf(160_000_000)); //$NON-NLS-1$
		}
		case "network" -> WlanModule.addTo(a, host.network(), host.mac()); //$NON-NLS-1$
		case "gc" -> { //$NON-NLS-1$
			a.put("collect", (Function) (args, kw) -> PyValues.NONE); //$NON-NLS-1$
			a.put("mem_free", (Function) (args, kw) -> Long.valueOf(110_000)); //$NON-NLS-1$
		}
		case "time" -> a.put("ticks_ms", (Function) (args, kw) -> Long.valueOf(System.nanoTime() / 1_000_000)); //$NON-NLS-1$
		case "lib", "lib.sys" -> { //$NON-NLS-1$ //$NON-NLS-2$
			// packages of pyDirect's scripts on flash; only what the simulator models is in them
			requirePyDirect(name);
			if (name.equals("lib")) { //$NON-NLS-1$
				a.put("sys", importModule("lib.sys")); //$NON-NLS-1$ //$NON-NLS-2$
			} else {
				a.put("settings", importModule("lib.sys.settings")); //$NON-NLS-1$ //$NON-NLS-2$
			}
		}
		case "lib.sys.settings" -> { //$NON-NLS-1$
			requirePyDirect(name);
			SettingsModule.addTo(a, host::settings, out);
		}
		default -> throw new PyException("ImportError", "no module named '" + name + "'"); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
		}
		return new Namespace("module", a); //$NON-NLS-1$
	}

	private void requirePyDirect(String name) {
		if (!host.pyDirect()) {
			throw new PyException("ImportError", "no module named '" + name + "'"); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
		}
	}

	static Object arg(List<Object> args, int index) {
		if (index >= args.size()) {
			throw PyValues.typeError("function missing required positional argument #" + (index + 1)); //$NON-NLS-1$
		}
		return args.get(index);
	}

	private static Object range(List<Object> args) {
		long start = args.size() > 1 ? PyValues.asInt(args.get(0)) : 0;
		long stop = PyValues.asInt(arg(args, args.size() > 1 ? 1 : 0));
		long step = args.size() > 2 ? PyValues.asInt(args.get(2)) : 1;
		if (step <= 0) {
			throw new PyException("ValueError", "only a positive step is simulated"); //$NON-NLS-1$ //$NON-NLS-2$
		}
		List<Object> values = new ArrayList<>();
		for (long i = start; i < stop; i += step) {
			values.add(Long.valueOf(i));
		}
		return values;
	}

	private static Object sha256(byte[] initial) {
		MessageDigest digest;
		try {
			digest = MessageDigest.getInstance("SHA-256"); //$NON-NLS-1$
		} catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
		if (initial != null) {
			digest.update(initial);
		}
		return new Namespace("sha256", Map.of( //$NON-NLS-1$
				"update", (Function) (args, kw) -> { //$NON-NLS-1$
					digest.update(PyValues.asBuffer(arg(args, 0)));
					return PyValues.NONE;
				}, "digest", (Function) (args, kw) -> new Bytes(digest.digest()))); //$NON-NLS-1$
	}
}
