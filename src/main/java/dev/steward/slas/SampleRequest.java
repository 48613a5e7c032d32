package dev.steward.slas;

import java.util.List;

/**
 * Body of pushing SLI counts: per sample, the start of the counted minute ({@code at})
 * and the good and total events in it. A sample for a minute that already has one
 * replaces it.
 */
public record SampleRequest(List<Sample> samples) {

	/** Counts of one minute. */
	public record Sample(String at, Long good, Long total) {
	}

}
