package dev.handoff.bench.heartbeat;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.common.protocol.Errors;
import org.junit.jupiter.api.Test;

class HeartbeatTableTest {

    private static final HeartbeatFigures KAFKA = figures(200_000, Map.of());
    private static final HeartbeatFigures HANDOFF = figures(1_200_000,
            Map.of(Errors.FENCED_MEMBER_EPOCH, 2L, Errors.UNKNOWN_MEMBER_ID, 1L, Errors.NOT_COORDINATOR, 4L));

    @Test
    void comparesThroughputAsHandoffOverKafkaAndJudgesHandoffAgainstTheTarget() {
        // When
        String report = HeartbeatTable.render("Kafka 4.4.0", Optional.of(KAFKA), "Handoff", Optional.of(HANDOFF));

        // Then
        assertThat(report.lines().filter(line -> line.startsWith("heartbeats/s"))).singleElement().asString()
                .contains("20,000", "120,000").endsWith("6.00x");
        assertThat(report).contains("target: Handoff >= 100,000 heartbeats/s: met");
    }

    @Test
    void countsFencedMemberEpochAndUnknownMemberIdAsFencedWithoutCause() {
        // When
        String report = HeartbeatTable.render("Kafka 4.4.0", Optional.empty(), "Handoff", Optional.of(HANDOFF));

        // Then
        assertThat(report.lines().filter(line -> line.startsWith("fenced without cause"))).singleElement().asString()
                .contains(" 3 ");
        assertThat(report.lines().filter(line -> line.startsWith("error responses"))).singleElement().asString()
                .contains(" 7 ");
    }

    private static HeartbeatFigures figures(long successes, Map<Errors, Long> errors) {
        return new HeartbeatFigures(Duration.ofSeconds(10), successes, LatencyFigures.NONE, errors, 0, 0);
    }
}
