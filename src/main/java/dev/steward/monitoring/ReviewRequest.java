package dev.steward.monitoring;

import java.util.List;

/** Body of recording a monitoring review; {@code monitorsReviewed} is optional. */
public record ReviewRequest(String findings, List<String> monitorsReviewed) {
}
