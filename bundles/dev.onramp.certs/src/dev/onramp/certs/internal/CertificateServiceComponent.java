/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.certs.internal;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

import dev.onramp.core.DataDirectory;
import dev.onramp.core.certs.ICertificateAuthority;
import dev.onramp.core.certs.ICertificateInventory;
import dev.onramp.core.certs.ICertificateVerifier;
import dev.onramp.core.certs.ICertificateService;
import dev.onramp.core.discovery.IHostResolver;

/**
 * The certificate services as a DS component. The data directory comes from the component property
 * {@value #DATA_DIRECTORY_PROPERTY} (configuration PID {@code dev.onramp.certs}), else the framework or system
 * property {@value #DATA_DIRECTORY_FRAMEWORK_PROPERTY} (what {@code --data-dir} sets), else {@code ~/.onramp}. The
 * key-store password comes from {@value EnvironmentCaPasswordSource#VARIABLE} when it is set, else from Eclipse
 * secure storage. {@code .local} names the system resolver does not know are resolved over mDNS by the optional
 * {@link IHostResolver} (the discovery bundle's), which may come and go while the component runs.
 */
@Component(service = { ICertificateService.class, ICertificateAuthority.class, ICertificateVerifier.class,
		ICertificateInventory.class }, configurationPid = "dev.onramp.certs") //$NON-NLS-1$
public final class CertificateServiceComponent extends LocalCertificateService {

	static final String DATA_DIRECTORY_PROPERTY = "dataDirectory"; //$NON-NLS-1$

	@Activate
	public CertificateServiceComponent(BundleContext context, Map<String, Object> properties) {
		this(dataDirectory(context, properties));
	}

	private CertificateServiceComponent(Path dataDirectory) {
		super(dataDirectory, passwordSource(dataDirectory, System.getenv()), Clock.systemUTC());
	}

	@Override
	@Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
			policyOption = ReferencePolicyOption.GREEDY)
	public void setHostResolver(IHostResolver resolver) {
		super.setHostResolver(resolver);
	}

	@Override
	public void unsetHostResolver(IHostResolver resolver) {
		super.unsetHostResolver(resolver);
	}

	static CaPasswordSource passwordSource(Path dataDirectory, Map<String, String> environment) {
		return EnvironmentCaPasswordSource.isConfigured(environment) ? new EnvironmentCaPasswordSource(environment)
				: new SecureStorageCaPasswordSource(dataDirectory);
	}

	static Path dataDirectory(BundleContext context, Map<String, Object> properties) {
		Object configured = properties.get(DATA_DIRECTORY_PROPERTY);
		if (configured instanceof String directory && !directory.isBlank()) {
			return Path.of(directory);
		}
		return DataDirectory.resolve(context::getProperty, System.getenv(), System.getProperty("os.name", ""), //$NON-NLS-1$ //$NON-NLS-2$
				Path.of(System.getProperty("user.home", "."))); //$NON-NLS-1$ //$NON-NLS-2$
	}
}
