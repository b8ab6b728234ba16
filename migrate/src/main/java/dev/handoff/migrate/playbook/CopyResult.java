package dev.handoff.migrate.playbook;

import java.util.List;

/** {@code copy-topics --json}: what was planned, whether it was applied, and the groups' new positions. */
public record CopyResult(boolean applied, List<TopicPlan> topics, List<OffsetTranslator.Translation> groups) {
}
