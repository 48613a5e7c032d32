package dev.steward.windows;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A window that decided a gate answer and how: {@code closes} (an active blackout),
 * {@code opens} (an active allow window) or {@code inactive} (an allow window that is not
 * active, so the gate stays closed); {@code activeUntil} or {@code nextActive} tell when
 * that changes.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record GateReason(String window, WindowKind kind, String scope, String effect, String reason,
		Instant activeUntil, Instant nextActive) {

	public static final String CLOSES = "closes";

	public static final String OPENS = "opens";

	public static final String INACTIVE = "inactive";

}
