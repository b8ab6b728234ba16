package dev.handoff.bench.handoff;

/**
 * The isolated join and leave: a group of {@code members} consumers over {@code partitions} partitions, quiet for
 * {@code quietMs} plus a jitter; one more consumer joins, and once every partition is owned again and the group
 * was quiet again, it leaves. The jitter spreads the change over the phase of the members' steady heartbeats: with a
 * fixed quiet time every join would land at the same point of the heartbeat cycle and measure that point only.
 *
 * @param members     consumers in the group before the join
 * @param partitions  partitions of the topic
 * @param repetitions joins and leaves measured (the medians are reported)
 * @param quietMs     how long the group stays settled before each join and each leave, so neither falls inside
 *                    the previous change's fast window ({@code group.consumer.fast.heartbeat.window.ms}, 10 s)
 * @param jitterMs    0 to {@code jitterMs}, evenly spaced over the repetitions ({@link StratifiedJitter}), is added
 *                    to each quiet time; one steady heartbeat interval (Kafka's
 *                    {@code group.consumer.heartbeat.interval.ms}, 5 s) covers every phase
 * @param seed        the seed of the jitters' order
 * @param timeoutMs   how long a settle may take before the run gives up
 */
record SettleSettings(int members, int partitions, int repetitions, long quietMs, long jitterMs, long seed,
                      long timeoutMs) {

    SettleSettings {
        if (members < 1 || partitions < members + 1 || repetitions < 0 || quietMs < 0 || jitterMs < 0
                || timeoutMs < 1) {
            throw new IllegalArgumentException("need at least one member, more partitions than members + 1 and "
                    + "no negative repetitions or times");
        }
    }

    /** The same settings with another number of repetitions (for one contender). */
    SettleSettings withRepetitions(int count) {
        return new SettleSettings(members, partitions, count, quietMs, jitterMs, seed, timeoutMs);
    }
}
