package dev.handoff.bench.handoff;

/**
 * The isolated join and leave: a group of {@code members} consumers over {@code partitions} partitions, quiet for
 * {@code quietMs}; one more consumer joins, and once every partition is owned again and the group was quiet again,
 * it leaves.
 *
 * @param members     consumers in the group before the join
 * @param partitions  partitions of the topic
 * @param repetitions joins and leaves measured (the medians are reported)
 * @param quietMs     how long the group stays settled before each join and each leave, so neither falls inside
 *                    the previous change's fast window ({@code group.consumer.fast.heartbeat.window.ms}, 10 s)
 * @param timeoutMs   how long a settle may take before the run gives up
 */
record SettleSettings(int members, int partitions, int repetitions, long quietMs, long timeoutMs) {

    SettleSettings {
        if (members < 1 || partitions < members + 1 || repetitions < 0 || quietMs < 0 || timeoutMs < 1) {
            throw new IllegalArgumentException("need at least one member, more partitions than members + 1 and "
                    + "no negative repetitions or times");
        }
    }
}
