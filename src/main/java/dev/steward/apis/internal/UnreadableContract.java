package dev.steward.apis.internal;

import java.util.List;

/**
 * An API contract that cannot be compared: not JSON or YAML, not an OpenAPI 3.x document,
 * or one that depends on documents Steward does not fetch; carries the reasons.
 */
public final class UnreadableContract extends RuntimeException {

	private static final int MAX_MESSAGES = 10;

	private final List<String> messages;

	private UnreadableContract(List<String> messages) {
		super(String.join("; ", messages));
		this.messages = messages;
	}

	static UnreadableContract because(List<String> reasons) {
		List<String> kept = reasons.stream().distinct().limit(MAX_MESSAGES).toList();
		return new UnreadableContract(
				kept.isEmpty() ? List.of("The document is not a readable OpenAPI 3 document") : kept);
	}

	static UnreadableContract because(String reason) {
		return because(List.of(reason));
	}

	/**
	 * The reasons the document was refused, at most ten.
	 * @return the parser's or Steward's messages
	 */
	public List<String> messages() {
		return this.messages;
	}

}
