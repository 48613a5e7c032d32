package dev.steward.slas;

import java.time.Instant;

/**
 * The last pull of an SLO's counts from its Prometheus server: when, whether it worked,
 * and if not, why.
 */
public record SloPull(Instant at, boolean ok, String error) {
}
