package dev.handoff.coordinator.recorder;

import java.util.List;

import org.junit.jupiter.api.Test;

import static dev.handoff.coordinator.recorder.RecorderTestContext.GROUP;
import static dev.handoff.coordinator.recorder.RecorderTestContext.OPERATION_NANOS;
import static dev.handoff.coordinator.recorder.RecorderTestContext.SESSION_TIMEOUT_MS;
import static dev.handoff.coordinator.recorder.RecorderTestContext.partition;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class FlightRecorderConsumerGroupTest {

    private static final double OPERATION_MS = OPERATION_NANOS / 1_000_000.0;

    @Test
    void firstMemberJoiningRecordsJoinEpochAssignmentAndPartitions() {
        // Given
        RecorderTestContext context = RecorderTestContext.create();

        // When
        context.join("a");

        // Then
        assertThat(context.events(GROUP))
            .extracting(RebalanceEvent::type, RebalanceEvent::cause, RebalanceEvent::memberId, RebalanceEvent::epoch)
            .containsExactly(
                tuple(EventType.MEMBER_JOINED, Cause.JOIN, "a", -1),
                tuple(EventType.GROUP_EPOCH_BUMPED, Cause.JOIN, null, 2),
                tuple(EventType.TARGET_ASSIGNMENT_COMPUTED, Cause.RECONCILIATION, null, 2),
                tuple(EventType.PARTITIONS_ASSIGNED, Cause.JOIN, "a", 2));
        RebalanceEvent assignment = context.events(GROUP).get(2);
        assertThat(assignment.detail()).isEqualTo("uniform");
        assertThat(assignment.count()).isEqualTo(4);
        assertThat(assignment.durationMs()).isEqualTo(OPERATION_MS);
        assertThat(context.events(GROUP).get(0).detail()).isEqualTo("client-a @ /127.0.0.1");
        assertThat(context.events(GROUP).get(3).partitions())
            .containsExactly(partition(0), partition(1), partition(2), partition(3));
    }

    @Test
    void secondMemberJoiningRecordsRevocationAndHandoffsWithTheirDurations() {
        // Given
        RecorderTestContext context = RecorderTestContext.create();
        context.join("a");
        context.join("b");
        context.clock.advance(100);
        context.ack("a", 2, List.of(0, 1, 2, 3));
        context.clock.advance(300);
        context.ack("a", 2, List.of(0, 1));
        context.clock.advance(200);
        int before = context.heard.size();

        // When
        context.ack("b", 3, List.of());

        // Then
        List<RebalanceEvent> all = context.events(GROUP);
        assertThat(all)
            .extracting(RebalanceEvent::type, RebalanceEvent::cause, RebalanceEvent::memberId)
            .containsSubsequence(
                tuple(EventType.MEMBER_JOINED, Cause.JOIN, "b"),
                tuple(EventType.GROUP_EPOCH_BUMPED, Cause.JOIN, null),
                tuple(EventType.TARGET_ASSIGNMENT_COMPUTED, Cause.RECONCILIATION, null),
                tuple(EventType.REVOCATION_REQUESTED, Cause.RECONCILIATION, "a"),
                tuple(EventType.REVOCATION_COMPLETED, Cause.RECONCILIATION, "a"),
                tuple(EventType.PARTITIONS_ASSIGNED, Cause.RECONCILIATION, "b"));
        RebalanceEvent computed = all.stream()
            .filter(e -> e.type() == EventType.TARGET_ASSIGNMENT_COMPUTED && e.epoch() == 3).findFirst().orElseThrow();
        assertThat(computed.count()).isEqualTo(2);
        RebalanceEvent completed = all.stream()
            .filter(e -> e.type() == EventType.REVOCATION_COMPLETED).findFirst().orElseThrow();
        assertThat(completed.partitions()).containsExactly(partition(2), partition(3));
        assertThat(completed.durationMs()).isEqualTo(300);
        assertThat(context.heardSince(before))
            .filteredOn(e -> e.type() == EventType.HANDOFF)
            .extracting(RebalanceEvent::memberId, RebalanceEvent::otherMemberId, RebalanceEvent::partitions,
                RebalanceEvent::durationMs)
            .containsExactly(
                tuple("b", "a", List.of(partition(2)), 500.0),
                tuple("b", "a", List.of(partition(3)), 500.0));
    }

    @Test
    void sessionExpiryFencesTheMemberAndNamesItAsTheCauseOfTheEpochBump() {
        // Given
        RecorderTestContext context = RecorderTestContext.create();
        context.join("a");
        context.join("b");
        context.clock.advance(SESSION_TIMEOUT_MS - 1_000);
        context.ack("a", 2, List.of(0, 1, 2, 3));
        int before = context.heard.size();

        // When
        context.sleep(1_000);

        // Then
        assertThat(context.heardSince(before))
            .extracting(RebalanceEvent::type, RebalanceEvent::cause, RebalanceEvent::memberId)
            .startsWith(
                tuple(EventType.MEMBER_FENCED, Cause.SESSION_EXPIRED, "b"),
                tuple(EventType.GROUP_EPOCH_BUMPED, Cause.SESSION_EXPIRED, null));
    }

    @Test
    void partitionsOfAMemberThatLeftAreHandedOffFromTheMomentItLeft() {
        // Given
        RecorderTestContext context = RecorderTestContext.create();
        context.join("a");
        context.ack("a", 2, List.of(0, 1, 2, 3));
        context.join("b");
        context.clock.advance(50);
        context.leave("a");
        context.clock.advance(70);
        int before = context.heard.size();

        // When
        context.ack("b", 3, List.of());

        // Then
        assertThat(context.events(GROUP))
            .extracting(RebalanceEvent::type, RebalanceEvent::cause, RebalanceEvent::memberId)
            .contains(tuple(EventType.MEMBER_LEFT, Cause.LEAVE, "a"),
                tuple(EventType.GROUP_EPOCH_BUMPED, Cause.LEAVE, null));
        assertThat(context.heardSince(before))
            .filteredOn(e -> e.type() == EventType.HANDOFF)
            .extracting(RebalanceEvent::otherMemberId, RebalanceEvent::durationMs)
            .containsOnly(tuple("a", 70.0))
            .hasSize(4);
    }

    @Test
    void steadyHeartbeatsRecordNothing() {
        // Given
        RecorderTestContext context = RecorderTestContext.create();
        context.join("a");
        context.ack("a", 2, List.of(0, 1, 2, 3));
        int before = context.heard.size();

        // When
        context.clock.advance(5_000);
        context.ack("a", 2, List.of(0, 1, 2, 3));

        // Then
        assertThat(context.heardSince(before)).isEmpty();
    }

    @Test
    void recordsLoadedFromTheLogAreNotNews() {
        // Given
        RecorderTestContext context = RecorderTestContext.create();
        context.join("a");
        context.join("b");

        // When
        List<RebalanceEvent> afterRestart = context.restartAndRecord();

        // Then
        assertThat(afterRestart).isEmpty();
    }

    @Test
    void eventsCarryIncreasingSequencesAndTheTimeOfTheirOperation() {
        // Given
        RecorderTestContext context = RecorderTestContext.create();
        long joinedAt = context.clock.nowMs();

        // When
        context.join("a");

        // Then
        assertThat(context.events(GROUP)).extracting(RebalanceEvent::sequence).containsExactly(1L, 2L, 3L, 4L);
        assertThat(context.events(GROUP)).extracting(RebalanceEvent::timeMs).containsOnly(joinedAt);
    }
}
