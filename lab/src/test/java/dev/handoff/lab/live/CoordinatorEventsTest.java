package dev.handoff.lab.live;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import dev.handoff.lab.timeline.EventKind;
import dev.handoff.lab.timeline.TimelineEvent;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

class CoordinatorEventsTest {

    /** The run started 10 s before the fixture's first event, on the broker's clock. */
    private static final long RUN_START_EPOCH_MS = 1_700_000_002_000L;

    private static String fixture() throws IOException {
        try (InputStream in = CoordinatorEventsTest.class.getResourceAsStream("/live/consumer-timeline.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void turnsTheRecordingIntoEventsOfTheLabsMembersOnTheRunsClock() throws IOException {
        // Given
        RecordedTimeline recorded = RecordedTimeline.parse(fixture());
        MemberIds memberIds = new MemberIds();
        memberIds.report("old-member", "c001.0", 1);
        memberIds.report("new-member", "c000.1", 0);

        // When
        List<TimelineEvent> events = CoordinatorEvents.toTimeline(recorded.events(), memberIds.snapshot(),
            RUN_START_EPOCH_MS);

        // Then
        assertThat(events).containsExactly(
            new TimelineEvent(10_000, "c000.1", 0, EventKind.MEMBER_JOINED, List.of(), 0, 0),
            new TimelineEvent(10_001, TimelineEvent.COORDINATOR, TimelineEvent.COORDINATOR_SLOT,
                EventKind.GROUP_EPOCH_BUMPED, List.of(), 0, 4),
            new TimelineEvent(10_002, TimelineEvent.COORDINATOR, TimelineEvent.COORDINATOR_SLOT,
                EventKind.TARGET_ASSIGNMENT_COMPUTED, List.of(), 2, 4),
            new TimelineEvent(10_050, "c001.0", 1, EventKind.REVOCATION_REQUESTED, List.of(1, 3), 0, 4),
            new TimelineEvent(10_300, "c001.0", 1, EventKind.REVOCATION_COMPLETED, List.of(1, 3), 0, 4),
            new TimelineEvent(10_301, "c000.1", 0, EventKind.PARTITIONS_ASSIGNED, List.of(1, 3), 0, 4));
    }

    @Test
    void keepsTheRecordingsCursorAndLossCount() throws IOException {
        // When
        RecordedTimeline recorded = RecordedTimeline.parse(fixture());

        // Then
        assertThat(recorded.recorderEnabled()).isTrue();
        assertThat(recorded.lastSequence()).isEqualTo(19);
        assertThat(recorded.dropped()).isZero();
        assertThat(recorded.events()).hasSize(8);
    }

    @Test
    void leavesOutMembersTheLabDoesNotKnow() throws IOException {
        // Given
        RecordedTimeline recorded = RecordedTimeline.parse(fixture());

        // When
        List<TimelineEvent> events = CoordinatorEvents.toTimeline(recorded.events(), Map.of(), RUN_START_EPOCH_MS);

        // Then
        assertThat(events).extracting(TimelineEvent::member).containsOnly(TimelineEvent.COORDINATOR);
    }

    @Test
    void rejectsAnAnswerThatIsNotATimeline() {
        // When
        Throwable thrown = catchThrowable(() -> RecordedTimeline.parse("<html>Not found</html>"));

        // Then
        assertThat(thrown).isInstanceOf(IllegalArgumentException.class)
            .hasMessageStartingWith("Not a flight recorder timeline");
    }
}
