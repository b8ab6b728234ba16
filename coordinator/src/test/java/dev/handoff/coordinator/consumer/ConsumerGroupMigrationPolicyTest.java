package dev.handoff.coordinator.consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import dev.handoff.coordinator.GroupCoordinatorConfig;
import org.junit.jupiter.api.Test;

class ConsumerGroupMigrationPolicyTest {

    @Test
    void policyIsReadCaseInsensitivelyWithKafkasDefault() {
        // Given
        GroupCoordinatorConfig defaults = GroupCoordinatorConfig.defaults();

        // When
        GroupCoordinatorConfig upgradeOnly = GroupCoordinatorConfig.fromProperties(
            Map.of(GroupCoordinatorConfig.CONSUMER_GROUP_MIGRATION_POLICY, "Upgrade"));

        // Then
        assertThat(defaults.migrationPolicy()).isEqualTo(ConsumerGroupMigrationPolicy.BIDIRECTIONAL);
        assertThat(upgradeOnly.migrationPolicy().isUpgradeEnabled()).isTrue();
        assertThat(upgradeOnly.migrationPolicy().isDowngradeEnabled()).isFalse();
    }

    @Test
    void unknownPolicyIsRejected() {
        // When / Then
        assertThatThrownBy(() -> GroupCoordinatorConfig.fromProperties(
            Map.of(GroupCoordinatorConfig.CONSUMER_GROUP_MIGRATION_POLICY, "sideways")))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("sideways");
    }
}
