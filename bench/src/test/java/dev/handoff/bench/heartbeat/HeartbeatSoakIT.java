package dev.handoff.bench.heartbeat;

import static org.assertj.core.api.Assertions.assertThat;

import dev.handoff.testkit.EmbeddedHandoff;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bounded CI run of the soak (issue 8): thousands of protocol-level members in hundreds of groups on an
 * embedded Handoff with a 1 s heartbeat interval, seeded leaves and joins for 20 s. Latency is reported, never
 * asserted (timing goals belong to benchmarks); {@code ./bench.sh soak} is the long mode.
 */
class HeartbeatSoakIT {

    private static final Logger LOGGER = LoggerFactory.getLogger(HeartbeatSoakIT.class);
    /** Generous: the heap after GC at the end may be at most this many times the heap after all members joined. */
    private static final double HEAP_GROWTH_LIMIT = 2.0;

    @Test
    void keepsEveryMemberInItsGroupWithoutFencingWhileMembersComeAndGo() throws Exception {
        // Given
        SoakSettings settings = new SoakSettings(new LoadShape(2_000, 200, 2, 8, 4,
                LoadShape.DEFAULT_REBALANCE_TIMEOUT_MS), Duration.ofSeconds(20), 10, 848);
        Soak soak = new Soak(settings, 1);
        SoakReport report;

        // When
        try (EmbeddedHandoff broker = EmbeddedHandoff.builder()
                .brokerProperties(SoakSettings.brokerSettings(10_000, 1_000))
                .start()) {
            report = soak.run(broker.bootstrapServers(), HeapProbe.inProcess());
        }

        // Then
        LOGGER.info("Soak {}:\n{}", settings.describe(), report.render());
        assertThat(report.figures().successes()).isPositive();
        assertThat(report.figures().leaves()).isPositive();
        assertThat(report.fencedWithoutCause()).isZero();
        assertThat(report.failedMembers()).isZero();
        assertThat(report.heapEndBytes()).isLessThanOrEqualTo((long) (HEAP_GROWTH_LIMIT * report.heapStartBytes()));
    }
}
