package dev.steward.oncall;

import java.util.List;

/**
 * Who is on call over a range: contiguous entries (one user each, adjacent entries of the
 * same user merged), the gaps where nobody is, and the share of the range covered.
 * Entries and gaps together tile the range exactly.
 */
public record FinalSchedule(List<Shift> entries, List<TimeRange> gaps, double coverage) {
}
