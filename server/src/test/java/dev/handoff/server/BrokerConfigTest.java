package dev.handoff.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;

class BrokerConfigTest {

    @Test
    void usesKafkasDefaults() {
        // Given
        Map<String, String> none = Map.of();
        // When
        BrokerConfig config = BrokerConfig.from(none);
        // Then
        assertThat(config.nodeId()).isEqualTo(1);
        assertThat(config.listener()).isEqualTo(new Endpoint("127.0.0.1", 9092));
        assertThat(config.dataDir()).isEqualTo(Path.of("./data"));
        assertThat(config.numPartitions()).isEqualTo(1);
        assertThat(config.autoCreateTopicsEnable()).isTrue();
        assertThat(config.socketRequestMaxBytes()).isEqualTo(104_857_600);
        assertThat(config.logConfig().retentionMs()).isEqualTo(7L * 24 * 60 * 60 * 1000);
        assertThat(config.logConfig().segmentBytes()).isEqualTo(1L << 30);
        assertThat(config.logConfig().maxMessageBytes()).isEqualTo(1_048_588);
        assertThat(config.logRetentionCheckIntervalMs()).isEqualTo(300_000);
        assertThat(config.connectionsMaxIdleMs()).isEqualTo(600_000);
        assertThat(config.clusterId()).isEmpty();
    }

    @Test
    void appliesKafkasPrecedenceBetweenUnits() {
        // Given
        Map<String, String> props = Map.of(
                "log.retention.hours", "1",
                "log.retention.minutes", "2",
                "log.roll.hours", "3",
                "log.dirs", "/a,/b",
                "log.dir", "/ignored",
                "log.message.timestamp.type", "LogAppendTime");
        // When
        BrokerConfig config = BrokerConfig.from(props);
        // Then
        assertThat(config.logConfig().retentionMs()).isEqualTo(120_000);
        assertThat(config.logConfig().segmentMs()).isEqualTo(3 * 3_600_000L);
        assertThat(config.dataDir()).isEqualTo(Path.of("/a"));
        assertThat(config.logConfig().timestampType()).isEqualTo(TimestampType.LOG_APPEND_TIME);
    }

    @Test
    void parsesAnEphemeralListenerAndAnAdvertisedOne() {
        // Given
        Map<String, String> props = Map.of(
                "listeners", "PLAINTEXT://0.0.0.0:0",
                "advertised.listeners", "PLAINTEXT://broker.example:19092");
        // When
        BrokerConfig config = BrokerConfig.from(props);
        // Then
        assertThat(config.listener()).isEqualTo(new Endpoint("0.0.0.0", 0));
        assertThat(config.advertisedListener()).contains(new Endpoint("broker.example", 19092));
    }

    @Test
    void failsFastOnAMalformedValue() {
        // Given
        Map<String, String> props = Map.of("num.partitions", "many");
        // When / Then
        assertThatThrownBy(() -> BrokerConfig.from(props))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("num.partitions");
    }

    @Test
    void refusesListenersOtherThanPlaintext() {
        // Given
        Map<String, String> props = Map.of("listeners", "SSL://127.0.0.1:9093");
        // When / Then
        assertThatThrownBy(() -> BrokerConfig.from(props))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("PLAINTEXT");
    }
}
