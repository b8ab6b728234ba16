package dev.handoff.bench;

import java.time.Duration;

/**
 * A broker running as its own process on the loopback interface, with its own temporary data directory.
 * Closing it stops the process and deletes the data.
 */
public interface BrokerProcess extends AutoCloseable {

    /** The broker's name in reports, e.g. {@code Kafka 4.4.0}. */
    String name();

    /** The clients' {@code bootstrap.servers}. */
    String bootstrapServers();

    long pid();

    /** From launching the broker's JVM to the first successful {@code Admin.describeCluster}. */
    Duration startupTime();

    MemoryUsage memory();

    /** Stops the broker and deletes its data directory. */
    @Override
    void close();
}
