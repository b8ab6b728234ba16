package dev.handoff.migrate;

import dev.handoff.testkit.EmbeddedHandoff;
import java.util.Map;

/**
 * A cluster for an integration test: an embedded Handoff broker, or, when the system property
 * {@code migrate.it.<role>} names bootstrap servers, that external cluster (how the same tests were run against
 * Apache Kafka 4.4.0, see docs/operations.md). CI sets no such property and never starts Kafka.
 */
public final class TestCluster implements AutoCloseable {

    /**
     * Keeps the group tests short: classic groups form without Kafka's 3 s initial delay, and consumer-protocol
     * members heartbeat every 500 ms and are fenced after 10 s (Kafka's lower bounds, 5 s and 45 s, lowered to
     * allow it).
     */
    private static final Map<String, String> QUICK_GROUPS = Map.of(
            "num.partitions", "3",
            "group.initial.rebalance.delay.ms", "0",
            "group.consumer.heartbeat.interval.ms", "500",
            "group.consumer.min.heartbeat.interval.ms", "500",
            "group.consumer.session.timeout.ms", "10000",
            "group.consumer.min.session.timeout.ms", "10000");

    private final EmbeddedHandoff embedded;
    private final String bootstrapServers;

    private TestCluster(EmbeddedHandoff embedded, String bootstrapServers) {
        this.embedded = embedded;
        this.bootstrapServers = bootstrapServers;
    }

    /** @param role {@code old} or {@code new}, which picks the system property */
    public static TestCluster start(String role) {
        String external = System.getProperty("migrate.it." + role);
        if (external != null && !external.isBlank()) {
            return new TestCluster(null, external);
        }
        EmbeddedHandoff broker = EmbeddedHandoff.builder().brokerProperties(QUICK_GROUPS).start();
        return new TestCluster(broker, broker.bootstrapServers());
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    @Override
    public void close() {
        if (embedded != null) {
            embedded.close();
        }
    }
}
