package dev.handoff.bench.heartbeat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;

/**
 * The heartbeat benchmark's report: each figure for Kafka and Handoff side by side and the ratio Handoff / Kafka.
 * Only the throughput row has a target (issue 4: at least 100,000 heartbeats/s, judged on Handoff's own figure).
 */
final class HeartbeatTable {

    static final double TARGET_HEARTBEATS_PER_SECOND = 100_000;

    private static final String ROW_FORMAT = "%-24s %14s %14s %14s%n";
    private static final String MISSING = "-";
    private static final double NANOS_PER_MICRO = 1_000.0;

    private HeartbeatTable() {
    }

    /** One figure; {@code format} prints a value of it, e.g. {@code %,.0f}. */
    record Row(String figure, String format, OptionalDouble kafka, OptionalDouble handoff) {

        OptionalDouble ratio() {
            if (kafka.isEmpty() || handoff.isEmpty() || kafka.getAsDouble() == 0) {
                return OptionalDouble.empty();
            }
            return OptionalDouble.of(handoff.getAsDouble() / kafka.getAsDouble());
        }
    }

    static List<Row> rows(Optional<HeartbeatFigures> kafka, Optional<HeartbeatFigures> handoff) {
        List<Row> rows = new ArrayList<>();
        rows.add(row("heartbeats/s", "%,.0f", kafka, handoff, HeartbeatFigures::heartbeatsPerSecond));
        rows.add(row("latency p50 (us)", "%,.0f", kafka, handoff, f -> micros(f.latency().p50().toNanos())));
        rows.add(row("latency p99 (us)", "%,.0f", kafka, handoff, f -> micros(f.latency().p99().toNanos())));
        rows.add(row("latency p99.9 (us)", "%,.0f", kafka, handoff, f -> micros(f.latency().p999().toNanos())));
        rows.add(row("latency max (us)", "%,.0f", kafka, handoff, f -> micros(f.latency().max().toNanos())));
        rows.add(row("error responses", "%,.0f", kafka, handoff,
                f -> f.errors().values().stream().mapToLong(Long::longValue).sum()));
        rows.add(row("fenced without cause", "%,.0f", kafka, handoff, HeartbeatFigures::fenced));
        return rows;
    }

    static String render(String kafkaName, Optional<HeartbeatFigures> kafka, String handoffName,
                         Optional<HeartbeatFigures> handoff) {
        StringBuilder table = new StringBuilder();
        table.append(String.format(Locale.ROOT, ROW_FORMAT, "figure", kafkaName, handoffName, "Handoff/Kafka"));
        for (Row row : rows(kafka, handoff)) {
            OptionalDouble ratio = row.ratio();
            table.append(String.format(Locale.ROOT, ROW_FORMAT, row.figure(), value(row.format(), row.kafka()),
                    value(row.format(), row.handoff()),
                    ratio.isPresent() ? String.format(Locale.ROOT, "%.2fx", ratio.getAsDouble()) : MISSING));
        }
        kafka.ifPresent(figures -> table.append(errorLine(kafkaName, figures.errors())));
        handoff.ifPresent(figures -> table.append(errorLine(handoffName, figures.errors())));
        handoff.ifPresent(figures -> table.append(String.format(Locale.ROOT,
                "target: Handoff >= %,.0f heartbeats/s: %s%n", TARGET_HEARTBEATS_PER_SECOND,
                figures.heartbeatsPerSecond() >= TARGET_HEARTBEATS_PER_SECOND ? "met" : "NOT met")));
        return table.toString();
    }

    private static String errorLine(String name, Map<?, Long> errors) {
        if (errors.isEmpty()) {
            return "";
        }
        return name + " errors: " + errors.entrySet().stream()
                .map(entry -> entry.getKey() + "=" + entry.getValue())
                .collect(Collectors.joining(", ")) + System.lineSeparator();
    }

    private static Row row(String figure, String format, Optional<HeartbeatFigures> kafka,
                           Optional<HeartbeatFigures> handoff, ToDoubleFunction<HeartbeatFigures> value) {
        return new Row(figure, format, valueOf(kafka, value), valueOf(handoff, value));
    }

    private static OptionalDouble valueOf(Optional<HeartbeatFigures> figures, ToDoubleFunction<HeartbeatFigures> value) {
        return figures.map(f -> OptionalDouble.of(value.applyAsDouble(f))).orElse(OptionalDouble.empty());
    }

    private static String value(String format, OptionalDouble value) {
        return value.isPresent() ? String.format(Locale.ROOT, format, value.getAsDouble()) : MISSING;
    }

    private static double micros(long nanos) {
        return nanos / NANOS_PER_MICRO;
    }
}
