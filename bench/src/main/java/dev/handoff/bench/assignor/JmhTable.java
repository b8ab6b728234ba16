package dev.handoff.bench.assignor;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Pairs the Handoff and Kafka results of {@link ServerAssignorBenchmark} runs ({@code -rf json}) that share
 * every other parameter, and prints them as a Markdown table with the ratio Handoff / Kafka.
 */
final class JmhTable {

    /** The parameters that name a row, in column order; {@code implementation} is what a row compares. */
    private static final List<String> COLUMNS =
            List.of("assignor", "members", "partitionsPerMember", "topics", "subscription", "change", "racks");

    private record Score(double score, double error) {
    }

    private final Map<List<String>, Map<String, Score>> rows = new LinkedHashMap<>();

    /** Reads the results of JMH JSON files; a later file's result replaces an earlier one with the same parameters. */
    static JmhTable read(List<Path> files) throws IOException {
        JmhTable table = new JmhTable();
        ObjectMapper mapper = new ObjectMapper();
        for (Path file : files) {
            for (JsonNode result : mapper.readTree(file.toFile())) {
                JsonNode params = result.path("params");
                List<String> key = new ArrayList<>();
                for (String column : COLUMNS) {
                    key.add(params.path(column).asText());
                }
                JsonNode metric = result.path("primaryMetric");
                table.rows.computeIfAbsent(key, k -> new LinkedHashMap<>()).put(params.path("implementation").asText(),
                        new Score(metric.path("score").asDouble(), metric.path("scoreError").asDouble()));
            }
        }
        return table;
    }

    void print(PrintWriter out) {
        out.println("| assignor | members | partitions/member | topics | subscriptions | change | racks "
                + "| Handoff ms | Kafka ms | Handoff/Kafka |");
        out.println("|---|---:|---:|---:|---|---|---:|---:|---:|---:|");
        List<List<String>> keys = new ArrayList<>(rows.keySet());
        keys.sort(Comparator.comparing((List<String> k) -> k.get(0))
                .thenComparingInt(k -> Integer.parseInt(k.get(1)))
                .thenComparingInt(k -> Integer.parseInt(k.get(2)))
                .thenComparingInt(k -> Integer.parseInt(k.get(3)))
                .thenComparing(k -> k.get(4))
                .thenComparing(k -> Scenario.Change.valueOf(k.get(5)))
                .thenComparingInt(k -> Integer.parseInt(k.get(6))));
        for (List<String> key : keys) {
            Score handoff = rows.get(key).get(AssignorUnderTest.Implementation.HANDOFF.name());
            Score kafka = rows.get(key).get(AssignorUnderTest.Implementation.KAFKA.name());
            out.printf(Locale.ROOT, "| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |%n", key.get(0), key.get(1),
                    key.get(2), key.get(3), key.get(4).toLowerCase(Locale.ROOT), change(key.get(5)), key.get(6),
                    format(handoff), format(kafka), ratio(handoff, kafka));
        }
        out.flush();
    }

    private static String change(String change) {
        return switch (Scenario.Change.valueOf(change)) {
            case FULL -> "full";
            case JOIN -> "one joins";
            case LEAVE -> "one leaves";
            case PARTITIONS_ADDED -> "partitions added";
        };
    }

    private static String format(Score score) {
        return score == null ? "-" : String.format(Locale.ROOT, "%s ± %s", significant(score.score()),
                significant(score.error()));
    }

    private static String ratio(Score handoff, Score kafka) {
        return handoff == null || kafka == null ? "-"
                : String.format(Locale.ROOT, "%.2f×", handoff.score() / kafka.score());
    }

    /** Three significant digits, enough for scores whose errors are rarely below 1 %. */
    private static String significant(double value) {
        if (value >= 100) {
            return String.format(Locale.ROOT, "%.0f", value);
        }
        if (value >= 10) {
            return String.format(Locale.ROOT, "%.1f", value);
        }
        if (value >= 1) {
            return String.format(Locale.ROOT, "%.2f", value);
        }
        return String.format(Locale.ROOT, "%.3f", value);
    }
}
