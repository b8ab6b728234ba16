package dev.handoff.lab.report;

import java.util.ArrayList;
import java.util.List;

import dev.handoff.lab.timeline.EventKind;
import dev.handoff.lab.timeline.Timeline;
import dev.handoff.lab.timeline.TimelineEvent;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The coordinator's recorded messages are drawn in the zoom and count in no figure. */
class CoordinatorMessagesTest {

    /** The eager timeline with what the coordinator recorded around its first step, c000.0 leaving at 10 s. */
    private static Timeline withCoordinatorMessages() {
        Timeline eager = RunMetricsTest.eagerTimeline();
        List<TimelineEvent> events = new ArrayList<>(eager.events());
        events.addAll(List.of(
            new TimelineEvent(10_001, "c000.0", 0, EventKind.MEMBER_LEFT, List.of(), 0, 1),
            new TimelineEvent(10_002, TimelineEvent.COORDINATOR, TimelineEvent.COORDINATOR_SLOT,
                EventKind.CLASSIC_REBALANCE_STARTED, List.of(), 0, 1),
            new TimelineEvent(12_001, "c001.0", 1, EventKind.REVOCATION_REQUESTED, List.of(1), 0, 2),
            new TimelineEvent(12_002, "c001.0", 1, EventKind.REVOCATION_COMPLETED, List.of(1), 0, 2),
            new TimelineEvent(12_500, TimelineEvent.COORDINATOR, TimelineEvent.COORDINATOR_SLOT,
                EventKind.CLASSIC_JOIN_COMPLETED, List.of(), 1, 2),
            new TimelineEvent(12_900, "c001.0", 1, EventKind.PARTITIONS_ASSIGNED, List.of(0, 1), 0, 2)));
        events.sort((a, b) -> Long.compare(a.atMs(), b.atMs()));
        return new Timeline(eager.protocol(), eager.mode(), eager.scenario(), eager.plan(), events, eager.latency(),
            eager.counts());
    }

    @Test
    void changeNoFigureOfTheRun() {
        // Given
        Timeline timeline = withCoordinatorMessages();

        // When
        RunMetrics metrics = RunMetrics.of(timeline);

        // Then
        assertThat(metrics).isEqualTo(RunMetrics.of(RunMetricsTest.eagerTimeline()));
        assertThat(SummaryTable.render(List.of(timeline)))
            .isEqualTo(SummaryTable.render(List.of(RunMetricsTest.eagerTimeline())));
    }

    @Test
    void areDrawnAsArrowsAndCoordinatorStepsInTheZoom() {
        // When
        String html = HtmlReport.render("Zoom", List.of(withCoordinatorMessages()));

        // Then
        assertThat(html)
            .contains(">leave e1<", ">revoke e2 [1]<", ">revoked e2 [1]<", ">assign e2 [0, 1]<")
            .contains("class=\"boxc\"", ">rebalance e1<", ">join done e2, 1 members<")
            .contains("Messages: the coordinator's flight recorder")
            .doesNotContain("Callbacks only");
    }
}
