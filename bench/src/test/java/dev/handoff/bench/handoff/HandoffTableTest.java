package dev.handoff.bench.handoff;

import static org.assertj.core.api.Assertions.assertThat;

import dev.handoff.lab.timeline.EventKind;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class HandoffTableTest {

    @Test
    void passesTheTargetsHandoffMeets() {
        // Given
        List<ContenderFigures> figures = List.of(
                figures(Contender.KAFKA_CONSUMER, 5_000, 270_000, 4_000),
                figures(Contender.KAFKA_CLASSIC_EAGER, 6_000, 130_000, 3_000),
                figures(Contender.HANDOFF_FAST_ON, 2_000, 20_000, 400));

        // When
        String table = HandoffTable.render(figures);

        // Then
        assertThat(table)
                .contains("| join settle | 0.40x | — | 0.33x |")
                .contains("| isolated join settle / Kafka consumer | 0.40x | ≤ 0.6x | PASS |")
                .contains("| rolling restart median handoff | 400 ms | < 1,000 ms | PASS |")
                .contains("| partition-seconds without an owner / Kafka consumer | 0.07x | ≤ 0.2x | PASS |")
                .contains("| partition-seconds without an owner / Kafka classic eager | 0.15x | < 1.0x | PASS |");
    }

    @Test
    void failsAMissedTargetAndSaysWhatWasNotMeasured() {
        // Given
        List<ContenderFigures> figures = List.of(
                figures(Contender.KAFKA_CONSUMER, 5_000, 270_000, 4_000),
                figures(Contender.HANDOFF_FAST_ON, 4_000, 100_000, 1_200));

        // When
        String table = HandoffTable.render(figures);

        // Then
        assertThat(table)
                .contains("| isolated join settle / Kafka consumer | 0.80x | ≤ 0.6x | FAIL |")
                .contains("| rolling restart median handoff | 1,200 ms | < 1,000 ms | FAIL |")
                .contains("| partition-seconds without an owner / Kafka classic eager | — | < 1.0x | not measured |");
    }

    @Test
    void showsEveryContenderAsAColumnInTheBenchmarksOrder() {
        // Given
        List<ContenderFigures> figures = List.of(
                figures(Contender.HANDOFF_FAST_OFF, 4_500, 250_000, 4_000),
                figures(Contender.KAFKA_CONSUMER, 5_000, 270_000, 4_000));

        // When
        String table = HandoffTable.render(figures);

        // Then
        assertThat(table.lines().findFirst()).hasValue("| figure | Kafka consumer | Handoff fast off |");
        assertThat(table).contains("| rolling restart: partition-seconds without an owner | 270.0 | 250.0 |");
    }

    @Test
    void showsHowManyJoinsEachContenderMeasuredAndTheirSpread() {
        // Given
        List<ContenderFigures> figures = List.of(
                figures(Contender.KAFKA_CONSUMER, 5_000, 270_000, 4_000),
                new ContenderFigures(Contender.HANDOFF_FAST_ON, Optional.of(new SettleFigures(
                        List.of(700L, 3_100L, 5_100L, 2_000L, 2_900L), List.of(600L, 5_300L, 3_500L, 4_000L, 1_000L))),
                        Optional.empty(), "1.0 → 2.0"));

        // When
        String table = HandoffTable.render(figures);

        // Then
        assertThat(table)
                .contains("| isolated joins and leaves measured | 3 | 5 |")
                .contains("| join settle, median (ms) | 5,000 | 2,900 |")
                .contains("| join settle, min – max (ms) | 4,999 – 5,001 | 700 – 5,100 |")
                .contains("| leave settle, min – max (ms) | 1,000 – 1,000 | 600 – 5,300 |");
    }

    private static ContenderFigures figures(Contender contender, long joinMs, long unownedMs, long handoffMs) {
        SettleFigures settle = new SettleFigures(List.of(joinMs, joinMs + 1, joinMs - 1), List.of(1_000L));
        RollingFigures rolling = new RollingFigures(new Handoffs(List.of(
                new Handoffs.Handoff(0, 20_000, 20_000 + handoffMs, EventKind.REVOKED, "c000.0", "c001.0")), 0),
                unownedMs, 200_000, 0);
        return new ContenderFigures(contender, Optional.of(settle), Optional.of(rolling), "1.0 → 2.0");
    }
}
