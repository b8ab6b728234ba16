package dev.handoff.lab.scenario;

/**
 * What a rolling deploy looks like: the workload and the rollout, independent of how it is run (real clients or
 * simulated ones). All durations in milliseconds.
 *
 * @param consumers        consumers in the group (pods of the deployment)
 * @param partitions       partitions of the topic
 * @param recordsPerSecond the steady producer's rate
 * @param processingMs     processing time per record
 * @param podStartDelayMs  from a replacement being scheduled to its consumer starting (image pull, JVM start)
 * @param stepWaitMs       after a step's replacements started, how long before the next step (readiness + settle)
 * @param maxSurge         replacements started before the old consumers of a step stop (Kubernetes' maxSurge)
 * @param maxUnavailable   old consumers stopped at once at the start of a step (Kubernetes' maxUnavailable)
 * @param kill             crash the old consumers (no LeaveGroup, no commit) instead of closing them
 * @param warmupMs         from the group's start to the first step, so the group is stable and steady first
 * @param cooldownMs       after the last step, how long the run goes on to see the group settle
 * @param seed             the seed of every random choice (simulated jitter), so a run can be repeated
 */
public record Scenario(
    int consumers,
    int partitions,
    int recordsPerSecond,
    double processingMs,
    long podStartDelayMs,
    long stepWaitMs,
    int maxSurge,
    int maxUnavailable,
    boolean kill,
    long warmupMs,
    long cooldownMs,
    long seed) {

    public Scenario {
        if (consumers < 1 || partitions < 1 || recordsPerSecond < 1) {
            throw new IllegalArgumentException("consumers, partitions and records per second must be at least 1");
        }
        if (processingMs < 0 || podStartDelayMs < 0 || stepWaitMs < 0 || warmupMs < 0 || cooldownMs < 0) {
            throw new IllegalArgumentException("durations must not be negative");
        }
        if (maxSurge < 0 || maxUnavailable < 0 || maxSurge + maxUnavailable < 1) {
            throw new IllegalArgumentException("max surge and max unavailable must not both be zero");
        }
    }

    /** @return the defaults of {@code ./handoff lab}: a few minutes on 2 cores for all three protocols */
    public static Scenario defaults() {
        return new Scenario(10, 20, 200, 2.0, 3_000, 4_000, 0, 1, false, 15_000, 15_000, 1L);
    }

    /** @return consumers per step: the replacements a step starts */
    public int batchSize() {
        return Math.min(consumers, maxSurge + maxUnavailable);
    }
}
