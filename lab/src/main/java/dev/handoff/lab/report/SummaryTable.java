package dev.handoff.lab.report;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import dev.handoff.lab.timeline.Timeline;

/** The terminal summary: one row per protocol, side by side. */
public final class SummaryTable {

    static final List<String> HEADERS = List.of("protocol", "rollout s", "stall s", "unavail part-s",
        "paused s (sum/max)", "rebalances", "disturbed/change (avg/max)", "latency p50/p99/max ms",
        "produced", "processed", "missing", "dup");

    private SummaryTable() {
    }

    /** @return the table, one line per row, columns padded to their widest cell */
    public static String render(List<Timeline> timelines) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(HEADERS);
        for (Timeline timeline : timelines) {
            rows.add(cells(timeline, RunMetrics.of(timeline)));
        }
        int[] widths = new int[HEADERS.size()];
        for (List<String> row : rows) {
            for (int i = 0; i < row.size(); i++) {
                widths[i] = Math.max(widths[i], row.get(i).length());
            }
        }
        StringBuilder out = new StringBuilder();
        for (int r = 0; r < rows.size(); r++) {
            List<String> row = rows.get(r);
            for (int i = 0; i < row.size(); i++) {
                String cell = row.get(i);
                out.append(i == 0 ? pad(cell, widths[i], false) : "  " + pad(cell, widths[i], true));
            }
            out.append('\n');
            if (r == 0) {
                out.append("-".repeat(widths.length * 2 + Arrays.stream(widths).sum() - 2)).append('\n');
            }
        }
        return out.toString();
    }

    static List<String> cells(Timeline timeline, RunMetrics m) {
        return List.of(
            timeline.protocol().cliName(),
            seconds(m.rolloutMs()),
            seconds(m.stallMs()),
            seconds(m.unavailablePartitionMs()),
            seconds(m.pausedTotalMs()) + " / " + seconds(m.pausedMaxMs()),
            Integer.toString(m.rebalances()),
            String.format(Locale.ROOT, "%.1f / %d", m.disturbedPerChange(), m.disturbedMaxPerChange()),
            m.latencyP50Ms() + " / " + m.latencyP99Ms() + " / " + m.latencyMaxMs(),
            Long.toString(m.produced()),
            Long.toString(m.processed()),
            Long.toString(m.missing()),
            Long.toString(m.duplicated()));
    }

    static String seconds(long ms) {
        return String.format(Locale.ROOT, "%.1f", ms / 1000.0);
    }

    private static String pad(String cell, int width, boolean right) {
        String spaces = " ".repeat(width - cell.length());
        return right ? spaces + cell : cell + spaces;
    }
}
