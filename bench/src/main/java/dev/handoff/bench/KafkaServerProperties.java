package dev.handoff.bench;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The {@code server.properties} of a single-node Kafka in KRaft combined mode on the loopback interface. Only
 * what a single node needs is set; everything else keeps Kafka's defaults, as in Kafka's own sample
 * {@code config/server.properties}.
 *
 * @param brokerPort     the PLAINTEXT listener the clients use
 * @param controllerPort the CONTROLLER listener of the single-voter quorum
 * @param logDir         {@code log.dirs}
 */
record KafkaServerProperties(int brokerPort, int controllerPort, Path logDir) {

    static final String LOOPBACK = "127.0.0.1";

    String bootstrapServers() {
        return LOOPBACK + ":" + brokerPort;
    }

    Map<String, String> asMap() {
        String controller = LOOPBACK + ":" + controllerPort;
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("process.roles", "broker,controller");
        properties.put("node.id", "1");
        // A dynamic quorum (KIP-853) formatted with `--standalone`, as Kafka 4's quick start does.
        properties.put("controller.quorum.bootstrap.servers", controller);
        properties.put("listeners", "PLAINTEXT://" + bootstrapServers() + ",CONTROLLER://" + controller);
        properties.put("advertised.listeners", "PLAINTEXT://" + bootstrapServers() + ",CONTROLLER://" + controller);
        properties.put("controller.listener.names", "CONTROLLER");
        properties.put("listener.security.protocol.map", "CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT");
        properties.put("log.dirs", logDir.toString());
        // Internal topics default to 3 replicas, which a single node cannot host.
        properties.put("offsets.topic.replication.factor", "1");
        properties.put("transaction.state.log.replication.factor", "1");
        properties.put("transaction.state.log.min.isr", "1");
        properties.put("share.coordinator.state.topic.replication.factor", "1");
        properties.put("share.coordinator.state.topic.min.isr", "1");
        return properties;
    }

    /** The file's text; no value here needs escaping in the properties format. */
    String render() {
        return asMap().entrySet().stream()
                .map(entry -> entry.getKey() + "=" + entry.getValue())
                .collect(Collectors.joining("\n", "", "\n"));
    }
}
