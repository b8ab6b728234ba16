package dev.handoff.coordinator.consumer;

import static dev.handoff.coordinator.consumer.ConsumerGroupTestContext.ack;
import static dev.handoff.coordinator.consumer.ConsumerGroupTestContext.assignmentOf;
import static dev.handoff.coordinator.consumer.ConsumerGroupTestContext.heartbeat;
import static dev.handoff.coordinator.consumer.ConsumerGroupTestContext.join;
import static dev.handoff.coordinator.consumer.ConsumerGroupTestContext.leave;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import dev.handoff.coordinator.GroupCoordinatorConfig;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.message.ConsumerGroupHeartbeatResponseData;
import org.junit.jupiter.api.Test;

/** The heartbeat intervals a consumer group's members see through a handoff, with faster heartbeats on and off. */
class FastHeartbeatTest {

    private static final int STEADY_MS = 5_000;
    private static final int FAST_MS = 250;
    private static final int WINDOW_MS = 10_000;

    @Test
    void joinMakesTheRevokerAndTheJoinerFastUntilTheWindowHasPassed() {
        // Given
        ConsumerGroupTestContext ctx = ConsumerGroupTestContext.create();
        Uuid foo = ctx.createTopic("foo", 2);
        ctx.heartbeat(join("m1", "foo"));
        ctx.sleep(WINDOW_MS);
        List<Integer> m1Intervals = new ArrayList<>();
        List<Integer> m2Intervals = new ArrayList<>();

        // When
        m1Intervals.add(ctx.heartbeat(heartbeat("m1", 2)).heartbeatIntervalMs());
        m2Intervals.add(ctx.heartbeat(join("m2", "foo")).heartbeatIntervalMs());
        ConsumerGroupHeartbeatResponseData mustRevoke = ctx.heartbeat(heartbeat("m1", 2));
        m1Intervals.add(mustRevoke.heartbeatIntervalMs());
        m1Intervals.add(ctx.heartbeat(ack("m1", 2, Map.of(foo, assignmentOf(mustRevoke).get(foo))))
            .heartbeatIntervalMs());
        ctx.sleep(FAST_MS);
        m2Intervals.add(ctx.heartbeat(heartbeat("m2", 3)).heartbeatIntervalMs());
        m2Intervals.add(ctx.heartbeat(ack("m2", 3, Map.of(foo, List.of(1)))).heartbeatIntervalMs());
        ctx.sleep(WINDOW_MS);
        m1Intervals.add(ctx.heartbeat(heartbeat("m1", 3)).heartbeatIntervalMs());
        m2Intervals.add(ctx.heartbeat(heartbeat("m2", 3)).heartbeatIntervalMs());

        // Then
        assertThat(m1Intervals).containsExactly(STEADY_MS, FAST_MS, FAST_MS, STEADY_MS);
        assertThat(m2Intervals).containsExactly(FAST_MS, FAST_MS, FAST_MS, STEADY_MS);
        assertThat(ctx.group().state()).isEqualTo(ConsumerGroupState.STABLE);
    }

    @Test
    void leaveMakesTheRemainingMembersFastWhileTheyTakeOverItsPartitions() {
        // Given
        ConsumerGroupTestContext ctx = stableGroupOfThree();

        // When
        ctx.heartbeat(leave("m3"));
        ConsumerGroupHeartbeatResponseData m1 = ctx.heartbeat(heartbeat("m1", 4));

        // Then
        assertThat(m1.memberEpoch()).isEqualTo(5);
        assertThat(m1.heartbeatIntervalMs()).isEqualTo(FAST_MS);
    }

    @Test
    void stableMemberStaysFastWithoutGapsWhileTheWindowRuns() {
        // Given
        ConsumerGroupTestContext ctx = stableGroupOfThree();
        ctx.heartbeat(leave("m3"));
        List<Integer> intervals = new ArrayList<>();

        // When
        int epoch = 4;
        for (int i = 0; i < WINDOW_MS / FAST_MS + 2; i++) {
            ConsumerGroupHeartbeatResponseData response = ctx.heartbeat(heartbeat("m1", epoch));
            epoch = response.memberEpoch();
            intervals.add(response.heartbeatIntervalMs());
            ctx.sleep(FAST_MS);
        }

        // Then
        assertThat(intervals).containsOnly(FAST_MS, STEADY_MS).endsWith(STEADY_MS);
        assertThat(intervals.subList(0, intervals.indexOf(STEADY_MS))).containsOnly(FAST_MS);
        assertThat(intervals.subList(intervals.indexOf(STEADY_MS), intervals.size())).containsOnly(STEADY_MS);
    }

    @Test
    void disabledFastHeartbeatsAnswerKafkasIntervalThroughAHandoff() {
        // Given
        ConsumerGroupTestContext ctx = ConsumerGroupTestContext.create(Map.of(
            GroupCoordinatorConfig.CONSUMER_GROUP_FAST_HEARTBEAT_ENABLE, "false"));
        Uuid foo = ctx.createTopic("foo", 2);
        ctx.heartbeat(join("m1", "foo"));
        List<Integer> intervals = new ArrayList<>();

        // When
        intervals.add(ctx.heartbeat(join("m2", "foo")).heartbeatIntervalMs());
        ConsumerGroupHeartbeatResponseData mustRevoke = ctx.heartbeat(heartbeat("m1", 2));
        intervals.add(mustRevoke.heartbeatIntervalMs());
        intervals.add(ctx.heartbeat(ack("m1", 2, Map.of(foo, assignmentOf(mustRevoke).get(foo))))
            .heartbeatIntervalMs());
        intervals.add(ctx.heartbeat(heartbeat("m2", 3)).heartbeatIntervalMs());

        // Then
        assertThat(intervals).containsOnly(STEADY_MS);
    }

    @Test
    void deferredAssignmentKeepsTheGroupFastUntilAHeartbeatComputesIt() {
        // Given
        ConsumerGroupTestContext ctx = ConsumerGroupTestContext.create(Map.of(
            GroupCoordinatorConfig.CONSUMER_GROUP_ASSIGNMENT_INTERVAL_MS, "1000",
            GroupCoordinatorConfig.CONSUMER_GROUP_FAST_HEARTBEAT_WINDOW_MS, "0"));
        ctx.createTopic("foo", 2);
        ctx.heartbeat(join("m1", "foo"));
        ctx.heartbeat(join("m2", "foo"));

        // When
        ConsumerGroupHeartbeatResponseData deferred = ctx.heartbeat(join("m3", "foo"));

        // Then
        assertThat(ctx.group().groupEpoch()).isGreaterThan(ctx.group().assignmentEpoch());
        assertThat(deferred.heartbeatIntervalMs()).isEqualTo(FAST_MS);
    }

    @Test
    void restartedCoordinatorAnswersTheSameIntervalFromTheReplayedAssignmentTime() {
        // Given
        ConsumerGroupTestContext ctx = stableGroupOfThree();
        ctx.heartbeat(leave("m3"));
        ctx.heartbeat(heartbeat("m1", 4));
        ctx.sleep(FAST_MS);
        ctx.restart();

        // When
        ConsumerGroupHeartbeatResponseData m1 = ctx.heartbeat(heartbeat("m1", 5));

        // Then
        assertThat(m1.heartbeatIntervalMs()).isEqualTo(FAST_MS);
    }

    /** m1, m2 and m3 share foo's 3 partitions at epoch 4, and the window of that assignment has passed. */
    private static ConsumerGroupTestContext stableGroupOfThree() {
        ConsumerGroupTestContext ctx = ConsumerGroupTestContext.create();
        ctx.createTopic("foo", 3);
        ctx.heartbeat(join("m1", "foo"));
        ctx.heartbeat(join("m2", "foo"));
        ctx.heartbeat(join("m3", "foo"));
        while (ctx.group().state() != ConsumerGroupState.STABLE) {
            for (String memberId : List.of("m1", "m2", "m3")) {
                ConsumerGroupMember member = ctx.member(memberId);
                Map<Uuid, List<Integer>> owned = new TreeMap<>();
                member.assignedPartitions().epochs().forEach((topicId, partitions) ->
                    owned.put(topicId, List.copyOf(partitions.keySet())));
                ctx.heartbeat(ack(memberId, member.memberEpoch(), owned));
            }
        }
        ctx.sleep(WINDOW_MS);
        return ctx;
    }
}
