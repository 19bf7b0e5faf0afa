/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.certs.internal;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import org.eclipse.osgi.util.NLS;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;

import dev.onramp.core.certs.InventoryEntry;
import dev.onramp.core.OnrampException;
import dev.onramp.core.certs.KeyType;
import dev.onramp.core.certs.TrustMode;

/**
 * {@value #FILE} in the data directory: one object per issued certificate. Every change rewrites the file
 * atomically under a file lock, so parallel fleet rows and concurrent processes never lose an entry, and a file
 * that cannot be parsed is reported and left alone rather than replaced.
 */
final class CertificateInventory {

	static final String FILE = "inventory.json"; //$NON-NLS-1$
	private static final int FORMAT_VERSION = 1;

	private final Path file;
	private final Path lockFile;
	/** What this instance last read or wrote, one compact JSON object per entry, valid while the file is unchanged. */
	private List<InventoryEntry> cachedEntries = List.of();
	private List<String> cachedLines = List.of();
	private Object cachedVersion;

	CertificateInventory(Path dataDirectory) {
		this.file = dataDirectory.resolve(FILE);
		this.lockFile = dataDirectory.resolve(FILE + ".lock"); //$NON-NLS-1$
	}

	Path file() {
		return file;
	}

	synchronized void record(InventoryEntry entry) throws OnrampException {
		try {
			Files.createDirectories(file.getParent());
			try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
					FileLock lock = channel.lock()) {
				refresh();
				List<InventoryEntry> entries = new ArrayList<>(cachedEntries);
				List<String> lines = new ArrayList<>(cachedLines);
				entries.add(entry);
				lines.add(toJson(entry).toString());
				OwnerOnlyFiles.replace(file, document(lines).getBytes(StandardCharsets.UTF_8),
						PosixFilePermissions.fromString("rw-r--r--")); //$NON-NLS-1$
				remember(entries, lines);
			}
		} catch (IOException e) {
			throw new OnrampException(CaKeyStore.UNUSABLE, NLS.bind(Messages.Inventory_cannotWrite, file), null, e);
		}
	}

	synchronized List<InventoryEntry> entries() throws OnrampException {
		try {
			refresh();
		} catch (IOException e) {
			throw new OnrampException(CaKeyStore.UNUSABLE, NLS.bind(Messages.Inventory_cannotRead, file), null, e);
		}
		return cachedEntries;
	}

	synchronized List<InventoryEntry> expiringBefore(Instant limit) throws OnrampException {
		return entries().stream().filter(e -> e.notAfter().isBefore(limit))
				.sorted(Comparator.comparing(InventoryEntry::notAfter)).toList();
	}

	/** Re-reads the file unless it is still the one this instance last saw (rename gives every write a new key). */
	private void refresh() throws IOException, OnrampException {
		if (!Files.exists(file)) {
			cachedEntries = List.of();
			cachedLines = List.of();
			cachedVersion = null;
			return;
		}
		if (version().equals(cachedVersion)) {
			return;
		}
		try {
			JsonObject root = JsonParser.parseString(Files.readString(file, StandardCharsets.UTF_8)).getAsJsonObject();
			List<InventoryEntry> entries = new ArrayList<>();
			List<String> lines = new ArrayList<>();
			for (JsonElement element : root.getAsJsonArray("certificates")) { //$NON-NLS-1$
				InventoryEntry entry = fromJson(element.getAsJsonObject());
				entries.add(entry);
				lines.add(toJson(entry).toString());
			}
			remember(entries, lines);
		} catch (JsonParseException | IllegalStateException | IllegalArgumentException | NullPointerException
				| UnsupportedOperationException | DateTimeParseException e) {
			throw new OnrampException(CaKeyStore.UNUSABLE, NLS.bind(Messages.Inventory_corrupted, file),
					NLS.bind(Messages.Inventory_corruptedHint, file), e);
		}
	}

	private void remember(List<InventoryEntry> entries, List<String> lines) throws IOException {
		cachedEntries = List.copyOf(entries);
		cachedLines = List.copyOf(lines);
		cachedVersion = version();
	}

	private List<Object> version() throws IOException {
		BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
		Object key = attributes.fileKey();
		return List.of(key == null ? "" : key, attributes.lastModifiedTime(), attributes.size()); //$NON-NLS-1$
	}

	/** One certificate per line: readable, and cheap to extend without re-serializing the others. */
	private static String document(List<String> lines) {
		StringBuilder text = new StringBuilder(64 + lines.size() * 320);
		text.append("{\n  \"version\": ").append(FORMAT_VERSION).append(",\n  \"certificates\": ["); //$NON-NLS-1$ //$NON-NLS-2$
		for (int i = 0; i < lines.size(); i++) {
			text.append(i == 0 ? "\n    " : ",\n    ").append(lines.get(i)); //$NON-NLS-1$ //$NON-NLS-2$
		}
		return text.append(lines.isEmpty() ? "]\n}\n" : "\n  ]\n}\n").toString(); //$NON-NLS-1$ //$NON-NLS-2$
	}

	private static JsonObject toJson(InventoryEntry entry) {
		JsonObject object = new JsonObject();
		object.addProperty("hostname", entry.hostname()); //$NON-NLS-1$
		object.addProperty("serial", entry.serialHex()); //$NON-NLS-1$
		object.addProperty("fingerprint_sha256", entry.fingerprintSha256()); //$NON-NLS-1$
		object.addProperty("key", entry.keyType().cliName()); //$NON-NLS-1$
		object.addProperty("trust", trustName(entry.trust())); //$NON-NLS-1$
		object.addProperty("issued_at", entry.issuedAt().toString()); //$NON-NLS-1$
		object.addProperty("not_after", entry.notAfter().toString()); //$NON-NLS-1$
		return object;
	}

	private static InventoryEntry fromJson(JsonObject object) {
		return new InventoryEntry(object.get("hostname").getAsString(), object.get("serial").getAsString(), //$NON-NLS-1$ //$NON-NLS-2$
				object.get("fingerprint_sha256").getAsString(), //$NON-NLS-1$
				KeyType.fromCliName(object.get("key").getAsString()), //$NON-NLS-1$
				TrustMode.valueOf(object.get("trust").getAsString().toUpperCase(Locale.ROOT).replace('-', '_')), //$NON-NLS-1$
				Instant.parse(object.get("issued_at").getAsString()), //$NON-NLS-1$
				Instant.parse(object.get("not_after").getAsString())); //$NON-NLS-1$
	}

	/** @return {@code ca} or {@code self-signed}, as the command line spells {@code --trust} */
	static String trustName(TrustMode trust) {
		return trust.name().toLowerCase(Locale.ROOT).replace('_', '-');
	}
}
