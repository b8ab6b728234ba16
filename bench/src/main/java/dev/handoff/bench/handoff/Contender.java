package dev.handoff.bench.handoff;

import dev.handoff.lab.scenario.Protocol;
import java.util.Map;

/**
 * One column of the handoff benchmark: a broker, the group protocol its consumers use, and the broker settings
 * that differ from the defaults.
 */
enum Contender {
    KAFKA_CONSUMER("Kafka consumer", Broker.KAFKA, Protocol.CONSUMER, Map.of()),
    KAFKA_CLASSIC_EAGER("Kafka classic eager", Broker.KAFKA, Protocol.CLASSIC_EAGER, Map.of()),
    HANDOFF_FAST_ON("Handoff fast on", Broker.HANDOFF, Protocol.CONSUMER, Map.of()),
    HANDOFF_FAST_OFF("Handoff fast off", Broker.HANDOFF, Protocol.CONSUMER,
            Map.of("group.consumer.fast.heartbeat.enable", "false")),
    HANDOFF_CLASSIC_EAGER("Handoff classic eager", Broker.HANDOFF, Protocol.CLASSIC_EAGER, Map.of());

    /** Which broker process a contender runs against. */
    enum Broker { KAFKA, HANDOFF }

    private final String label;
    private final Broker broker;
    private final Protocol protocol;
    private final Map<String, String> brokerOverrides;

    Contender(String label, Broker broker, Protocol protocol, Map<String, String> brokerOverrides) {
        this.label = label;
        this.broker = broker;
        this.protocol = protocol;
        this.brokerOverrides = brokerOverrides;
    }

    String label() {
        return label;
    }

    Broker broker() {
        return broker;
    }

    Protocol protocol() {
        return protocol;
    }

    /** Broker properties on top of the defaults; contenders with equal overrides share one broker process. */
    Map<String, String> brokerOverrides() {
        return brokerOverrides;
    }
}
