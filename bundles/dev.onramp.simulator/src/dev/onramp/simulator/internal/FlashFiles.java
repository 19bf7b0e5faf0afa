/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.simulator.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

import dev.onramp.simulator.internal.PyValues.Bytes;
import dev.onramp.simulator.internal.PyValues.Function;
import dev.onramp.simulator.internal.PyValues.PyObject;

/**
 * The simulated flash: device paths mapped into a host folder, with MicroPython's errno for each failure. Metadata
 * operations (create or truncate, rename, remove, mkdir) are atomic, as littlefs and FAT commit them; a write is not:
 * when the power goes during one ({@link dev.onramp.simulator.Fault.Kind#POWER_CUT}), the first half of its bytes
 * stays in the file, and a file is never rolled back to what it held when it was opened.
 */
final class FlashFiles {

	private final Path root;
	private final BooleanSupplier power;

	/** For the firmware's own reads (its web server): no program of a test's runs there. */
	FlashFiles(Path root) {
		this(root, () -> true);
	}

	/** @param power asked before every flash operation: false when the power goes during it */
	FlashFiles(Path root, BooleanSupplier power) {
		this.root = root;
		this.power = power;
	}

	/** Before a metadata operation: when the power goes now, the operation does not happen at all. */
	void metadataOperation() {
		if (!power.getAsBoolean()) {
			throw new DeviceRuntime.PowerLost();
		}
	}

	/** Maps a device path to the host folder, refusing to leave it. */
	Path resolve(String devicePath) {
		String relative = devicePath.startsWith("/") ? devicePath.substring(1) : devicePath; //$NON-NLS-1$
		Path p = relative.isEmpty() ? root : root.resolve(relative).normalize();
		if (!p.startsWith(root)) {
			throw PyException.osError(2, "ENOENT"); //$NON-NLS-1$
		}
		return p;
	}

	List<Path> children(String devicePath) {
		Path dir = resolve(devicePath);
		if (!Files.isDirectory(dir)) {
			throw Files.exists(dir) ? PyException.osError(20, "ENOTDIR") : PyException.osError(2, "ENOENT"); //$NON-NLS-1$ //$NON-NLS-2$
		}
		try (Stream<Path> list = Files.list(dir)) {
			return list.sorted().toList();
		} catch (IOException e) {
			throw PyException.osError(5, "EIO"); //$NON-NLS-1$
		}
	}

	static long size(Path p) {
		try {
			return Files.size(p);
		} catch (IOException e) {
			return 0;
		}
	}

	@FunctionalInterface
	interface IoAction {
		void run() throws IOException;
	}

	static Object fileOp(IoAction action) {
		try {
			action.run();
			return PyValues.NONE;
		} catch (NoSuchFileException e) {
			throw PyException.osError(2, "ENOENT"); //$NON-NLS-1$
		} catch (FileAlreadyExistsException e) {
			throw PyException.osError(17, "EEXIST"); //$NON-NLS-1$
		} catch (DirectoryNotEmptyException e) {
			throw PyException.osError(39, "ENOTEMPTY"); //$NON-NLS-1$
		} catch (NotDirectoryException e) {
			throw PyException.osError(20, "ENOTDIR"); //$NON-NLS-1$
		} catch (AccessDeniedException e) {
			throw PyException.osError(13, "EACCES"); //$NON-NLS-1$
		} catch (IOException e) {
			throw PyException.osError(5, "EIO"); //$NON-NLS-1$
		}
	}

	Object open(List<Object> args) {
		String path = PyValues.asStr(DeviceRuntime.arg(args, 0));
		String mode = args.size() > 1 ? PyValues.asStr(args.get(1)) : "r"; //$NON-NLS-1$
		Path p = resolve(path);
		boolean binary = mode.contains("b"); //$NON-NLS-1$
		if (mode.startsWith("w") || mode.startsWith("a")) { //$NON-NLS-1$ //$NON-NLS-2$
			if (Files.isDirectory(p)) {
				throw PyException.osError(21, "EISDIR"); //$NON-NLS-1$
			}
			if (!Files.isDirectory(p.getParent())) {
				throw PyException.osError(2, "ENOENT"); //$NON-NLS-1$
			}
			metadataOperation();
			if (mode.startsWith("w")) { //$NON-NLS-1$
				fileOp(() -> Files.write(p, new byte[0]));
			} else if (!Files.exists(p)) {
				fileOp(() -> Files.write(p, new byte[0]));
			}
			return new WritableFile(p, binary, power);
		}
		if (!Files.isRegularFile(p)) {
			throw Files.isDirectory(p) ? PyException.osError(21, "EISDIR") : PyException.osError(2, "ENOENT"); //$NON-NLS-1$ //$NON-NLS-2$
		}
		return new ReadableFile(p, binary);
	}

	/** A file opened for writing: appends go straight to the host file, like flash writes. */
	private static final class WritableFile implements PyObject {
		private final Path path;
		private final boolean binary;
		private final BooleanSupplier power;
		private boolean closed;

		WritableFile(Path path, boolean binary, BooleanSupplier power) {
			this.path = path;
			this.binary = binary;
			this.power = power;
		}

		@Override
		public String typeName() {
			return binary ? "FileIO" : "TextIOWrapper"; //$NON-NLS-1$ //$NON-NLS-2$
		}

		@Override
		public Object attribute(String name) {
			return switch (name) {
			case "write" -> (Function) (args, kw) -> { //$NON-NLS-1$
				checkOpen();
				Object value = DeviceRuntime.arg(args, 0);
				byte[] data;
				if (binary) {
					if (!(value instanceof Bytes bytes)) {
						throw PyValues.typeError("object with buffer protocol required"); //$NON-NLS-1$
					}
					data = bytes.data();
				} else {
					data = PyValues.asStr(value).getBytes(StandardCharsets.UTF_8);
				}
				if (!power.getAsBoolean()) {
					byte[] half = Arrays.copyOf(data, data.length / 2);
					fileOp(() -> Files.write(path, half, StandardOpenOption.APPEND));
					throw new DeviceRuntime.PowerLost();
				}
				fileOp(() -> Files.write(path, data, StandardOpenOption.APPEND));
				return Long.valueOf(data.length);
			};
			case "close" -> (Function) (args, kw) -> { //$NON-NLS-1$
				closed = true;
				return PyValues.NONE;
			};
			case "flush" -> (Function) (args, kw) -> PyValues.NONE; //$NON-NLS-1$
			default -> null;
			};
		}

		private void checkOpen() {
			if (closed) {
				throw PyException.osError(9, "EBADF"); //$NON-NLS-1$
			}
		}
	}

	/** A file opened for reading; the content is read once at open, like a snapshot. */
	private static final class ReadableFile implements PyObject {
		private final byte[] content;
		private final boolean binary;
		private int position;

		ReadableFile(Path path, boolean binary) {
			byte[] data;
			try {
				data = Files.readAllBytes(path);
			} catch (IOException e) {
				throw PyException.osError(5, "EIO"); //$NON-NLS-1$
			}
			this.content = data;
			this.binary = binary;
		}

		@Override
		public String typeName() {
			return binary ? "FileIO" : "TextIOWrapper"; //$NON-NLS-1$ //$NON-NLS-2$
		}

		@Override
		public Object attribute(String name) {
			return switch (name) {
			case "read" -> (Function) (args, kw) -> { //$NON-NLS-1$
				int remaining = content.length - position;
				int count = args.isEmpty() || PyValues.asInt(args.get(0)) < 0 ? remaining
						: (int) Math.min(remaining, PyValues.asInt(args.get(0)));
				byte[] data = new byte[count];
				System.arraycopy(content, position, data, 0, count);
				position += count;
				return binary ? new Bytes(data) : new String(data, StandardCharsets.UTF_8);
			};
			case "close" -> (Function) (args, kw) -> PyValues.NONE; //$NON-NLS-1$
			default -> null;
			};
		}
	}
}
