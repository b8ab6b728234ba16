package dev.handoff.coordinator.consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import dev.handoff.coordinator.GroupCoordinatorConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConsumerGroupConfigTest {

    @Test
    void defaultsAreKafkasExceptTheAssignmentInterval() {
        // When
        GroupCoordinatorConfig config = GroupCoordinatorConfig.defaults();

        // Then
        assertThat(config.consumerGroupSessionTimeoutMs()).isEqualTo(45_000);
        assertThat(config.consumerGroupHeartbeatIntervalMs()).isEqualTo(5_000);
        assertThat(config.consumerGroupMaxSize()).isEqualTo(Integer.MAX_VALUE);
        assertThat(config.consumerGroupAssignmentIntervalMs()).as("Handoff's default, DECISIONS.md item 4")
            .isEqualTo(5_000);
    }

    @ParameterizedTest
    @CsvSource({
        "group.consumer.session.timeout.ms, 44999",
        "group.consumer.session.timeout.ms, 60001",
        "group.consumer.heartbeat.interval.ms, 4999",
        "group.consumer.heartbeat.interval.ms, 15001",
    })
    void timeoutsOutsideTheirBoundsAreRejected(String name, String value) {
        // When / Then
        assertThatThrownBy(() -> GroupCoordinatorConfig.fromProperties(Map.of(name, value)))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining(name);
    }

    @Test
    void heartbeatIntervalMustBeBelowTheSessionTimeout() {
        // Given
        Map<String, String> properties = Map.of(
            "group.consumer.min.session.timeout.ms", "6000", "group.consumer.session.timeout.ms", "6000",
            "group.consumer.max.heartbeat.interval.ms", "6000", "group.consumer.heartbeat.interval.ms", "6000");

        // When / Then
        assertThatThrownBy(() -> GroupCoordinatorConfig.fromProperties(properties))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("must be less than");
    }

    @Test
    void unknownServerAssignorIsAConfigurationError() {
        // When / Then
        assertThatThrownBy(() -> new ServerAssignors(List.of("uniform", "sticky")))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("sticky");
    }
}
