package dev.handoff.migrate;

import dev.handoff.testkit.EmbeddedHandoff;

/**
 * A cluster for an integration test: an embedded Handoff broker, or, when the system property
 * {@code migrate.it.<role>} names bootstrap servers, that external cluster (how the same tests were run against
 * Apache Kafka 4.4.0, see docs/operations.md). CI sets no such property and never starts Kafka.
 */
public final class TestCluster implements AutoCloseable {

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
        EmbeddedHandoff broker = EmbeddedHandoff.builder().brokerProperty("num.partitions", "3").start();
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
