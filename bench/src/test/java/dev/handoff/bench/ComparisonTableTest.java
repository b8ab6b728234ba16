package dev.handoff.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.handoff.bench.BrokerFigures.LoadFigures;
import dev.handoff.bench.ComparisonTable.Row;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

class ComparisonTableTest {

    private static final long MIB = 1024 * 1024;

    private static final BrokerFigures KAFKA = figures("Kafka 4.4.0", 2_000, 400, Duration.ofSeconds(2));
    private static final BrokerFigures HANDOFF = figures("Handoff", 160, 100, Duration.ofSeconds(4));

    @Test
    void comparesEachFigureAsHandoffOverKafka() {
        // When
        ComparisonTable table = ComparisonTable.of(Optional.of(KAFKA), Optional.of(HANDOFF));

        // Then
        assertThat(row(table, "startup (ms)").ratio()).hasValueCloseTo(0.08, within());
        assertThat(row(table, "produce 100 B (records/s)").ratio()).hasValueCloseTo(0.5, within());
        assertThat(row(table, "RSS after load (MiB)").ratio()).hasValueCloseTo(0.25, within());
    }

    @Test
    void judgesThroughputAgainstAFloorAndStartupAndMemoryAgainstACeiling() {
        // When
        String report = ComparisonTable.of(Optional.of(KAFKA), Optional.of(HANDOFF)).render();

        // Then
        assertThat(report.lines().filter(line -> line.startsWith("startup"))).singleElement().asString()
                .contains("0.08x", "<= 0.1x").endsWith("yes");
        assertThat(report.lines().filter(line -> line.startsWith("produce 100 B (records/s)"))).singleElement()
                .asString().contains("0.50x", ">= 1.0x").endsWith("NO");
        assertThat(report.lines().filter(line -> line.startsWith("RSS idle"))).singleElement().asString()
                .contains("0.25x", "<= 0.3x").endsWith("yes");
    }

    @Test
    void leavesTheRatioOutWhenOnlyOneBrokerRan() {
        // When
        ComparisonTable table = ComparisonTable.of(Optional.of(KAFKA), Optional.empty());

        // Then
        assertThat(table.rows()).isNotEmpty().allSatisfy(row -> {
            assertThat(row.kafka()).isPresent();
            assertThat(row.handoff()).isEmpty();
            assertThat(row.ratio()).isEmpty();
        });
    }

    @Test
    void reportsProduceAndConsumeInRecordsAndMegabytesPerSecond() {
        // When
        ComparisonTable table = ComparisonTable.of(Optional.of(KAFKA), Optional.empty());

        // Then
        assertThat(row(table, "produce 100 B (records/s)").kafka()).hasValueCloseTo(500_000.0, within());
        assertThat(row(table, "produce 100 B (MB/s)").kafka()).hasValueCloseTo(1e8 / MIB / 2, within());
        assertThat(row(table, "consume 100 B (records/s)").kafka()).hasValueCloseTo(1_000_000.0, within());
    }

    private static Row row(ComparisonTable table, String figure) {
        return table.rows().stream().filter(row -> row.figure().equals(figure)).findFirst().orElseThrow();
    }

    private static Offset<Double> within() {
        return Offset.offset(1e-6);
    }

    /** A million 100-byte records, consumed in one second and produced in {@code produceTime}. */
    private static BrokerFigures figures(String name, long startupMillis, long rssMib, Duration produceTime) {
        MemoryUsage memory = new MemoryUsage(rssMib * MIB, rssMib * MIB);
        Throughput produce = new Throughput(1_000_000, 100_000_000, produceTime);
        Throughput consume = new Throughput(1_000_000, 100_000_000, Duration.ofSeconds(1));
        return new BrokerFigures(name, Duration.ofMillis(startupMillis), memory, memory,
                List.of(new LoadFigures(100, produce, consume)));
    }
}
