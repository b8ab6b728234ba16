package dev.handoff.coordinator.consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import dev.handoff.coordinator.GroupCoordinatorConfig;
import dev.handoff.coordinator.consumer.HeartbeatIntervalPolicy.GroupMotion;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HeartbeatIntervalPolicyTest {

    private static final int STEADY_MS = 5_000;
    private static final int FAST_MS = 250;
    private static final int WINDOW_MS = 10_000;
    private static final long ASSIGNED_AT_MS = 100_000L;

    private final HeartbeatIntervalPolicy policy = new HeartbeatIntervalPolicy(GroupCoordinatorConfig.defaults());

    @Test
    void quietGroupPastTheWindowGetsTheConfiguredInterval() {
        // Given
        ConsumerGroupMember member = member(MemberState.STABLE, 7);

        // When
        int interval = policy.intervalMs(member, new GroupMotion(3, 7, 7, ASSIGNED_AT_MS),
            ASSIGNED_AT_MS + WINDOW_MS);

        // Then
        assertThat(interval).isEqualTo(STEADY_MS);
    }

    @Test
    void everyMemberIsFastWithinTheWindowAfterTheAssignmentChanged() {
        // Given
        ConsumerGroupMember reconciled = member(MemberState.STABLE, 7);

        // When
        int interval = policy.intervalMs(reconciled, new GroupMotion(3, 7, 7, ASSIGNED_AT_MS),
            ASSIGNED_AT_MS + WINDOW_MS - 1);

        // Then
        assertThat(interval).isEqualTo(FAST_MS);
    }

    @Test
    void memberThatMustRevokeStaysFastAfterTheWindow() {
        // Given
        ConsumerGroupMember revoking = member(MemberState.UNREVOKED_PARTITIONS, 6);

        // When
        int interval = policy.intervalMs(revoking, new GroupMotion(3, 7, 7, ASSIGNED_AT_MS),
            ASSIGNED_AT_MS + 10 * WINDOW_MS);

        // Then
        assertThat(interval).isEqualTo(FAST_MS);
    }

    @Test
    void memberWaitingForPartitionsStaysFastAfterTheWindow() {
        // Given
        ConsumerGroupMember waiting = member(MemberState.UNRELEASED_PARTITIONS, 7);

        // When
        int interval = policy.intervalMs(waiting, new GroupMotion(3, 7, 7, ASSIGNED_AT_MS),
            ASSIGNED_AT_MS + 10 * WINDOW_MS);

        // Then
        assertThat(interval).isEqualTo(FAST_MS);
    }

    @Test
    void memberBehindTheAssignmentEpochIsFast() {
        // Given
        ConsumerGroupMember behind = member(MemberState.STABLE, 6);

        // When
        int interval = policy.intervalMs(behind, new GroupMotion(3, 7, 7, ASSIGNED_AT_MS),
            ASSIGNED_AT_MS + 10 * WINDOW_MS);

        // Then
        assertThat(interval).isEqualTo(FAST_MS);
    }

    @Test
    void groupWhoseAssignmentIsDeferredIsFastSoThatTheNextHeartbeatComputesIt() {
        // Given
        ConsumerGroupMember member = member(MemberState.STABLE, 7);

        // When
        int interval = policy.intervalMs(member, new GroupMotion(3, 8, 7, ASSIGNED_AT_MS),
            ASSIGNED_AT_MS + 10 * WINDOW_MS);

        // Then
        assertThat(interval).isEqualTo(FAST_MS);
    }

    @Test
    void loneMemberHasNobodyToHandOffToAndStaysSteady() {
        // Given
        ConsumerGroupMember alone = member(MemberState.STABLE, 2);

        // When
        int interval = policy.intervalMs(alone, new GroupMotion(1, 2, 2, ASSIGNED_AT_MS), ASSIGNED_AT_MS);

        // Then
        assertThat(interval).isEqualTo(STEADY_MS);
    }

    @Test
    void disabledPolicyAlwaysAnswersTheConfiguredIntervalAsKafkaDoes() {
        // Given
        HeartbeatIntervalPolicy disabled = new HeartbeatIntervalPolicy(GroupCoordinatorConfig.fromProperties(Map.of(
            GroupCoordinatorConfig.CONSUMER_GROUP_FAST_HEARTBEAT_ENABLE, "false",
            GroupCoordinatorConfig.CONSUMER_GROUP_HEARTBEAT_INTERVAL_MS, "6000",
            GroupCoordinatorConfig.CONSUMER_GROUP_MAX_HEARTBEAT_INTERVAL_MS, "15000")));
        ConsumerGroupMember revoking = member(MemberState.UNREVOKED_PARTITIONS, 6);

        // When
        int interval = disabled.intervalMs(revoking, new GroupMotion(3, 8, 7, ASSIGNED_AT_MS), ASSIGNED_AT_MS);

        // Then
        assertThat(interval).isEqualTo(6_000);
    }

    @Test
    void configuredFastIntervalAndWindowAreUsed() {
        // Given
        HeartbeatIntervalPolicy custom = new HeartbeatIntervalPolicy(GroupCoordinatorConfig.fromProperties(Map.of(
            GroupCoordinatorConfig.CONSUMER_GROUP_FAST_HEARTBEAT_INTERVAL_MS, "400",
            GroupCoordinatorConfig.CONSUMER_GROUP_FAST_HEARTBEAT_WINDOW_MS, "2000")));
        ConsumerGroupMember member = member(MemberState.STABLE, 7);
        GroupMotion group = new GroupMotion(2, 7, 7, ASSIGNED_AT_MS);

        // When
        int inWindow = custom.intervalMs(member, group, ASSIGNED_AT_MS + 1_999);
        int afterWindow = custom.intervalMs(member, group, ASSIGNED_AT_MS + 2_000);

        // Then
        assertThat(inWindow).isEqualTo(400);
        assertThat(afterWindow).isEqualTo(STEADY_MS);
    }

    @Test
    void fastHeartbeatsAreOnByDefault() {
        // When
        GroupCoordinatorConfig.FastHeartbeat fast = GroupCoordinatorConfig.defaults().consumerGroupFastHeartbeat();

        // Then
        assertThat(fast).isEqualTo(new GroupCoordinatorConfig.FastHeartbeat(true, FAST_MS, WINDOW_MS));
    }

    @ParameterizedTest
    @CsvSource({
        "group.consumer.fast.heartbeat.enable, yes",
        "group.consumer.fast.heartbeat.interval.ms, 0",
        "group.consumer.fast.heartbeat.interval.ms, 5001",
        "group.consumer.fast.heartbeat.window.ms, -1",
    })
    void invalidFastHeartbeatSettingsAreRejected(String name, String value) {
        // When / Then
        assertThatThrownBy(() -> GroupCoordinatorConfig.fromProperties(Map.of(name, value)))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining(name);
    }

    private static ConsumerGroupMember member(MemberState state, int epoch) {
        return ConsumerGroupMember.builder("m1").state(state).memberEpoch(epoch).build();
    }
}
