package dev.handoff.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class KafkaServerPropertiesTest {

    private final KafkaServerProperties properties =
            new KafkaServerProperties(19092, 19093, Path.of("/tmp/bench/data"));

    @Test
    void describesASingleNodeInCombinedModeOnLoopback() throws IOException {
        // Given
        Properties file = new Properties();

        // When
        file.load(new StringReader(properties.render()));

        // Then
        assertThat(file)
                .containsEntry("process.roles", "broker,controller")
                .containsEntry("node.id", "1")
                .containsEntry("controller.quorum.bootstrap.servers", "127.0.0.1:19093")
                .containsEntry("listeners", "PLAINTEXT://127.0.0.1:19092,CONTROLLER://127.0.0.1:19093")
                .containsEntry("controller.listener.names", "CONTROLLER")
                .containsEntry("log.dirs", Path.of("/tmp/bench/data").toString())
                .doesNotContainKey("controller.quorum.voters");
    }

    @Test
    void givesEveryInternalTopicOneReplica() throws IOException {
        // Given
        Properties file = new Properties();

        // When
        file.load(new StringReader(properties.render()));

        // Then
        assertThat(file)
                .containsEntry("offsets.topic.replication.factor", "1")
                .containsEntry("transaction.state.log.replication.factor", "1")
                .containsEntry("transaction.state.log.min.isr", "1")
                .containsEntry("share.coordinator.state.topic.replication.factor", "1")
                .containsEntry("share.coordinator.state.topic.min.isr", "1");
    }

    @Test
    void bootstrapsClientsOnTheBrokerListener() {
        // When
        String bootstrapServers = properties.bootstrapServers();

        // Then
        assertThat(bootstrapServers).isEqualTo("127.0.0.1:19092");
    }
}
