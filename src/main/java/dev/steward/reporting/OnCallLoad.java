package dev.steward.reporting;

/**
 * Pages sent for incidents triggered in a report's period, and how many of them reached
 * the paged person outside 08:00–22:00 in their own time zone.
 */
public record OnCallLoad(int pages, int pagesOutsideHours) {

	OnCallLoad plus(OnCallLoad other) {
		return new OnCallLoad(this.pages + other.pages, this.pagesOutsideHours + other.pagesOutsideHours);
	}

}
