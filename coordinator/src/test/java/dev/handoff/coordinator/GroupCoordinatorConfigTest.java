package dev.handoff.coordinator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;

class GroupCoordinatorConfigTest {

    @Test
    void defaultsAreKafkas() {
        // When
        GroupCoordinatorConfig config = GroupCoordinatorConfig.defaults();

        // Then
        assertThat(config.groupMinSessionTimeoutMs()).isEqualTo(6_000);
        assertThat(config.groupMaxSessionTimeoutMs()).isEqualTo(1_800_000);
        assertThat(config.groupInitialRebalanceDelayMs()).isEqualTo(3_000);
        assertThat(config.groupMaxSize()).isEqualTo(Integer.MAX_VALUE);
        assertThat(config.offsetsRetentionMs()).isEqualTo(7L * 24 * 60 * 60 * 1000);
        assertThat(config.offsetsRetentionCheckIntervalMs()).isEqualTo(600_000L);
        assertThat(config.offsetMetadataMaxBytes()).isEqualTo(4_096);
        assertThat(config.consumerGroupAssignors()).containsExactly("uniform", "range");
    }

    @Test
    void readsKafkaConfigNames() {
        // When
        GroupCoordinatorConfig config = GroupCoordinatorConfig.fromProperties(Map.of(
            "group.max.size", "10", "offsets.retention.minutes", "1", "group.consumer.assignors", "range, uniform"));

        // Then
        assertThat(config.groupMaxSize()).isEqualTo(10);
        assertThat(config.offsetsRetentionMs()).isEqualTo(60_000L);
        assertThat(config.consumerGroupAssignors()).containsExactly("range", "uniform");
    }

    @Test
    void rejectsUnparsableValuesNamingTheConfig() {
        // When / Then
        assertThatThrownBy(() -> GroupCoordinatorConfig.fromProperties(Map.of("group.max.size", "lots")))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("group.max.size");
    }
}
