package dev.handoff.bench.heartbeat;

import dev.handoff.bench.Medians;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;
import org.apache.kafka.common.protocol.Errors;

/**
 * The heartbeat benchmark's report: each figure of two contenders side by side (the median over the repetitions)
 * and the ratio second / first. For Kafka against Handoff only the throughput row has a target (issue 4: at least
 * 100,000 heartbeats/s, judged on Handoff's own figure); a Handoff variant is compared with plain Handoff.
 */
final class HeartbeatTable {

    static final double TARGET_HEARTBEATS_PER_SECOND = 100_000;

    private static final String ROW_FORMAT = "%-24s %14s %14s %14s%n";
    private static final String MISSING = "-";
    private static final double NANOS_PER_MICRO = 1_000.0;

    private HeartbeatTable() {
    }

    /** One figure; {@code format} prints a value of it, e.g. {@code %,.0f}. */
    record Row(String figure, String format, OptionalDouble first, OptionalDouble second) {

        OptionalDouble ratio() {
            if (first.isEmpty() || second.isEmpty() || first.getAsDouble() == 0) {
                return OptionalDouble.empty();
            }
            return OptionalDouble.of(second.getAsDouble() / first.getAsDouble());
        }
    }

    /** The rows, each figure the median of the runs given (no runs: no value). */
    static List<Row> rows(List<HeartbeatFigures> first, List<HeartbeatFigures> second) {
        List<Row> rows = new ArrayList<>();
        rows.add(row("heartbeats/s", "%,.0f", first, second, HeartbeatFigures::heartbeatsPerSecond));
        rows.add(row("latency p50 (us)", "%,.0f", first, second, f -> micros(f.latency().p50().toNanos())));
        rows.add(row("latency p99 (us)", "%,.0f", first, second, f -> micros(f.latency().p99().toNanos())));
        rows.add(row("latency p99.9 (us)", "%,.0f", first, second, f -> micros(f.latency().p999().toNanos())));
        rows.add(row("latency max (us)", "%,.0f", first, second, f -> micros(f.latency().max().toNanos())));
        rows.add(row("error responses", "%,.0f", first, second,
                f -> f.errors().values().stream().mapToLong(Long::longValue).sum()));
        rows.add(row("fenced without cause", "%,.0f", first, second, HeartbeatFigures::fenced));
        return rows;
    }

    /** Kafka against Handoff, with the throughput target judged on Handoff's median. */
    static String render(String kafkaName, List<HeartbeatFigures> kafka, String handoffName,
                         List<HeartbeatFigures> handoff) {
        StringBuilder table = table(kafkaName, kafka, handoffName, handoff, "Handoff/Kafka");
        if (!handoff.isEmpty()) {
            double heartbeatsPerSecond = median(handoff, HeartbeatFigures::heartbeatsPerSecond);
            table.append(String.format(Locale.ROOT, "target: Handoff >= %,.0f heartbeats/s: %s%n",
                    TARGET_HEARTBEATS_PER_SECOND,
                    heartbeatsPerSecond >= TARGET_HEARTBEATS_PER_SECOND ? "met" : "NOT met"));
        }
        return table.toString();
    }

    /** A Handoff variant (other broker properties) against plain Handoff; the ratio is variant / plain. */
    static String renderVariant(String handoffName, List<HeartbeatFigures> handoff, String variantName,
                                List<HeartbeatFigures> variant) {
        return table(handoffName, handoff, variantName, variant, "variant/plain").toString();
    }

    private static StringBuilder table(String firstName, List<HeartbeatFigures> first, String secondName,
                                       List<HeartbeatFigures> second, String ratioHeader) {
        StringBuilder table = new StringBuilder();
        table.append(String.format(Locale.ROOT, ROW_FORMAT, "figure", firstName, secondName, ratioHeader));
        for (Row row : rows(first, second)) {
            OptionalDouble ratio = row.ratio();
            table.append(String.format(Locale.ROOT, ROW_FORMAT, row.figure(), value(row.format(), row.first()),
                    value(row.format(), row.second()),
                    ratio.isPresent() ? String.format(Locale.ROOT, "%.2fx", ratio.getAsDouble()) : MISSING));
        }
        table.append(runsLine(firstName, first)).append(runsLine(secondName, second));
        table.append(errorLine(firstName, first)).append(errorLine(secondName, second));
        return table;
    }

    /** Every run's throughput and p99, so the spread behind a median is visible. */
    private static String runsLine(String name, List<HeartbeatFigures> runs) {
        if (runs.size() < 2) {
            return "";
        }
        return name + " runs (heartbeats/s @ p99 us): " + runs.stream()
                .map(f -> String.format(Locale.ROOT, "%,.0f @ %,.0f", f.heartbeatsPerSecond(),
                        micros(f.latency().p99().toNanos())))
                .collect(Collectors.joining(", ")) + System.lineSeparator();
    }

    /** Error responses by code, summed over the runs. */
    private static String errorLine(String name, List<HeartbeatFigures> runs) {
        Map<Errors, Long> errors = new EnumMap<>(Errors.class);
        runs.forEach(f -> f.errors().forEach((error, count) -> errors.merge(error, count, Long::sum)));
        if (errors.isEmpty()) {
            return "";
        }
        return name + " errors: " + errors.entrySet().stream()
                .map(entry -> entry.getKey() + "=" + entry.getValue())
                .collect(Collectors.joining(", ")) + System.lineSeparator();
    }

    private static Row row(String figure, String format, List<HeartbeatFigures> first,
                           List<HeartbeatFigures> second, ToDoubleFunction<HeartbeatFigures> value) {
        return new Row(figure, format, medianOf(first, value), medianOf(second, value));
    }

    private static OptionalDouble medianOf(List<HeartbeatFigures> runs, ToDoubleFunction<HeartbeatFigures> value) {
        return runs.isEmpty() ? OptionalDouble.empty() : OptionalDouble.of(median(runs, value));
    }

    private static double median(List<HeartbeatFigures> runs, ToDoubleFunction<HeartbeatFigures> value) {
        return Medians.median(runs.stream().map(value::applyAsDouble).toList(), Comparator.naturalOrder());
    }

    private static String value(String format, OptionalDouble value) {
        return value.isPresent() ? String.format(Locale.ROOT, format, value.getAsDouble()) : MISSING;
    }

    private static double micros(long nanos) {
        return nanos / NANOS_PER_MICRO;
    }
}
