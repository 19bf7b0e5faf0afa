/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.discovery.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.MulticastSocket;
import java.net.NetworkInterface;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.BooleanSupplier;

import dev.onramp.core.FailureReason;
import dev.onramp.core.Hostnames;
import dev.onramp.core.OnrampException;

/**
 * A multicast DNS query for the A and AAAA records of {@code <host>.local} (RFC 6762), sent on chosen interfaces
 * only. JmDNS has no public API to resolve a bare host name, so this small client does it, with retransmission at
 * 1 s, 2 s, 4 s ... and a hard deadline.
 */
public final class MdnsAddressQuery {

	static final int MDNS_PORT = 5353;
	static final int TYPE_A = 1;
	static final int TYPE_AAAA = 28;
	private static final int CLASS_IN = 1;
	private static final int FLAG_RESPONSE = 0x8000;
	private static final int MAX_PACKET = 9000;
	private static final InetAddress GROUP_V4 = groupV4();

	/** One resource record of a response. */
	public record Record(String name, int type, long ttl, byte[] data) {
	}

	private MdnsAddressQuery() {
	}

	private static InetAddress groupV4() {
		try {
			return InetAddress.getByAddress(new byte[] { (byte) 224, 0, 0, (byte) 251 });
		} catch (UnknownHostException e) {
			throw new IllegalStateException(e);
		}
	}

	/**
	 * @return the addresses of {@code <hostname>.local} from the first response that carries them
	 * @throws OnrampException {@code TIMEOUT} when no answer comes within {@code timeout}, {@code CANCELLED} when
	 *                         {@code cancelled} says so, {@code DEVICE_UNREACHABLE} when no interface can send
	 */
	public static List<InetAddress> query(String hostname, List<NetworkInterfaceInfo> interfaces, Duration timeout,
			BooleanSupplier cancelled) throws OnrampException {
		String fqdn = Hostnames.toLocal(hostname);
		long deadline = System.nanoTime() + timeout.toNanos();
		byte[] query = encodeQuery(fqdn);
		try (MulticastSocket socket = new MulticastSocket(null)) {
			socket.setReuseAddress(true);
			socket.bind(new InetSocketAddress(MDNS_PORT));
			socket.setTimeToLive(255);
			List<NetworkInterface> joined = new ArrayList<>();
			for (NetworkInterfaceInfo info : interfaces) {
				NetworkInterface networkInterface = NetworkInterface.getByName(info.name());
				if (networkInterface != null && info.addresses().stream().anyMatch(a -> a instanceof Inet4Address)) {
					socket.joinGroup(new InetSocketAddress(GROUP_V4, MDNS_PORT), networkInterface);
					joined.add(networkInterface);
				}
			}
			if (joined.isEmpty()) {
				throw new OnrampException(FailureReason.DEVICE_UNREACHABLE,
						"None of the chosen network interfaces has an IPv4 address to resolve " + fqdn + " on.", //$NON-NLS-1$ //$NON-NLS-2$
						"Choose another interface, or use the device's IP address."); //$NON-NLS-1$
			}
			long nextSend = System.nanoTime();
			long interval = Duration.ofSeconds(1).toNanos();
			byte[] buffer = new byte[MAX_PACKET];
			while (true) {
				long now = System.nanoTime();
				if (cancelled.getAsBoolean()) {
					throw OnrampException.of(FailureReason.CANCELLED);
				}
				if (now - deadline >= 0) {
					throw new OnrampException(FailureReason.TIMEOUT,
							fqdn + " did not resolve within " + seconds(timeout) + ".", //$NON-NLS-1$ //$NON-NLS-2$
							"Check that the device is powered and on this network, or use its IP address instead."); //$NON-NLS-1$
				}
				if (now - nextSend >= 0) {
					for (NetworkInterface networkInterface : joined) {
						socket.setNetworkInterface(networkInterface);
						socket.send(new DatagramPacket(query, query.length, GROUP_V4, MDNS_PORT));
					}
					nextSend = now + interval;
					interval *= 2;
				}
				long wait = Math.min(deadline, nextSend) - System.nanoTime();
				// short slices, so cancellation is noticed promptly
				socket.setSoTimeout((int) Math.max(1, Math.min(Duration.ofNanos(wait).toMillis(), 200)));
				DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
				try {
					socket.receive(packet);
				} catch (SocketTimeoutException e) {
					continue;
				}
				List<InetAddress> addresses = addressesFor(fqdn, parseResponse(buffer, packet.getLength()));
				if (!addresses.isEmpty()) {
					return addresses;
				}
			}
		} catch (IOException e) {
			throw new OnrampException(FailureReason.DEVICE_UNREACHABLE,
					"Could not send an mDNS query for " + fqdn + ": " + e.getMessage(), //$NON-NLS-1$ //$NON-NLS-2$
					"Check that multicast is allowed on the chosen interface, or use the device's IP address.", e); //$NON-NLS-1$
		}
	}

	private static String seconds(Duration duration) {
		return String.format(Locale.ROOT, "%.1f s", Double.valueOf(duration.toMillis() / 1000.0)); //$NON-NLS-1$
	}

	/** @return a standard query (id 0, multicast response wanted) for the A and AAAA records of the name */
	static byte[] encodeQuery(String fqdn) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		writeShort(out, 0); // id
		writeShort(out, 0); // flags: standard query
		writeShort(out, 2); // questions
		writeShort(out, 0);
		writeShort(out, 0);
		writeShort(out, 0);
		for (int type : new int[] { TYPE_A, TYPE_AAAA }) {
			for (String label : fqdn.split("\\.")) { //$NON-NLS-1$
				byte[] bytes = label.getBytes(StandardCharsets.UTF_8);
				out.write(bytes.length);
				out.writeBytes(bytes);
			}
			out.write(0);
			writeShort(out, type);
			writeShort(out, CLASS_IN);
		}
		return out.toByteArray();
	}

	private static void writeShort(ByteArrayOutputStream out, int value) {
		out.write(value >> 8 & 0xFF);
		out.write(value & 0xFF);
	}

	/** @return the records of every section of a response; empty for a query or a malformed packet */
	public static List<Record> parseResponse(byte[] data, int length) {
		List<Record> records = new ArrayList<>();
		try {
			if (length < 12 || (u16(data, 2, length) & FLAG_RESPONSE) == 0) {
				return records;
			}
			int questions = u16(data, 4, length);
			int count = u16(data, 6, length) + u16(data, 8, length) + u16(data, 10, length);
			int[] position = { 12 };
			for (int i = 0; i < questions; i++) {
				readName(data, length, position);
				position[0] += 4;
			}
			for (int i = 0; i < count; i++) {
				String name = readName(data, length, position);
				int p = position[0];
				int type = u16(data, p, length);
				long ttl = (long) u16(data, p + 4, length) << 16 | u16(data, p + 6, length);
				int dataLength = u16(data, p + 8, length);
				if (p + 10 + dataLength > length) {
					break;
				}
				byte[] recordData = new byte[dataLength];
				System.arraycopy(data, p + 10, recordData, 0, dataLength);
				records.add(new Record(name, type, ttl, recordData));
				position[0] = p + 10 + dataLength;
			}
		} catch (IndexOutOfBoundsException e) {
			// a malformed packet: keep what was read before the damage
		}
		return records;
	}

	/** @return the addresses the records give for the name (records with TTL 0 are goodbyes and say nothing) */
	static List<InetAddress> addressesFor(String fqdn, List<Record> records) {
		String wanted = Hostnames.withoutLocalSuffix(fqdn);
		Set<InetAddress> addresses = new LinkedHashSet<>();
		for (Record record : records) {
			boolean address = record.type() == TYPE_A && record.data().length == 4
					|| record.type() == TYPE_AAAA && record.data().length == 16;
			if (address && record.ttl() > 0 && Hostnames.withoutLocalSuffix(record.name()).equals(wanted)) {
				try {
					addresses.add(InetAddress.getByAddress(record.data()));
				} catch (UnknownHostException e) {
					// cannot happen for 4 or 16 bytes
				}
			}
		}
		return List.copyOf(addresses);
	}

	private static int u16(byte[] data, int offset, int length) {
		if (offset + 1 >= length) {
			throw new IndexOutOfBoundsException(offset);
		}
		return (data[offset] & 0xFF) << 8 | data[offset + 1] & 0xFF;
	}

	/** The longest name DNS allows (RFC 1035 2.3.4), in its dotted text form. */
	static final int MAX_NAME = 255;

	/** Reads a possibly compressed name and advances the position past it. */
	private static String readName(byte[] data, int length, int[] position) {
		StringBuilder name = new StringBuilder();
		int p = position[0];
		boolean jumped = false;
		for (int hops = 0; hops < 64; hops++) {
			if (p >= length) {
				throw new IndexOutOfBoundsException(p);
			}
			int labelLength = data[p] & 0xFF;
			if (labelLength == 0) {
				if (!jumped) {
					position[0] = p + 1;
				}
				return name.toString();
			}
			if ((labelLength & 0xC0) == 0xC0) {
				int pointer = u16(data, p, length) & 0x3FFF;
				if (!jumped) {
					position[0] = p + 2;
				}
				jumped = true;
				p = pointer;
				continue;
			}
			if (p + 1 + labelLength > length) {
				throw new IndexOutOfBoundsException(p);
			}
			if (name.length() + labelLength + 1 > MAX_NAME) {
				// compression pointers can repeat labels: without this bound a 2-byte name could expand to 4 KB
				throw new IndexOutOfBoundsException("name longer than " + MAX_NAME); //$NON-NLS-1$
			}
			name.append(new String(data, p + 1, labelLength, StandardCharsets.UTF_8)).append('.');
			p += 1 + labelLength;
		}
		throw new IndexOutOfBoundsException("name compression loop"); //$NON-NLS-1$
	}
}
