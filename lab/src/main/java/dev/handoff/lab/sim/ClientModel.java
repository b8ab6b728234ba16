package dev.handoff.lab.sim;

/**
 * The simulated client, as documented in docs/lab.md: kafka-clients 4.4 defaults, and the few simplifications of
 * the simulation.
 *
 * @param classicHeartbeatIntervalMs {@code heartbeat.interval.ms} of the classic protocol (client default 3 s)
 * @param sessionTimeoutMs           {@code session.timeout.ms} (client default 45 s; the consumer protocol takes
 *                                   the broker's {@code group.consumer.session.timeout.ms}, also 45 s)
 * @param rebalanceTimeoutMs         {@code max.poll.interval.ms} (5 min), the rebalance timeout both protocols send
 * @param maxPollRecords             {@code max.poll.records} as the live run sets it
 * @param networkMs                  one-way latency of every request and response
 * @param fetchMs                    from a record's append to a waiting poll returning it (a long poll answers at once)
 */
record ClientModel(int classicHeartbeatIntervalMs, int sessionTimeoutMs, int rebalanceTimeoutMs, int maxPollRecords,
                   long networkMs, long fetchMs) {

    static ClientModel defaults() {
        return new ClientModel(3_000, 45_000, 300_000, 100, 1, 2);
    }
}
