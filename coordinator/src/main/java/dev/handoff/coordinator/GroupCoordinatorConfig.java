package dev.handoff.coordinator;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

import dev.handoff.coordinator.consumer.ConsumerGroupMigrationPolicy;

/**
 * The coordinator's configuration, with Kafka's names and 4.4 defaults. Immutable; build it with
 * {@link #defaults()} or {@link #fromProperties(Map)} (Kafka config names as keys).
 *
 * @param groupMinSessionTimeoutMs            {@code group.min.session.timeout.ms}
 * @param groupMaxSessionTimeoutMs            {@code group.max.session.timeout.ms}
 * @param groupInitialRebalanceDelayMs        {@code group.initial.rebalance.delay.ms}
 * @param groupMaxSize                        {@code group.max.size}
 * @param classicGroupNewMemberJoinTimeoutMs  how long a brand-new member's parked JoinGroup may wait (a Kafka
 *                                            internal constant, 5 minutes)
 * @param offsetsRetentionMs                  {@code offsets.retention.minutes} in milliseconds
 * @param offsetsRetentionCheckIntervalMs     {@code offsets.retention.check.interval.ms}
 * @param offsetMetadataMaxBytes              {@code offset.metadata.max.bytes}
 * @param consumerGroupSessionTimeoutMs       {@code group.consumer.session.timeout.ms} (KIP-848)
 * @param consumerGroupHeartbeatIntervalMs    {@code group.consumer.heartbeat.interval.ms}
 * @param consumerGroupMaxSize                {@code group.consumer.max.size}
 * @param consumerGroupAssignors              {@code group.consumer.assignors}; the first is the default
 * @param consumerGroupMigrationPolicy        {@code group.consumer.migration.policy}
 * @param consumerGroupAssignmentIntervalMs   {@code group.consumer.assignment.interval.ms} (KIP-1263); Handoff's
 *                                            default is 5 s, not Kafka's 1 s (DECISIONS.md item 4)
 * @param consumerGroupFastHeartbeat          {@code group.consumer.fast.heartbeat.*}: shorter heartbeat intervals
 *                                            while a group is in motion (Handoff only, DECISIONS.md item 5)
 */
public record GroupCoordinatorConfig(
    int groupMinSessionTimeoutMs,
    int groupMaxSessionTimeoutMs,
    int groupInitialRebalanceDelayMs,
    int groupMaxSize,
    int classicGroupNewMemberJoinTimeoutMs,
    long offsetsRetentionMs,
    long offsetsRetentionCheckIntervalMs,
    int offsetMetadataMaxBytes,
    int consumerGroupSessionTimeoutMs,
    int consumerGroupHeartbeatIntervalMs,
    int consumerGroupMaxSize,
    List<String> consumerGroupAssignors,
    String consumerGroupMigrationPolicy,
    int consumerGroupAssignmentIntervalMs,
    FastHeartbeat consumerGroupFastHeartbeat) {

    public static final String GROUP_MIN_SESSION_TIMEOUT_MS = "group.min.session.timeout.ms";
    public static final String GROUP_MAX_SESSION_TIMEOUT_MS = "group.max.session.timeout.ms";
    public static final String GROUP_INITIAL_REBALANCE_DELAY_MS = "group.initial.rebalance.delay.ms";
    public static final String GROUP_MAX_SIZE = "group.max.size";
    public static final String OFFSETS_RETENTION_MINUTES = "offsets.retention.minutes";
    public static final String OFFSETS_RETENTION_CHECK_INTERVAL_MS = "offsets.retention.check.interval.ms";
    public static final String OFFSET_METADATA_MAX_BYTES = "offset.metadata.max.bytes";
    public static final String CONSUMER_GROUP_SESSION_TIMEOUT_MS = "group.consumer.session.timeout.ms";
    public static final String CONSUMER_GROUP_MIN_SESSION_TIMEOUT_MS = "group.consumer.min.session.timeout.ms";
    public static final String CONSUMER_GROUP_MAX_SESSION_TIMEOUT_MS = "group.consumer.max.session.timeout.ms";
    public static final String CONSUMER_GROUP_HEARTBEAT_INTERVAL_MS = "group.consumer.heartbeat.interval.ms";
    public static final String CONSUMER_GROUP_MIN_HEARTBEAT_INTERVAL_MS = "group.consumer.min.heartbeat.interval.ms";
    public static final String CONSUMER_GROUP_MAX_HEARTBEAT_INTERVAL_MS = "group.consumer.max.heartbeat.interval.ms";
    public static final String CONSUMER_GROUP_MAX_SIZE = "group.consumer.max.size";
    public static final String CONSUMER_GROUP_ASSIGNORS = "group.consumer.assignors";
    public static final String CONSUMER_GROUP_MIGRATION_POLICY = "group.consumer.migration.policy";
    public static final String CONSUMER_GROUP_ASSIGNMENT_INTERVAL_MS = "group.consumer.assignment.interval.ms";
    public static final String CONSUMER_GROUP_FAST_HEARTBEAT_ENABLE = "group.consumer.fast.heartbeat.enable";
    public static final String CONSUMER_GROUP_FAST_HEARTBEAT_INTERVAL_MS = "group.consumer.fast.heartbeat.interval.ms";
    public static final String CONSUMER_GROUP_FAST_HEARTBEAT_WINDOW_MS = "group.consumer.fast.heartbeat.window.ms";

    /**
     * Handoff's default for {@code group.consumer.assignment.interval.ms} (Kafka's is 1 s; DECISIONS.md item 4): the
     * shorter rolling deploy in the lab's 150-consumer seed case (docs/lab.md). Orphaned partitions and isolated
     * changes are assigned at once whatever the interval; only bursts of joins wait for it.
     */
    public static final int DEFAULT_CONSUMER_GROUP_ASSIGNMENT_INTERVAL_MS = 5_000;

    private static final long MS_PER_MINUTE = 60_000L;

    public GroupCoordinatorConfig {
        consumerGroupAssignors = List.copyOf(consumerGroupAssignors);
        if (groupMinSessionTimeoutMs > groupMaxSessionTimeoutMs) {
            throw new IllegalArgumentException(GROUP_MIN_SESSION_TIMEOUT_MS + " must not exceed "
                + GROUP_MAX_SESSION_TIMEOUT_MS);
        }
        if (groupMaxSize < 1 || consumerGroupMaxSize < 1) {
            throw new IllegalArgumentException("Group max sizes must be at least 1");
        }
        ConsumerGroupMigrationPolicy.parse(consumerGroupMigrationPolicy);
    }

    /** @return {@code group.consumer.migration.policy} parsed (case-insensitive, as in Kafka) */
    public ConsumerGroupMigrationPolicy migrationPolicy() {
        return ConsumerGroupMigrationPolicy.parse(consumerGroupMigrationPolicy);
    }

    /** @return Kafka 4.4's defaults */
    public static GroupCoordinatorConfig defaults() {
        return fromProperties(Map.of());
    }

    /**
     * @param properties Kafka config names to values; absent names take Kafka's defaults
     * @throws IllegalArgumentException for an unparsable or out-of-range value
     */
    public static GroupCoordinatorConfig fromProperties(Map<String, String> properties) {
        Function<String, String> get = properties::get;
        validateConsumerGroupTimeouts(get);
        return new GroupCoordinatorConfig(
            intOf(get, GROUP_MIN_SESSION_TIMEOUT_MS, 6_000),
            intOf(get, GROUP_MAX_SESSION_TIMEOUT_MS, 1_800_000),
            intOf(get, GROUP_INITIAL_REBALANCE_DELAY_MS, 3_000),
            intOf(get, GROUP_MAX_SIZE, Integer.MAX_VALUE),
            300_000,
            intOf(get, OFFSETS_RETENTION_MINUTES, 10_080) * MS_PER_MINUTE,
            longOf(get, OFFSETS_RETENTION_CHECK_INTERVAL_MS, 600_000L),
            intOf(get, OFFSET_METADATA_MAX_BYTES, 4_096),
            intOf(get, CONSUMER_GROUP_SESSION_TIMEOUT_MS, 45_000),
            intOf(get, CONSUMER_GROUP_HEARTBEAT_INTERVAL_MS, 5_000),
            intOf(get, CONSUMER_GROUP_MAX_SIZE, Integer.MAX_VALUE),
            List.of(get.apply(CONSUMER_GROUP_ASSIGNORS) == null ? new String[] {"uniform", "range"}
                : get.apply(CONSUMER_GROUP_ASSIGNORS).trim().split("\\s*,\\s*")),
            get.apply(CONSUMER_GROUP_MIGRATION_POLICY) == null ? "bidirectional"
                : get.apply(CONSUMER_GROUP_MIGRATION_POLICY),
            intOf(get, CONSUMER_GROUP_ASSIGNMENT_INTERVAL_MS, DEFAULT_CONSUMER_GROUP_ASSIGNMENT_INTERVAL_MS),
            fastHeartbeatOf(get));
    }

    /**
     * Handoff's faster handoffs (not in Kafka): the heartbeat interval returned to consumer-protocol members while
     * their group is in motion. Kafka 4.4 clients take every response's interval at once.
     *
     * @param enabled    {@code group.consumer.fast.heartbeat.enable} (default true); false answers every heartbeat
     *                   with {@code group.consumer.heartbeat.interval.ms}, exactly as Kafka does
     * @param intervalMs {@code group.consumer.fast.heartbeat.interval.ms} (default 250): the interval for a member
     *                   with partitions to revoke or to receive, and for every member during the window. A handoff
     *                   waits up to one interval for the new owner's next heartbeat; at 250 ms a 10,000-member
     *                   group in motion sends 40,000 heartbeats/s, well below what the coordinator answers
     *                   (docs/benchmarks.md)
     * @param windowMs   {@code group.consumer.fast.heartbeat.window.ms} (default 10000): how long after its target
     *                   assignment changed a group of two or more members stays fast, so that the next change of a
     *                   rolling deploy reaches the members that must revoke quickly
     */
    public record FastHeartbeat(boolean enabled, int intervalMs, int windowMs) {

        /** Kafka's behaviour: every heartbeat is answered with the configured interval. */
        public static final FastHeartbeat DISABLED = new FastHeartbeat(false, 0, 0);
    }

    private static FastHeartbeat fastHeartbeatOf(Function<String, String> get) {
        String enable = get.apply(CONSUMER_GROUP_FAST_HEARTBEAT_ENABLE);
        if (enable != null && !enable.trim().equalsIgnoreCase("true") && !enable.trim().equalsIgnoreCase("false")) {
            throw new IllegalArgumentException("Invalid value for " + CONSUMER_GROUP_FAST_HEARTBEAT_ENABLE + ": "
                + enable);
        }
        int interval = intOf(get, CONSUMER_GROUP_FAST_HEARTBEAT_INTERVAL_MS, 250);
        int window = intOf(get, CONSUMER_GROUP_FAST_HEARTBEAT_WINDOW_MS, 10_000);
        requireWithin(CONSUMER_GROUP_FAST_HEARTBEAT_INTERVAL_MS, interval, 1,
            intOf(get, CONSUMER_GROUP_HEARTBEAT_INTERVAL_MS, 5_000));
        if (window < 0) {
            throw new IllegalArgumentException(CONSUMER_GROUP_FAST_HEARTBEAT_WINDOW_MS + " must not be negative but was "
                + window);
        }
        if (enable != null && enable.trim().equalsIgnoreCase("false")) {
            return FastHeartbeat.DISABLED;
        }
        return new FastHeartbeat(true, interval, window);
    }

    /**
     * KIP-848 bounds (Kafka 4.4): the session timeout and heartbeat interval lie within their configured min/max,
     * and the heartbeat interval is below the session timeout. Group-level overrides are bounded by the same limits.
     */
    private static void validateConsumerGroupTimeouts(Function<String, String> get) {
        int session = intOf(get, CONSUMER_GROUP_SESSION_TIMEOUT_MS, 45_000);
        int heartbeat = intOf(get, CONSUMER_GROUP_HEARTBEAT_INTERVAL_MS, 5_000);
        requireWithin(CONSUMER_GROUP_SESSION_TIMEOUT_MS, session,
            intOf(get, CONSUMER_GROUP_MIN_SESSION_TIMEOUT_MS, 45_000),
            intOf(get, CONSUMER_GROUP_MAX_SESSION_TIMEOUT_MS, 60_000));
        requireWithin(CONSUMER_GROUP_HEARTBEAT_INTERVAL_MS, heartbeat,
            intOf(get, CONSUMER_GROUP_MIN_HEARTBEAT_INTERVAL_MS, 5_000),
            intOf(get, CONSUMER_GROUP_MAX_HEARTBEAT_INTERVAL_MS, 15_000));
        if (heartbeat >= session) {
            throw new IllegalArgumentException(CONSUMER_GROUP_HEARTBEAT_INTERVAL_MS + " must be less than "
                + CONSUMER_GROUP_SESSION_TIMEOUT_MS);
        }
    }

    private static void requireWithin(String name, int value, int min, int max) {
        if (min < 1 || max < min || value < min || value > max) {
            throw new IllegalArgumentException(name + " must be within [" + min + ", " + max + "] but was " + value);
        }
    }

    private static int intOf(Function<String, String> get, String name, int defaultValue) {
        String value = get.apply(name);
        try {
            return value == null ? defaultValue : Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Invalid value for " + name + ": " + value, e);
        }
    }

    private static long longOf(Function<String, String> get, String name, long defaultValue) {
        String value = get.apply(name);
        try {
            return value == null ? defaultValue : Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Invalid value for " + name + ": " + value, e);
        }
    }
}
