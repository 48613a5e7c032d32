package dev.steward.catalog;

/**
 * How much a service's failure hurts: 1 significantly hits customers or revenue, 2 is a
 * noticeable degradation, 3 minor impact, 4 no significant impact.
 */
public final class Tier {

	public static final int HIGHEST = 1;

	public static final int LOWEST = 4;

	private Tier() {
	}

	public static String describe(int tier) {
		return switch (tier) {
			case 1 -> "Failure hits customers or revenue significantly";
			case 2 -> "Failure causes noticeable degradation";
			case 3 -> "Failure has minor impact";
			case 4 -> "Failure has no significant impact";
			default -> throw new IllegalStateException("tier out of range: " + tier);
		};
	}

	/**
	 * A tier-1/2 consumer must not fail because a tier-3/4 provider did: a hard
	 * dependency across that line is an inversion.
	 */
	public static boolean isInversion(int consumerTier, int providerTier, Criticality criticality) {
		return criticality == Criticality.HARD && consumerTier <= 2 && providerTier >= 3;
	}

}
