package dev.handoff.coordinator.consumer;

import static dev.handoff.coordinator.consumer.ConsumerGroupTestContext.heartbeat;
import static dev.handoff.coordinator.consumer.ConsumerGroupTestContext.join;
import static dev.handoff.coordinator.consumer.ConsumerGroupTestContext.leave;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import dev.handoff.coordinator.GroupCoordinatorConfig;
import org.apache.kafka.common.message.ConsumerGroupHeartbeatRequestData;
import org.junit.jupiter.api.Test;

/**
 * The target assignment schedule ({@code group.consumer.assignment.interval.ms}, DECISIONS.md item 4): bursts of
 * joins and subscription changes are batched, unowned partitions and isolated changes are assigned at once.
 */
class AssignmentScheduleTest {

    private static final int INTERVAL_MS = 3_000;
    private static final int WITHIN_INTERVAL_MS = 100;
    private static final int SESSION_TIMEOUT_MS = GroupCoordinatorConfig.defaults().consumerGroupSessionTimeoutMs();

    private final ConsumerGroupTestContext ctx = ConsumerGroupTestContext.create(
        Map.of(GroupCoordinatorConfig.CONSUMER_GROUP_ASSIGNMENT_INTERVAL_MS, String.valueOf(INTERVAL_MS)));

    @Test
    void burstOfJoinsWithinTheIntervalIsAssignedOnceWhenItElapsed() {
        // Given
        ctx.createTopic("foo", 6);
        ctx.heartbeat(join("m1", "foo"));
        ctx.sleep(WITHIN_INTERVAL_MS);
        ctx.heartbeat(join("m2", "foo"));
        ctx.sleep(WITHIN_INTERVAL_MS);
        ctx.heartbeat(join("m3", "foo"));
        int epochDuringBurst = ctx.group().assignmentEpoch();
        ctx.sleep(INTERVAL_MS);

        // When
        ctx.heartbeat(heartbeat("m1", 2));

        // Then
        assertThat(epochDuringBurst).as("the first member's target stays while others join").isEqualTo(2);
        assertThat(ctx.group().assignmentEpoch()).isEqualTo(4);
        assertThat(List.of("m1", "m2", "m3")).allSatisfy(m ->
            assertThat(ctx.group().targetAssignment(m).totalPartitions()).isEqualTo(2));
    }

    @Test
    void joinIsDeferredWhileTheLastTargetIsYoungerThanTheInterval() {
        // Given
        ctx.createTopic("foo", 2);
        ctx.heartbeat(join("m1", "foo"));
        ctx.sleep(INTERVAL_MS - 1);

        // When
        ctx.heartbeat(join("m2", "foo"));

        // Then
        assertThat(ctx.group().groupEpoch()).isEqualTo(3);
        assertThat(ctx.group().assignmentEpoch()).isEqualTo(2);
    }

    @Test
    void isolatedJoinAfterTheIntervalIsAssignedAtOnce() {
        // Given
        ctx.createTopic("foo", 2);
        ctx.heartbeat(join("m1", "foo"));
        ctx.sleep(INTERVAL_MS);

        // When
        ctx.heartbeat(join("m2", "foo"));

        // Then
        assertThat(ctx.group().assignmentEpoch()).isEqualTo(3);
        assertThat(ctx.group().targetAssignment("m2").totalPartitions()).isEqualTo(1);
    }

    @Test
    void firstTargetOfANewGroupIsAssignedAtOnce() {
        // Given
        ctx.createTopic("foo", 2);

        // When
        ctx.heartbeat(join("m1", "foo"));

        // Then
        assertThat(ctx.group().assignmentEpoch()).isEqualTo(2);
        assertThat(ctx.group().targetAssignment("m1").totalPartitions()).isEqualTo(2);
    }

    @Test
    void leaveWithinTheIntervalIsAssignedAtTheNextHeartbeat() {
        // Given
        ctx.createTopic("foo", 4);
        twoMembersAssignedJustNow();
        ctx.heartbeat(leave("m2"));

        // When
        ctx.heartbeat(heartbeat("m1", 2));

        // Then
        assertThat(ctx.group().assignmentEpoch()).isEqualTo(ctx.group().groupEpoch());
        assertThat(ctx.group().targetAssignment("m1").totalPartitions()).isEqualTo(4);
    }

    @Test
    void memberFencedWithinTheIntervalIsUnassignedAtTheNextHeartbeat() {
        // Given
        ctx.createTopic("foo", 4);
        twoMembersAssignedJustNow();
        ctx.sleep(SESSION_TIMEOUT_MS / 2);
        ctx.heartbeat(heartbeat("m1", 2));
        ctx.sleep(SESSION_TIMEOUT_MS / 2 - WITHIN_INTERVAL_MS);
        ctx.heartbeat(join("m3", "foo"));
        ctx.sleep(2 * WITHIN_INTERVAL_MS);

        // When
        ctx.heartbeat(heartbeat("m1", 2));

        // Then
        assertThat(ctx.group().member("m2")).as("m2's session expired").isEmpty();
        assertThat(ctx.group().assignmentEpoch()).isEqualTo(ctx.group().groupEpoch());
        assertThat(ctx.group().targetAssignment("m3").totalPartitions()).isEqualTo(2);
    }

    @Test
    void addedPartitionsWithinTheIntervalAreAssignedAtOnce() {
        // Given
        ctx.createTopic("foo", 4);
        twoMembersAssignedJustNow();
        ctx.createTopic("foo", 6);

        // When
        ctx.heartbeat(heartbeat("m1", 2));

        // Then
        assertThat(ctx.group().assignmentEpoch()).isEqualTo(ctx.group().groupEpoch());
        assertThat(ctx.group().targetPartitionCount()).isEqualTo(6);
    }

    @Test
    void deletedTopicWithinTheIntervalIsUnassignedAtOnce() {
        // Given
        ctx.createTopic("foo", 2);
        ctx.createTopic("bar", 2);
        ctx.heartbeat(join("m1", "foo", "bar"));
        ctx.deleteTopic("bar");

        // When
        ctx.heartbeat(heartbeat("m1", 2));

        // Then
        assertThat(ctx.group().assignmentEpoch()).isEqualTo(ctx.group().groupEpoch());
        assertThat(ctx.group().targetAssignment("m1").partitions()).containsOnlyKeys(ctx.topicId("foo"));
    }

    @Test
    void subscriptionGainingATopicIsAssignedAtOnceAndTheNextChangeOfTheBurstWaits() {
        // Given
        ctx.createTopic("foo", 2);
        ctx.createTopic("bar", 2);
        twoMembersAssignedJustNow();

        // When
        ctx.heartbeat(subscribe("m1", 2, "foo", "bar"));
        int afterFirstChange = ctx.group().assignmentEpoch();
        ctx.heartbeat(subscribe("m2", 3, "foo", "bar"));

        // Then
        assertThat(afterFirstChange).as("bar had no owner").isEqualTo(4);
        assertThat(ctx.group().groupEpoch()).isEqualTo(5);
        assertThat(ctx.group().assignmentEpoch()).as("bar is owned: the second change waits").isEqualTo(4);
    }

    @Test
    void zeroIntervalAssignsEveryJoinAtOnce() {
        // Given
        ConsumerGroupTestContext immediate = ConsumerGroupTestContext.create(
            Map.of(GroupCoordinatorConfig.CONSUMER_GROUP_ASSIGNMENT_INTERVAL_MS, "0"));
        immediate.createTopic("foo", 2);
        immediate.heartbeat(join("m1", "foo"));

        // When
        immediate.heartbeat(join("m2", "foo"));

        // Then
        assertThat(immediate.group().assignmentEpoch()).isEqualTo(3);
    }

    @Test
    void restartedCoordinatorDefersTheSameBurstAsTheOneBefore() {
        // Given
        ctx.createTopic("foo", 4);
        twoMembersAssignedJustNow();
        ctx.heartbeat(leave("m2"));
        ctx.heartbeat(heartbeat("m1", 2));
        int countBefore = ctx.group().targetPartitionCount();
        ctx.restart();

        // When
        ctx.heartbeat(join("m3", "foo"));

        // Then
        assertThat(ctx.group().targetPartitionCount()).isEqualTo(countBefore).isEqualTo(4);
        assertThat(ctx.group().groupEpoch()).as("the join was deferred after the restart too")
            .isGreaterThan(ctx.group().assignmentEpoch());
    }

    /** m1 (epoch 2, revoking) and m2 (epoch 3) subscribed to foo, with a target computed at epoch 3 just now. */
    private void twoMembersAssignedJustNow() {
        ctx.heartbeat(join("m1", "foo"));
        ctx.sleep(INTERVAL_MS);
        ctx.heartbeat(join("m2", "foo"));
    }

    private static ConsumerGroupHeartbeatRequestData subscribe(String memberId, int epoch, String... topics) {
        return heartbeat(memberId, epoch).setSubscribedTopicNames(List.of(topics));
    }
}
