package dev.steward.demo;

/**
 * The known account of the demo organization, printed by {@code steward server --demo}.
 */
public final class DemoAccount {

	public static final String USER = "elena-petrova";

	public static final String PASSWORD = "steward-demo";

	public static final String ROLE = "lead of the Payments team";

	private DemoAccount() {
	}

}
