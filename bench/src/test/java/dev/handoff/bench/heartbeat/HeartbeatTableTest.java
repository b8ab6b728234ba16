package dev.handoff.bench.heartbeat;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.protocol.Errors;
import org.junit.jupiter.api.Test;

class HeartbeatTableTest {

    private static final HeartbeatFigures KAFKA = figures(200_000, Map.of());
    private static final HeartbeatFigures HANDOFF = figures(1_200_000,
            Map.of(Errors.FENCED_MEMBER_EPOCH, 2L, Errors.UNKNOWN_MEMBER_ID, 1L, Errors.NOT_COORDINATOR, 4L));

    @Test
    void comparesThroughputAsHandoffOverKafkaAndJudgesHandoffAgainstTheTarget() {
        // When
        String report = HeartbeatTable.render("Kafka 4.4.0", List.of(KAFKA), "Handoff", List.of(HANDOFF));

        // Then
        assertThat(report.lines().filter(line -> line.startsWith("heartbeats/s"))).singleElement().asString()
                .contains("20,000", "120,000").endsWith("6.00x");
        assertThat(report).contains("target: Handoff >= 100,000 heartbeats/s: met");
    }

    @Test
    void countsFencedMemberEpochAndUnknownMemberIdAsFencedWithoutCause() {
        // When
        String report = HeartbeatTable.render("Kafka 4.4.0", List.of(), "Handoff", List.of(HANDOFF));

        // Then
        assertThat(report.lines().filter(line -> line.startsWith("fenced without cause"))).singleElement().asString()
                .contains(" 3 ");
        assertThat(report.lines().filter(line -> line.startsWith("error responses"))).singleElement().asString()
                .contains(" 7 ");
    }

    @Test
    void reportsTheMedianOfTheRunsAndEveryRunBesideIt() {
        // Given
        List<HeartbeatFigures> handoff = List.of(figures(900_000, Map.of()), figures(1_200_000, Map.of()),
                figures(50_000, Map.of()));

        // When
        String report = HeartbeatTable.render("Kafka 4.4.0", List.of(), "Handoff", handoff);

        // Then
        assertThat(report.lines().filter(line -> line.startsWith("heartbeats/s"))).singleElement().asString()
                .contains("90,000");
        assertThat(report).contains("Handoff runs (heartbeats/s @ p99 us): 90,000 @ 0, 120,000 @ 0, 5,000 @ 0");
        assertThat(report).contains("target: Handoff >= 100,000 heartbeats/s: NOT met");
    }

    @Test
    void comparesAVariantWithPlainHandoffWithoutATarget() {
        // When
        String report = HeartbeatTable.renderVariant("Handoff", List.of(KAFKA), "recorder off", List.of(HANDOFF));

        // Then
        assertThat(report.lines().findFirst()).hasValueSatisfying(header ->
                assertThat(header).contains("Handoff", "recorder off", "variant/plain"));
        assertThat(report.lines().filter(line -> line.startsWith("heartbeats/s"))).singleElement().asString()
                .endsWith("6.00x");
        assertThat(report).doesNotContain("target");
    }

    private static HeartbeatFigures figures(long successes, Map<Errors, Long> errors) {
        return new HeartbeatFigures(Duration.ofSeconds(10), successes, LatencyFigures.NONE, errors, 0, 0);
    }
}
