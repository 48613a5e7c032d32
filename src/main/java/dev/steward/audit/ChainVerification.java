package dev.steward.audit;

/**
 * The result of recomputing the audit log's hash chain: valid, or the first entry whose
 * stored hash or link no longer matches (a sign that stored rows were changed or
 * removed).
 */
public record ChainVerification(boolean valid, long entries, Long firstBrokenId, String reason) {

	static ChainVerification intact(long entries) {
		return new ChainVerification(true, entries, null, null);
	}

	static ChainVerification broken(long entries, long id, String reason) {
		return new ChainVerification(false, entries, id, reason);
	}

}
