package dev.steward.catalog;

import dev.steward.common.Keyed;

/**
 * The fourteen aspects of owning a service that STOSA assigns to the owning team; the
 * last three are often handled by a shared team on the owner's behalf.
 */
public enum Aspect implements Keyed {

	API_DESIGN("API design"), SERVICE_DEVELOPMENT("Service development"), DATA("Data"), DEPLOYMENTS("Deployments"),
	DEPLOYMENT_WINDOWS("Deployment windows"), INFRASTRUCTURE_CHANGES("Production infrastructure changes"),
	ENVIRONMENTS("Environments"), SLAS("Service SLAs"), MONITORING("Monitoring"),
	INCIDENT_RESPONSE("Incident response"), REPORTING("Reporting"), SERVERS_HARDWARE("Servers/hardware"),
	TOOLING("Tooling"), DATABASES("Databases");

	private final String label;

	Aspect(String label) {
		this.label = label;
	}

	public String label() {
		return this.label;
	}

	public boolean oftenShared() {
		return this == SERVERS_HARDWARE || this == TOOLING || this == DATABASES;
	}

}
