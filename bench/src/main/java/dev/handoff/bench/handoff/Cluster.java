package dev.handoff.bench.handoff;

import java.util.Map;

/** A broker the contenders run against, as a separate process; closing it stops it and deletes its data. */
interface Cluster extends AutoCloseable {

    String bootstrapServers();

    @Override
    void close();

    /** Starts the broker a contender needs. */
    @FunctionalInterface
    interface Launcher {
        Cluster start(Contender.Broker broker, Map<String, String> brokerOverrides);
    }
}
