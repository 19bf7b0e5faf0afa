/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.provisioning.tests.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;

import com.google.protobuf.DescriptorProtos.FieldDescriptorProto;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.EnumDescriptor;
import com.google.protobuf.Descriptors.EnumValueDescriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Descriptors.FileDescriptor;
import com.google.protobuf.Descriptors.OneofDescriptor;

import dev.onramp.provisioning.internal.proto.Constants;
import dev.onramp.provisioning.internal.proto.Sec0;
import dev.onramp.provisioning.internal.proto.Sec1;
import dev.onramp.provisioning.internal.proto.Sec2;
import dev.onramp.provisioning.internal.proto.Session;
import dev.onramp.provisioning.internal.proto.WifiConfig;
import dev.onramp.provisioning.internal.proto.WifiConstants;
import dev.onramp.provisioning.internal.proto.WifiCtrl;
import dev.onramp.provisioning.internal.proto.WifiScan;
import dev.onramp.simulator.protocomm.SimulatedProtocommDevice;

/**
 * The client's and the simulator's message definitions, field by field (name, number, label, type, oneof) and enum
 * value by enum value, against {@link EspIdfProtoReference}, transcribed from ESP-IDF's own .proto files. Package
 * names are left out: ESP-IDF's files declare none, and a package never reaches the wire.
 */
class ProtoDefinitionsTest {

	/** The reference, by the outer class name both copies give each file. */
	private static final Map<String, String> REFERENCE = new LinkedHashMap<>();
	static {
		REFERENCE.put("Constants", EspIdfProtoReference.CONSTANTS); //$NON-NLS-1$
		REFERENCE.put("Sec0", EspIdfProtoReference.SEC0); //$NON-NLS-1$
		REFERENCE.put("Sec1", EspIdfProtoReference.SEC1); //$NON-NLS-1$
		REFERENCE.put("Sec2", EspIdfProtoReference.SEC2); //$NON-NLS-1$
		REFERENCE.put("Session", EspIdfProtoReference.SESSION); //$NON-NLS-1$
		REFERENCE.put("WifiConstants", EspIdfProtoReference.WIFI_CONSTANTS); //$NON-NLS-1$
		REFERENCE.put("WifiConfig", EspIdfProtoReference.WIFI_CONFIG); //$NON-NLS-1$
		REFERENCE.put("WifiScan", EspIdfProtoReference.WIFI_SCAN); //$NON-NLS-1$
		REFERENCE.put("WifiCtrl", EspIdfProtoReference.WIFI_CTRL); //$NON-NLS-1$
	}

	@Test
	void clientDefinitionsMatchEspIdf() {
		Map<String, FileDescriptor> client = new LinkedHashMap<>();
		client.put("Constants", Constants.getDescriptor()); //$NON-NLS-1$
		client.put("Sec0", Sec0.getDescriptor()); //$NON-NLS-1$
		client.put("Sec1", Sec1.getDescriptor()); //$NON-NLS-1$
		client.put("Sec2", Sec2.getDescriptor()); //$NON-NLS-1$
		client.put("Session", Session.getDescriptor()); //$NON-NLS-1$
		client.put("WifiConstants", WifiConstants.getDescriptor()); //$NON-NLS-1$
		client.put("WifiConfig", WifiConfig.getDescriptor()); //$NON-NLS-1$
		client.put("WifiScan", WifiScan.getDescriptor()); //$NON-NLS-1$
		client.put("WifiCtrl", WifiCtrl.getDescriptor()); //$NON-NLS-1$
		assertMatchesReference("client", client); //$NON-NLS-1$
	}

	@Test
	void simulatorDefinitionsMatchEspIdf() throws Exception {
		Bundle simulator = FrameworkUtil.getBundle(SimulatedProtocommDevice.class);
		Map<String, FileDescriptor> device = new LinkedHashMap<>();
		for (String outer : REFERENCE.keySet()) {
			Class<?> type = simulator.loadClass("dev.onramp.simulator.internal.proto." + outer); //$NON-NLS-1$
			device.put(outer, (FileDescriptor) type.getMethod("getDescriptor").invoke(null)); //$NON-NLS-1$
		}
		assertMatchesReference("simulator", device); //$NON-NLS-1$
	}

	/** The simulated firmware must not agree with the client by sharing its code: it cannot even see it. */
	@Test
	void simulatorDoesNotSeeTheClientsMessageClasses() {
		Bundle simulator = FrameworkUtil.getBundle(SimulatedProtocommDevice.class);
		for (String outer : REFERENCE.keySet()) {
			assertThrows(ClassNotFoundException.class,
					() -> simulator.loadClass("dev.onramp.provisioning.internal.proto." + outer), outer); //$NON-NLS-1$
		}
		String imports = simulator.getHeaders().get("Import-Package"); //$NON-NLS-1$
		String required = String.valueOf(simulator.getHeaders().get("Require-Bundle")); //$NON-NLS-1$
		assertTrue(!imports.contains("dev.onramp.provisioning") && !required.contains("dev.onramp.provisioning"), //$NON-NLS-1$ //$NON-NLS-2$
				imports + " / " + required); //$NON-NLS-1$
	}

	/** The comparison itself can fail: a changed field number is reported. */
	@Test
	void aDifferenceIsReported() {
		List<String> reference = lines(EspIdfProtoReference.SEC1);
		List<String> altered = new ArrayList<>(reference);
		altered.replaceAll(line -> line.replace("field SessionCmd1 2 ", "field SessionCmd1 3 ")); //$NON-NLS-1$ //$NON-NLS-2$
		String difference = difference(reference, altered);
		assertTrue(difference.contains("- field SessionCmd1 2 optional bytes client_verify_data"), difference); //$NON-NLS-1$
		assertTrue(difference.contains("+ field SessionCmd1 3 optional bytes client_verify_data"), difference); //$NON-NLS-1$
	}

	private static void assertMatchesReference(String who, Map<String, FileDescriptor> files) {
		StringBuilder differences = new StringBuilder();
		for (Map.Entry<String, String> entry : REFERENCE.entrySet()) {
			FileDescriptor file = files.get(entry.getKey());
			assertEquals("proto3", file.toProto().getSyntax(), file.getName()); //$NON-NLS-1$
			String difference = difference(lines(entry.getValue()), describe(file));
			if (!difference.isEmpty()) {
				differences.append(file.getName()).append(":\n").append(difference); //$NON-NLS-1$
			}
		}
		assertEquals("", differences.toString(), //$NON-NLS-1$
				who + " definitions differ from ESP-IDF's (- only in ESP-IDF, + only in " + who + ")"); //$NON-NLS-1$ //$NON-NLS-2$
	}

	private static List<String> lines(String table) {
		return Arrays.stream(table.split("\n")).map(String::strip).filter(line -> !line.isEmpty()).toList(); //$NON-NLS-1$
	}

	private static String difference(List<String> reference, List<String> actual) {
		TreeSet<String> missing = new TreeSet<>(reference);
		missing.removeAll(actual);
		TreeSet<String> extra = new TreeSet<>(actual);
		extra.removeAll(reference);
		return missing.stream().map(line -> "- " + line + "\n").collect(Collectors.joining()) //$NON-NLS-1$ //$NON-NLS-2$
				+ extra.stream().map(line -> "+ " + line + "\n").collect(Collectors.joining()); //$NON-NLS-1$ //$NON-NLS-2$
	}

	/** @return the descriptor in the reference's line forms */
	private static List<String> describe(FileDescriptor file) {
		List<String> lines = new ArrayList<>();
		for (EnumDescriptor type : file.getEnumTypes()) {
			describe(type, lines);
		}
		for (Descriptor message : file.getMessageTypes()) {
			lines.add("message " + message.getName()); //$NON-NLS-1$
			for (FieldDescriptor field : message.getFields()) {
				String label = field.toProto().getLabel() == FieldDescriptorProto.Label.LABEL_REPEATED ? "repeated" //$NON-NLS-1$
						: field.toProto().getLabel() == FieldDescriptorProto.Label.LABEL_OPTIONAL ? "optional" //$NON-NLS-1$
								: "required"; //$NON-NLS-1$
				String type = switch (field.getType()) {
				case ENUM -> "enum:" + field.getEnumType().getName(); //$NON-NLS-1$
				case MESSAGE -> "message:" + field.getMessageType().getName(); //$NON-NLS-1$
				default -> field.getType().name().toLowerCase(Locale.ROOT);
				};
				OneofDescriptor oneof = field.getRealContainingOneof();
				lines.add("field " + message.getName() + " " + field.getNumber() + " " + label + " " + type + " " //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$ //$NON-NLS-5$
						+ field.getName() + (oneof == null ? "" : " oneof " + oneof.getName())); //$NON-NLS-1$ //$NON-NLS-2$
			}
			for (EnumDescriptor nested : message.getEnumTypes()) {
				describe(nested, lines);
			}
			for (Descriptor nested : message.getNestedTypes()) {
				lines.add("nested message " + nested.getFullName()); //$NON-NLS-1$
			}
		}
		return lines;
	}

	private static void describe(EnumDescriptor type, List<String> lines) {
		for (EnumValueDescriptor value : type.getValues()) {
			lines.add("enum " + type.getName() + " " + value.getName() + "=" + value.getNumber()); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
		}
	}
}
