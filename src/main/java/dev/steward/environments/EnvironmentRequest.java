package dev.steward.environments;

/**
 * Body of creating or fully updating an environment; {@code promotionRequired} defaults
 * to true for production environments and false elsewhere.
 */
public record EnvironmentRequest(String name, String title, String kind, Integer order, Boolean promotionRequired,
		String description) {

	/** The request that would recreate this environment, the base of a merge patch. */
	public static EnvironmentRequest from(EnvironmentEntry environment) {
		return new EnvironmentRequest(environment.name(), environment.title(), environment.kind().key(),
				environment.order(), environment.promotionRequired(), environment.description());
	}

	/**
	 * This request as the environment would be stored: {@code promotionRequired} given
	 * its default when absent.
	 */
	public EnvironmentRequest normalized() {
		return new EnvironmentRequest(this.name, this.title, this.kind, this.order, this.promotionRequired != null
				? this.promotionRequired : EnvironmentKind.PRODUCTION.key().equals(this.kind), this.description);
	}

}
