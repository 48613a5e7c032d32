package dev.steward.slas;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * An SLO as defined (pushed, or pulled from {@code prometheus}), with the alert it is in
 * now.
 */
public record SloEntry(String service, String name, String title, SloIndicator indicator, double objective,
		String window, String latencyThreshold, String description, PrometheusSource prometheus, SloAlert alert,
		Instant alertSince, Instant createdAt, @JsonIgnore long id, @JsonIgnore long version) {
}
