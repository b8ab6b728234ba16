package dev.handoff.lab.broker;

import java.util.Map;
import java.util.Optional;

import dev.handoff.testkit.EmbeddedHandoff;

/** A broker inside the lab's own JVM: quick to start, but it shares the CPU with every consumer thread of the run. */
public final class InProcessBroker implements LabBroker {

    private final EmbeddedHandoff broker;

    private InProcessBroker(EmbeddedHandoff broker) {
        this.broker = broker;
    }

    /** @param properties broker properties by their Kafka names */
    public static InProcessBroker start(Map<String, String> properties) {
        return new InProcessBroker(EmbeddedHandoff.builder().brokerProperties(properties).start());
    }

    @Override
    public String bootstrapServers() {
        return broker.bootstrapServers();
    }

    @Override
    public Optional<String> consoleUrl() {
        return broker.consoleUrl();
    }

    @Override
    public void close() {
        broker.close();
    }
}
