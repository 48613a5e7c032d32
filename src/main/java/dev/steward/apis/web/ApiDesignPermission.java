package dev.steward.apis.web;

import dev.steward.access.ChangePermissions;
import dev.steward.common.Allow.Rule;
import dev.steward.common.Forbidden;
import org.springframework.stereotype.Component;

/**
 * Whether the reader may use the API forms on a page: the same rule as the endpoints they
 * post to (the owning team, or the team that accepted the service's API design).
 */
@Component
class ApiDesignPermission {

	private static final String API_DESIGN = "api-design";

	private final ChangePermissions permissions;

	ApiDesignPermission(ChangePermissions permissions) {
		this.permissions = permissions;
	}

	/** Whether the reader may register APIs of the service. */
	boolean ofService(String service) {
		return allowed("service", service);
	}

	/** Whether the reader may publish, deprecate and retire versions of the API. */
	boolean ofApi(String api) {
		return allowed("api", api);
	}

	private boolean allowed(String kind, String name) {
		try {
			this.permissions.require(Rule.TEAM_MEMBER, kind, name, API_DESIGN);
			return true;
		}
		catch (Forbidden ex) {
			return false;
		}
	}

}
