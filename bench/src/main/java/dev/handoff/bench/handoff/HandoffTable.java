package dev.handoff.bench.handoff;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.TreeMap;
import java.util.function.DoublePredicate;
import java.util.function.Function;

/** The handoff benchmark's report as Markdown tables: the figures, Handoff's ratios to Kafka, and the targets. */
final class HandoffTable {

    /** An isolated join settles in at most this share of Kafka's time with fast heartbeats on. */
    static final double JOIN_TARGET_RATIO = 0.6;
    /** The median handoff of the rolling restart with fast heartbeats on stays under this. */
    static final long MEDIAN_HANDOFF_TARGET_MS = 1_000;
    /** Partition-seconds without an owner, fast on, at most this share of Kafka's consumer protocol. */
    static final double UNOWNED_TARGET_RATIO = 0.2;

    private static final String NONE = "—";

    /** The figures Handoff is compared to Kafka by, in milliseconds. */
    private enum Figure {
        JOIN("join settle", f -> f.settle().map(SettleFigures::medianJoinMs)),
        LEAVE("leave settle", f -> f.settle().map(SettleFigures::medianLeaveMs)),
        MEDIAN_HANDOFF("median handoff", f -> f.rolling().map(r -> r.handoffs().medianMs())),
        P99_HANDOFF("p99 handoff", f -> f.rolling().map(r -> r.handoffs().percentileMs(99))),
        UNOWNED("partition-seconds without an owner", f -> f.rolling().map(RollingFigures::unavailablePartitionMs));

        private final String label;
        private final Function<ContenderFigures, Optional<Long>> value;

        Figure(String label, Function<ContenderFigures, Optional<Long>> value) {
            this.label = label;
            this.value = value;
        }
    }

    private final Map<Contender, ContenderFigures> figures = new TreeMap<>();

    private HandoffTable(List<ContenderFigures> figures) {
        figures.forEach(f -> this.figures.put(f.contender(), f));
    }

    static String render(List<ContenderFigures> figures) {
        return new HandoffTable(figures).render();
    }

    private String render() {
        List<Contender> columns = List.copyOf(figures.keySet());
        StringBuilder text = new StringBuilder(header("figure", columns.stream().map(Contender::label).toList()));
        row(text, "isolated joins and leaves measured", columns,
                c -> settle(c).map(s -> Integer.toString(s.repetitions())));
        row(text, "join settle, median (ms)", columns, c -> value(c, Figure.JOIN).map(HandoffTable::ms));
        row(text, "join settle, min – max (ms)", columns, c -> settle(c).map(s -> range(s.joinMs())));
        row(text, "leave settle, median (ms)", columns, c -> value(c, Figure.LEAVE).map(HandoffTable::ms));
        row(text, "leave settle, min – max (ms)", columns, c -> settle(c).map(s -> range(s.leaveMs())));
        row(text, "rolling restart: handoffs (unfinished at the end)", columns, c -> rolling(c)
                .map(r -> r.handoffs().durationsMs().size() + " (" + r.handoffs().unfinished() + ")"));
        row(text, "rolling restart: median handoff (ms)", columns,
                c -> value(c, Figure.MEDIAN_HANDOFF).map(HandoffTable::ms));
        row(text, "rolling restart: p99 handoff (ms)", columns,
                c -> value(c, Figure.P99_HANDOFF).map(HandoffTable::ms));
        row(text, "rolling restart: partition-seconds without an owner", columns,
                c -> value(c, Figure.UNOWNED).map(HandoffTable::seconds));
        row(text, "rolling restart: first step to last assignment change (s)", columns,
                c -> rolling(c).map(r -> seconds(r.rolloutMs())));
        row(text, "rolling restart: records never processed", columns,
                c -> rolling(c).map(r -> Long.toString(r.missing())));
        row(text, "load average, 1 min (start → end)", columns, c -> Optional.of(figures.get(c).load()));
        return text.append('\n').append(ratios()).append('\n').append(targets()).toString();
    }

    private String ratios() {
        StringBuilder text = new StringBuilder(header("Handoff / Kafka", List.of(
                "fast on / Kafka consumer", "fast off / Kafka consumer", "fast on / Kafka classic eager")));
        for (Figure figure : Figure.values()) {
            text.append(line(figure.label, List.of(
                    times(ratio(Contender.HANDOFF_FAST_ON, Contender.KAFKA_CONSUMER, figure)),
                    times(ratio(Contender.HANDOFF_FAST_OFF, Contender.KAFKA_CONSUMER, figure)),
                    times(ratio(Contender.HANDOFF_FAST_ON, Contender.KAFKA_CLASSIC_EAGER, figure)))));
        }
        return text.toString();
    }

    private String targets() {
        StringBuilder text = new StringBuilder(
                header("target (Handoff fast on)", List.of("measured", "goal", "result")));
        OptionalDouble join = ratio(Contender.HANDOFF_FAST_ON, Contender.KAFKA_CONSUMER, Figure.JOIN);
        text.append(target("isolated join settle / Kafka consumer", times(join),
                String.format(Locale.ROOT, "≤ %.1fx", JOIN_TARGET_RATIO), join, r -> r <= JOIN_TARGET_RATIO));
        Optional<Long> median = value(Contender.HANDOFF_FAST_ON, Figure.MEDIAN_HANDOFF);
        text.append(target("rolling restart median handoff", median.map(m -> ms(m) + " ms").orElse(NONE),
                "< " + ms(MEDIAN_HANDOFF_TARGET_MS) + " ms",
                median.map(OptionalDouble::of).orElse(OptionalDouble.empty()), m -> m < MEDIAN_HANDOFF_TARGET_MS));
        OptionalDouble vsConsumer = ratio(Contender.HANDOFF_FAST_ON, Contender.KAFKA_CONSUMER, Figure.UNOWNED);
        text.append(target("partition-seconds without an owner / Kafka consumer", times(vsConsumer),
                String.format(Locale.ROOT, "≤ %.1fx", UNOWNED_TARGET_RATIO), vsConsumer,
                r -> r <= UNOWNED_TARGET_RATIO));
        OptionalDouble vsEager = ratio(Contender.HANDOFF_FAST_ON, Contender.KAFKA_CLASSIC_EAGER, Figure.UNOWNED);
        text.append(target("partition-seconds without an owner / Kafka classic eager", times(vsEager), "< 1.0x",
                vsEager, r -> r < 1.0));
        return text.toString();
    }

    private static String target(String name, String measured, String goal, OptionalDouble value, DoublePredicate met) {
        String result = value.isEmpty() ? "not measured" : met.test(value.getAsDouble()) ? "PASS" : "FAIL";
        return line(name, List.of(measured, goal, result));
    }

    private OptionalDouble ratio(Contender handoff, Contender kafka, Figure figure) {
        Optional<Long> numerator = value(handoff, figure);
        Optional<Long> denominator = value(kafka, figure);
        if (numerator.isEmpty() || denominator.isEmpty() || denominator.get() == 0) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of((double) numerator.get() / denominator.get());
    }

    private Optional<Long> value(Contender contender, Figure figure) {
        return Optional.ofNullable(figures.get(contender)).flatMap(figure.value);
    }

    private Optional<SettleFigures> settle(Contender contender) {
        return Optional.ofNullable(figures.get(contender)).flatMap(ContenderFigures::settle);
    }

    private static String range(List<Long> values) {
        return ms(Collections.min(values)) + " – " + ms(Collections.max(values));
    }

    private Optional<RollingFigures> rolling(Contender contender) {
        return Optional.ofNullable(figures.get(contender)).flatMap(ContenderFigures::rolling);
    }

    private static void row(StringBuilder text, String name, List<Contender> columns,
                            Function<Contender, Optional<String>> cell) {
        List<String> cells = new ArrayList<>();
        columns.forEach(c -> cells.add(cell.apply(c).orElse(NONE)));
        text.append(line(name, cells));
    }

    private static String header(String first, List<String> columns) {
        StringBuilder rule = new StringBuilder("|---|");
        columns.forEach(c -> rule.append("---:|"));
        return line(first, columns) + rule + '\n';
    }

    private static String line(String first, List<String> cells) {
        return "| " + first + " | " + String.join(" | ", cells) + " |\n";
    }

    private static String ms(long value) {
        return String.format(Locale.ROOT, "%,d", value);
    }

    private static String seconds(long millis) {
        return String.format(Locale.ROOT, "%,.1f", millis / 1000.0);
    }

    private static String times(OptionalDouble ratio) {
        return ratio.isPresent() ? String.format(Locale.ROOT, "%.2fx", ratio.getAsDouble()) : NONE;
    }
}
