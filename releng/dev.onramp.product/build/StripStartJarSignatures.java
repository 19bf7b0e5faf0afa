/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * Build step of the headless product (run by the product's pom with {@code java StripStartJarSignatures.java DIR}):
 * removes the signature files from the two jars the JVM itself loads on every {@code onramp} start, the Equinox
 * launcher and the framework. The JVM checks a signed jar on the class path class by class (a SHA-256 of every class
 * it loads, and the signature blocks' RSA checks) and keeps its classes out of the class-data archive; together
 * about a third of the start-up's processor time. The jars come from the target platform, which the build resolved
 * by checksum; the bundles that OSGi loads keep their signatures (Equinox does not check them).
 */
public final class StripStartJarSignatures {

	private static final List<String> START_JARS = List.of("org.eclipse.equinox.launcher_", "org.eclipse.osgi_"); //$NON-NLS-1$ //$NON-NLS-2$

	private StripStartJarSignatures() {
	}

	public static void main(String[] args) throws IOException {
		Path root = Path.of(args[0]);
		int stripped = 0;
		try (Stream<Path> files = Files.walk(root)) {
			for (Path jar : files.filter(StripStartJarSignatures::isStartJar).toList()) {
				if (strip(jar)) {
					stripped++;
				}
			}
		}
		System.out.println("StripStartJarSignatures: " + stripped + " start jar(s) without signature files under " //$NON-NLS-1$ //$NON-NLS-2$
				+ root);
	}

	private static boolean isStartJar(Path file) {
		String name = file.getFileName().toString();
		return file.getParent() != null && file.getParent().getFileName().toString().equals("plugins") //$NON-NLS-1$
				&& name.endsWith(".jar") && START_JARS.stream().anyMatch(name::startsWith); //$NON-NLS-1$
	}

	private static boolean isSignatureFile(String entry) {
		String upper = entry.toUpperCase(Locale.ROOT);
		if (!upper.startsWith("META-INF/") || upper.indexOf('/', "META-INF/".length()) >= 0) { //$NON-NLS-1$ //$NON-NLS-2$
			return false;
		}
		return upper.endsWith(".SF") || upper.endsWith(".RSA") || upper.endsWith(".DSA") || upper.endsWith(".EC") //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$
				|| upper.startsWith("META-INF/SIG-"); //$NON-NLS-1$
	}

	/** @return whether the jar had signature files, now removed (the rest is copied entry by entry, unchanged) */
	private static boolean strip(Path jar) throws IOException {
		try (ZipFile zip = new ZipFile(jar.toFile())) {
			if (zip.stream().noneMatch(e -> isSignatureFile(e.getName()))) {
				return false;
			}
			Path copy = jar.resolveSibling(jar.getFileName() + ".unsigned"); //$NON-NLS-1$
			try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(copy))) {
				for (ZipEntry entry : zip.stream().toList()) {
					if (isSignatureFile(entry.getName())) {
						continue;
					}
					ZipEntry kept = new ZipEntry(entry.getName());
					kept.setTime(entry.getTime());
					out.putNextEntry(kept);
					try (InputStream in = zip.getInputStream(entry)) {
						in.transferTo(out);
					}
					out.closeEntry();
				}
			}
			Files.move(copy, jar, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
			return true;
		}
	}
}
