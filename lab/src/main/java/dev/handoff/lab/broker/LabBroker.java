package dev.handoff.lab.broker;

import java.util.Optional;

/** The Handoff broker a lab run starts for itself when it is not given a cluster with {@code --bootstrap}. */
public interface LabBroker extends AutoCloseable {

    /** {@code host:port} for the clients' {@code bootstrap.servers}. */
    String bootstrapServers();

    /** The broker's web console, when its {@code metrics.listener} is on. */
    Optional<String> consoleUrl();

    /** Stops the broker and deletes its data. */
    @Override
    void close();
}
