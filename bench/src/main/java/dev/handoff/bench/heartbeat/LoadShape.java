package dev.handoff.bench.heartbeat;

import java.util.List;
import java.util.stream.IntStream;

/**
 * The simulated population: {@code members} spread round-robin over {@code groups}, every group subscribed to
 * the same {@code topics} of {@code partitions} partitions each, and over {@code connections} to the broker.
 *
 * @param rebalanceTimeoutMs sent on join; Kafka's consumer sends its {@code max.poll.interval.ms}
 */
record LoadShape(int members, int groups, int topics, int partitions, int connections, int rebalanceTimeoutMs) {

    /** {@code max.poll.interval.ms}'s default. */
    static final int DEFAULT_REBALANCE_TIMEOUT_MS = 300_000;

    LoadShape {
        requirePositive("members", members);
        requirePositive("groups", groups);
        requirePositive("topics", topics);
        requirePositive("partitions", partitions);
        requirePositive("connections", connections);
        requirePositive("rebalanceTimeoutMs", rebalanceTimeoutMs);
        if (groups > members) {
            throw new IllegalArgumentException("More groups (" + groups + ") than members (" + members + ")");
        }
    }

    private static void requirePositive(String name, int value) {
        if (value < 1) {
            throw new IllegalArgumentException(name + " must be at least 1 but was " + value);
        }
    }

    List<String> groupIds() {
        return IntStream.range(0, groups).mapToObj(LoadShape::groupId).toList();
    }

    static String groupId(int group) {
        return "hb-group-" + group;
    }

    List<String> topicNames() {
        return IntStream.range(0, topics).mapToObj(topic -> "hb-topic-" + topic).toList();
    }

    /** The group of the {@code member}-th member. */
    String groupOf(int member) {
        return groupId(member % groups);
    }

    String describe() {
        return String.format("%,d members in %,d groups (%d topics x %d partitions each), %d connections",
                members, groups, topics, partitions, connections);
    }
}
