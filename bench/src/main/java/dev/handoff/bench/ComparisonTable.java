package dev.handoff.bench;

import dev.handoff.bench.BrokerFigures.LoadFigures;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

/**
 * The broker benchmark's report: one row per figure, Kafka and Handoff side by side, the ratio Handoff / Kafka
 * and whether it meets the project's target. Either broker may be missing (a run with {@code --only}).
 */
final class ComparisonTable {

    static final Target THROUGHPUT = Target.atLeast(1.0);
    static final Target STARTUP = Target.atMost(0.1);
    static final Target MEMORY = Target.atMost(0.3);

    private static final double BYTES_PER_MIB = 1024.0 * 1024.0;
    private static final String ROW_FORMAT = "%-32s %14s %14s %14s %9s %5s%n";
    private static final String MISSING = "-";

    private final List<Row> rows;
    private final String kafkaName;
    private final String handoffName;

    private ComparisonTable(List<Row> rows, String kafkaName, String handoffName) {
        this.rows = List.copyOf(rows);
        this.kafkaName = kafkaName;
        this.handoffName = handoffName;
    }

    /**
     * One figure.
     *
     * @param format how to print a value of it, e.g. {@code %,.0f}
     */
    record Row(String figure, String format, OptionalDouble kafka, OptionalDouble handoff, Target target) {

        OptionalDouble ratio() {
            if (kafka.isEmpty() || handoff.isEmpty() || kafka.getAsDouble() == 0) {
                return OptionalDouble.empty();
            }
            return OptionalDouble.of(handoff.getAsDouble() / kafka.getAsDouble());
        }
    }

    static ComparisonTable of(Optional<BrokerFigures> kafka, Optional<BrokerFigures> handoff) {
        List<Row> rows = new ArrayList<>();
        rows.add(row("startup (ms)", "%,.0f", kafka, handoff, f -> f.startupTime().toNanos() / 1e6, STARTUP));
        List<LoadFigures> loads = kafka.or(() -> handoff).map(BrokerFigures::loads).orElse(List.of());
        for (int i = 0; i < loads.size(); i++) {
            int index = i;
            String size = loads.get(i).recordSize() + " B";
            Function<BrokerFigures, LoadFigures> load = f -> f.loads().get(index);
            rows.add(row("produce " + size + " (records/s)", "%,.0f", kafka, handoff,
                    f -> load.apply(f).produce().recordsPerSecond(), THROUGHPUT));
            rows.add(row("produce " + size + " (MB/s)", "%,.1f", kafka, handoff,
                    f -> load.apply(f).produce().megabytesPerSecond(), THROUGHPUT));
            rows.add(row("consume " + size + " (records/s)", "%,.0f", kafka, handoff,
                    f -> load.apply(f).consume().recordsPerSecond(), THROUGHPUT));
            rows.add(row("consume " + size + " (MB/s)", "%,.1f", kafka, handoff,
                    f -> load.apply(f).consume().megabytesPerSecond(), THROUGHPUT));
        }
        rows.add(row("RSS idle (MiB)", "%,.0f", kafka, handoff, f -> mib(f.idleMemory().rssBytes()), MEMORY));
        rows.add(row("RSS after load (MiB)", "%,.0f", kafka, handoff, f -> mib(f.loadedMemory().rssBytes()), MEMORY));
        rows.add(row("peak RSS, VmHWM (MiB)", "%,.0f", kafka, handoff,
                f -> mib(f.loadedMemory().peakRssBytes()), MEMORY));
        return new ComparisonTable(rows,
                kafka.map(BrokerFigures::name).orElse("Kafka"), handoff.map(BrokerFigures::name).orElse("Handoff"));
    }

    List<Row> rows() {
        return rows;
    }

    String render() {
        StringBuilder table = new StringBuilder();
        table.append(String.format(Locale.ROOT, ROW_FORMAT, "figure", kafkaName, handoffName,
                "Handoff/Kafka", "target", "met"));
        for (Row row : rows) {
            OptionalDouble ratio = row.ratio();
            table.append(String.format(Locale.ROOT, ROW_FORMAT, row.figure(),
                    value(row.format(), row.kafka()), value(row.format(), row.handoff()),
                    ratio.isPresent() ? String.format(Locale.ROOT, "%.2fx", ratio.getAsDouble()) : MISSING,
                    row.target(), verdict(row)));
        }
        return table.toString();
    }

    private static String verdict(Row row) {
        OptionalDouble ratio = row.ratio();
        if (ratio.isEmpty()) {
            return MISSING;
        }
        return row.target().isMetBy(ratio.getAsDouble()) ? "yes" : "NO";
    }

    private static Row row(String figure, String format, Optional<BrokerFigures> kafka,
                           Optional<BrokerFigures> handoff, ToDoubleFunction<BrokerFigures> value, Target target) {
        return new Row(figure, format, valueOf(kafka, value), valueOf(handoff, value), target);
    }

    private static OptionalDouble valueOf(Optional<BrokerFigures> figures, ToDoubleFunction<BrokerFigures> value) {
        return figures.map(f -> OptionalDouble.of(value.applyAsDouble(f))).orElse(OptionalDouble.empty());
    }

    private static String value(String format, OptionalDouble value) {
        return value.isPresent() ? String.format(Locale.ROOT, format, value.getAsDouble()) : MISSING;
    }

    private static double mib(long bytes) {
        return bytes / BYTES_PER_MIB;
    }
}
