package dev.handoff.bench.handoff;

import static org.assertj.core.api.Assertions.assertThat;

import dev.handoff.lab.timeline.EventKind;
import dev.handoff.lab.timeline.TimelineEvent;
import java.util.List;
import org.junit.jupiter.api.Test;

class HandoffsTest {

    private static final long FIRST_STEP = 1_000;
    private static final long END = 10_000;

    @Test
    void timesAHandoffFromTheRevocationToTheNewOwnersAssignment() {
        // Given
        List<TimelineEvent> events = List.of(
                event(0, "a", EventKind.ASSIGNED, 0, 1),
                event(2_000, "a", EventKind.REVOKED, 1),
                event(2_300, "b", EventKind.ASSIGNED, 1));

        // When
        Handoffs handoffs = Handoffs.of(events, FIRST_STEP, END);

        // Then
        assertThat(handoffs.durationsMs()).containsExactly(300L);
        assertThat(handoffs.unfinished()).isZero();
    }

    @Test
    void namesTheLongestHandoffsWithWhoGaveThePartitionUpAndWhoGotIt() {
        // Given
        List<TimelineEvent> events = List.of(
                event(0, "a", EventKind.ASSIGNED, 0, 1, 2),
                event(2_000, "a", EventKind.REVOKED, 0),
                event(2_100, "b", EventKind.ASSIGNED, 0),
                event(3_000, "a", EventKind.STOPPED),
                event(3_400, "b", EventKind.ASSIGNED, 2),
                event(5_500, "c", EventKind.ASSIGNED, 1));

        // When
        List<Handoffs.Handoff> longest = Handoffs.of(events, FIRST_STEP, END).longest(2);

        // Then
        assertThat(longest).containsExactly(
                new Handoffs.Handoff(1, 3_000, 5_500, EventKind.STOPPED, "a", "c"),
                new Handoffs.Handoff(2, 3_000, 3_400, EventKind.STOPPED, "a", "b"));
    }

    @Test
    void aStoppedConsumerHandsOffWhatItStillHeld() {
        // Given
        List<TimelineEvent> events = List.of(
                event(0, "a", EventKind.ASSIGNED, 0, 1),
                event(2_000, "a", EventKind.STOPPED),
                event(2_500, "b", EventKind.ASSIGNED, 0),
                event(3_000, "b", EventKind.ASSIGNED, 1));

        // When
        Handoffs handoffs = Handoffs.of(events, FIRST_STEP, END);

        // Then
        assertThat(handoffs.durationsMs()).containsExactly(500L, 1_000L);
    }

    @Test
    void doesNotCountTheWarmUpsFirstAssignment() {
        // Given
        List<TimelineEvent> events = List.of(
                event(100, "a", EventKind.ASSIGNED, 0),
                event(500, "a", EventKind.REVOKED, 0),
                event(1_500, "b", EventKind.ASSIGNED, 0));

        // When
        Handoffs handoffs = Handoffs.of(events, FIRST_STEP, END);

        // Then
        assertThat(handoffs.durationsMs()).isEmpty();
    }

    @Test
    void aPartitionAssignedBeforeItsOldOwnerReportedTheRevocationIsNoHandoff() {
        // Given
        List<TimelineEvent> events = List.of(
                event(0, "a", EventKind.ASSIGNED, 0),
                event(2_000, "b", EventKind.ASSIGNED, 0),
                event(2_000, "a", EventKind.REVOKED, 0));

        // When
        Handoffs handoffs = Handoffs.of(events, FIRST_STEP, END);

        // Then
        assertThat(handoffs.durationsMs()).isEmpty();
        assertThat(handoffs.unfinished()).isZero();
    }

    @Test
    void aHandoffStillOpenAtTheEndCountsUntilTheEnd() {
        // Given
        List<TimelineEvent> events = List.of(
                event(0, "a", EventKind.ASSIGNED, 0),
                event(9_000, "a", EventKind.LOST, 0));

        // When
        Handoffs handoffs = Handoffs.of(events, FIRST_STEP, END);

        // Then
        assertThat(handoffs.durationsMs()).containsExactly(1_000L);
        assertThat(handoffs.unfinished()).isOne();
    }

    @Test
    void reportsNearestRankMedianAndP99() {
        // Given
        Handoffs handoffs = new Handoffs(List.of(handoff(400), handoff(100), handoff(300), handoff(200),
                handoff(5_000)), 0);

        // When
        long median = handoffs.medianMs();
        long p99 = handoffs.percentileMs(99);

        // Then
        assertThat(median).isEqualTo(300);
        assertThat(p99).isEqualTo(5_000);
    }

    private static Handoffs.Handoff handoff(long durationMs) {
        return new Handoffs.Handoff(0, FIRST_STEP, FIRST_STEP + durationMs, EventKind.REVOKED, "c0.0", "c1.0");
    }

    private static TimelineEvent event(long atMs, String member, EventKind kind, Integer... partitions) {
        return new TimelineEvent(atMs, member, 0, kind, List.of(partitions), 0, 0);
    }
}
