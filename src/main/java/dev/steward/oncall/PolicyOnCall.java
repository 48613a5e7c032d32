package dev.steward.oncall;

import java.util.List;

/**
 * Whom one escalation policy reaches at an instant, level by level, and its repeat count.
 */
public record PolicyOnCall(String policy, int repeat, List<ServiceOnCall.LevelOnCall> levels) {
}
