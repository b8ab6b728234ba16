package dev.handoff.migrate.playbook;

import java.util.Map;

/**
 * What {@code copy-topics} does with one topic.
 *
 * @param configs the topic's explicitly set configs on the source (dynamic topic configs), copied as they are
 */
public record TopicPlan(String topic, int partitions, short replicationFactor, Map<String, String> configs,
                        Action action, String note) {

    public enum Action {
        /** Absent on the target: created. */
        CREATE,
        /** Already on the target with as many partitions: left alone. */
        EXISTS,
        /** Already on the target with a different partition count: left alone, keys would map differently. */
        CONFLICT
    }
}
