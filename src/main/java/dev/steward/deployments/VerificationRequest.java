package dev.steward.deployments;

import java.util.List;

/** The pipeline's verification result: {@code passed}, with the checks it ran. */
public record VerificationRequest(Boolean passed, List<Check> checks) {

	/** One check of a verification, such as a smoke test or a canary analysis. */
	public record Check(String name, Boolean passed, String detail) {
	}

}
