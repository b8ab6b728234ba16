package dev.handoff.lab.report;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

import dev.handoff.lab.scenario.RolloutAction;
import dev.handoff.lab.timeline.EventKind;
import dev.handoff.lab.timeline.Timeline;
import dev.handoff.lab.timeline.TimelineEvent;

/**
 * The self-contained HTML report: inline CSS and SVG only, so it opens offline. A pure function of the timelines:
 * the same timelines give byte-identical HTML.
 */
public final class HtmlReport {

    static final int MAX_LANES = 160;
    private static final int WIDTH = 1100;
    private static final int LABEL = 70;
    private static final int MAX_SEQUENCE_ROWS = 70;
    private static final int MAX_SEQUENCE_MEMBERS = 7;
    private static final String CSS = """
        body{font-family:system-ui,sans-serif;margin:24px;color:#222}
        table{border-collapse:collapse;font-size:13px}td,th{border:1px solid #ccc;padding:3px 8px;text-align:right}
        th{background:#f0f0f0}td:first-child{text-align:left}
        h2{margin-top:40px;border-bottom:2px solid #333}.note{color:#666;font-size:12px}
        .own{fill:#9ecae1}.work{fill:#31a354}.pause{fill:#de2d26}.stop{fill:#000}.start{fill:#3182bd}
        .change{stroke:#bbb;stroke-dasharray:2,3}.axis{stroke:#888}.lbl{font-size:9px;fill:#444}
        .curve{fill:none;stroke:#3182bd;stroke-width:1.2}.lat{fill:none;stroke:#e6550d;stroke-width:1.2}
        .life{stroke:#aaa;stroke-dasharray:4,3}.msg{stroke:#555;marker-end:url(#arrow)}.rsp{stroke:#3182bd;stroke-dasharray:3,2}
        .box{fill:#fff;stroke:#333}.boxr{fill:#fdd;stroke:#de2d26}.boxa{fill:#dfd;stroke:#31a354}
        .boxc{fill:#eef;stroke:#3182bd}
        """;

    private HtmlReport() {
    }

    /** @return the whole report */
    public static String render(String title, List<Timeline> timelines) {
        StringBuilder html = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n<title>")
            .append(Svg.escape(title)).append("</title>\n<style>\n").append(CSS).append("</style></head><body>\n")
            .append("<h1>").append(Svg.escape(title)).append("</h1>\n");
        if (!timelines.isEmpty()) {
            html.append("<p class=\"note\">").append(Svg.escape(timelines.get(0).mode())).append(" &middot; ")
                .append(Svg.escape(timelines.get(0).scenario().toString())).append("</p>\n");
        }
        html.append(summary(timelines));
        for (Timeline timeline : timelines) {
            html.append("<h2>").append(timeline.protocol().cliName()).append("</h2>\n")
                .append("<h3>Swimlanes</h3><p class=\"note\">one lane per pod slot; blue: owns partitions, green: "
                    + "processed records in that second, red: paused (owns nothing while waiting for the rebalance), "
                    + "black tick: stopped or killed; dashed: membership changes</p>\n")
                .append(swimlanes(timeline))
                .append("<h3>Group throughput (records/s)</h3>\n").append(chart(Series.throughputPerSecond(timeline),
                    timeline, "curve"))
                .append("<h3>End-to-end latency, highest per second (ms)</h3>\n")
                .append(chart(Series.maxLatencyPerSecond(timeline), timeline, "lat"))
                .append("<h3>Zoom on one membership change</h3>\n").append(sequence(timeline));
        }
        return html.append("</body></html>\n").toString();
    }

    private static String summary(List<Timeline> timelines) {
        StringBuilder out = new StringBuilder("<table><tr>");
        SummaryTable.HEADERS.forEach(h -> out.append("<th>").append(Svg.escape(h)).append("</th>"));
        out.append("</tr>\n");
        for (Timeline timeline : timelines) {
            out.append("<tr>");
            SummaryTable.cells(timeline, RunMetrics.of(timeline))
                .forEach(c -> out.append("<td>").append(Svg.escape(c)).append("</td>"));
            out.append("</tr>\n");
        }
        return out.append("</table>\n").toString();
    }

    private static double x(long atMs, long endMs) {
        return LABEL + (WIDTH - LABEL - 10) * (double) atMs / Math.max(1, endMs);
    }

    private static String swimlanes(Timeline timeline) {
        int slots = Math.min(timeline.scenario().consumers(), MAX_LANES);
        double lane = Math.max(3, Math.min(14, 640.0 / slots));
        long end = timeline.plan().endMs();
        int height = (int) Math.ceil(slots * lane) + 30;
        Svg svg = new Svg(WIDTH, height);
        for (long change : changeTimes(timeline)) {
            svg.line(x(change, end), 0, x(change, end), slots * lane, "change");
        }
        Map<String, Integer> slotOf = new HashMap<>();
        timeline.events().forEach(e -> slotOf.putIfAbsent(e.member(), e.slot()));
        heldIntervals(timeline).forEach((member, intervals) -> {
            int slot = slotOf.get(member);
            if (slot < slots) {
                intervals.forEach(i -> svg.rect(x(i.fromMs(), end), slot * lane, x(i.toMs(), end) - x(i.fromMs(), end),
                    lane - 1, "own", member));
            }
        });
        Map<String, Set<Long>> workSeconds = new TreeMap<>();
        for (TimelineEvent e : timeline.events()) {
            if (e.kind() == EventKind.PROCESSED && e.slot() < slots) {
                workSeconds.computeIfAbsent(e.member(), m -> new TreeSet<>()).add(e.atMs() / 1000);
            }
        }
        workSeconds.forEach((member, seconds) -> {
            int slot = slotOf.get(member);
            seconds.forEach(s -> svg.rect(x(s * 1000, end), slot * lane + lane * 0.3,
                x(s * 1000 + 1000, end) - x(s * 1000, end), lane * 0.4, "work", null));
        });
        Ownership.pausedIntervalsByMember(timeline.events(), end).forEach((member, intervals) -> {
            int slot = slotOf.get(member);
            if (slot < slots) {
                intervals.forEach(i -> svg.rect(x(i.fromMs(), end), slot * lane, x(i.toMs(), end) - x(i.fromMs(), end),
                    lane - 1, "pause", member + " paused " + i.length() + " ms"));
            }
        });
        for (TimelineEvent e : timeline.events()) {
            if ((e.kind() == EventKind.STOPPED || e.kind() == EventKind.KILLED) && e.slot() < slots) {
                svg.rect(x(e.atMs(), end) - 1, e.slot() * lane, 2, lane - 1, "stop", e.member() + " " + e.kind());
            }
        }
        for (int s = 0; s < slots; s += Math.max(1, (int) Math.ceil(10 / lane))) {
            svg.text(2, s * lane + Math.min(lane, 10), "slot " + s, "lbl");
        }
        timeAxis(svg, end, slots * lane + 12);
        String note = timeline.scenario().consumers() > slots
            ? "<p class=\"note\">showing the first " + slots + " of " + timeline.scenario().consumers() + " slots</p>\n"
            : "";
        return svg.close() + note;
    }

    private static void timeAxis(Svg svg, long end, double y) {
        svg.line(LABEL, y - 8, WIDTH - 10, y - 8, "axis");
        long step = niceStep(end / 10);
        for (long t = 0; t <= end; t += step) {
            svg.text(x(t, end) - 6, y + 4, (t / 1000) + "s", "lbl");
        }
    }

    private static long niceStep(long rough) {
        long[] steps = {1_000, 2_000, 5_000, 10_000, 20_000, 30_000, 60_000, 120_000, 300_000, 600_000, 1_800_000};
        for (long s : steps) {
            if (s >= rough) {
                return s;
            }
        }
        return 3_600_000;
    }

    private static Set<Long> changeTimes(Timeline timeline) {
        return timeline.plan().actions().stream().map(RolloutAction::atMs).filter(t -> t > 0)
            .collect(Collectors.toCollection(TreeSet::new));
    }

    /** @return per member, the intervals in which it held at least one partition */
    static Map<String, List<Interval>> heldIntervals(Timeline timeline) {
        Map<String, TreeSet<Integer>> held = new HashMap<>();
        Map<String, Long> since = new HashMap<>();
        Map<String, List<Interval>> intervals = new TreeMap<>();
        for (TimelineEvent e : timeline.events()) {
            TreeSet<Integer> mine = held.computeIfAbsent(e.member(), m -> new TreeSet<>());
            boolean before = !mine.isEmpty();
            switch (e.kind()) {
                case ASSIGNED -> mine.addAll(e.partitions());
                case REVOKED, LOST -> mine.removeAll(e.partitions());
                case STOPPED, KILLED -> mine.clear();
                default -> {
                    continue;
                }
            }
            if (!before && !mine.isEmpty()) {
                since.put(e.member(), e.atMs());
            } else if (before && mine.isEmpty()) {
                intervals.computeIfAbsent(e.member(), m -> new ArrayList<>())
                    .add(new Interval(since.remove(e.member()), e.atMs()));
            }
        }
        since.forEach((member, from) -> intervals.computeIfAbsent(member, m -> new ArrayList<>())
            .add(new Interval(from, timeline.plan().endMs())));
        return intervals;
    }

    private static String chart(double[] perSecond, Timeline timeline, String cssClass) {
        int height = 160;
        long end = timeline.plan().endMs();
        double max = 1;
        for (double v : perSecond) {
            max = Math.max(max, v);
        }
        Svg svg = new Svg(WIDTH, height + 20);
        for (long change : changeTimes(timeline)) {
            svg.line(x(change, end), 0, x(change, end), height, "change");
        }
        double[] xs = new double[perSecond.length];
        double[] ys = new double[perSecond.length];
        for (int i = 0; i < perSecond.length; i++) {
            xs[i] = x(i * 1000L + 500, end);
            ys[i] = height - (height - 10) * perSecond[i] / max;
        }
        svg.polyline(xs, ys, cssClass);
        svg.text(2, 12, Svg.num(max), "lbl").text(2, height, "0", "lbl");
        timeAxis(svg, end, height + 16);
        return svg.close();
    }

    private static String sequence(Timeline timeline) {
        RolloutAction change = timeline.plan().actions().stream()
            .filter(a -> a.atMs() > 0 && a.kind() == RolloutAction.Kind.STOP)
            .findFirst().orElse(null);
        if (change == null) {
            return "<p class=\"note\">no membership change</p>\n";
        }
        long from = change.atMs() - 200;
        long to = timeline.plan().actions().stream().mapToLong(RolloutAction::atMs)
            .filter(t -> t > change.atMs() + timeline.scenario().podStartDelayMs()).min()
            .orElse(timeline.plan().endMs());
        List<TimelineEvent> window = timeline.events().stream()
            .filter(e -> e.atMs() >= from && e.atMs() < to && e.kind() != EventKind.PROCESSED)
            .toList();
        Set<String> members = new LinkedHashSet<>();
        members.add(change.member());
        window.stream().filter(e -> e.slot() == change.slot()).forEach(e -> members.add(e.member()));
        window.stream().filter(e -> e.kind() == EventKind.REVOKED || e.kind() == EventKind.LOST
                || e.kind() == EventKind.ASSIGNED || e.kind() == EventKind.REVOCATION_REQUESTED
                || e.kind() == EventKind.PARTITIONS_ASSIGNED)
            .filter(e -> !e.partitions().isEmpty())
            .forEach(e -> {
                if (members.size() < MAX_SEQUENCE_MEMBERS) {
                    members.add(e.member());
                }
            });
        List<String> lanes = new ArrayList<>(members);
        List<TimelineEvent> shown = window.stream()
            .filter(e -> members.contains(e.member()) || e.kind().isCoordinatorStep()).toList();
        List<TimelineEvent> rows = shown.stream().limit(MAX_SEQUENCE_ROWS).toList();
        int column = 130;
        int rowHeight = 18;
        int width = LABEL + column * (lanes.size() + 1) + 60;
        Svg svg = new Svg(width, 40 + rowHeight * rows.size() + 10).arrowMarker();
        double coordinatorX = LABEL + column / 2.0;
        svg.text(coordinatorX - 30, 14, "coordinator", "lbl");
        svg.line(coordinatorX, 20, coordinatorX, 30 + rowHeight * rows.size(), "life");
        for (int i = 0; i < lanes.size(); i++) {
            double laneX = LABEL + column * (i + 1.5);
            svg.text(laneX - 20, 14, lanes.get(i), "lbl");
            svg.line(laneX, 20, laneX, 30 + rowHeight * rows.size(), "life");
        }
        for (int r = 0; r < rows.size(); r++) {
            TimelineEvent e = rows.get(r);
            double y = 34 + rowHeight * r;
            double laneX = LABEL + column * (lanes.indexOf(e.member()) + 1.5);
            svg.text(2, y + 4, "+" + (e.atMs() - change.atMs()) + " ms", "lbl");
            if (e.kind().isCoordinatorStep()) {
                svg.rect(coordinatorX - 4, y - 9, column - 10, 14, "boxc", null)
                    .text(coordinatorX, y + 2, label(e), "lbl");
                continue;
            }
            switch (e.kind()) {
                case HEARTBEAT, JOIN, SYNC, MEMBER_JOINED, MEMBER_LEFT, REVOCATION_COMPLETED ->
                    svg.line(laneX, y, coordinatorX + 4, y, "msg")
                        .text((laneX + coordinatorX) / 2 - 20, y - 2, label(e), "lbl");
                case RESPONSE, REVOCATION_REQUESTED, PARTITIONS_ASSIGNED, MEMBER_FENCED ->
                    svg.line(coordinatorX, y, laneX - 4, y, "rsp")
                        .text((laneX + coordinatorX) / 2 - 20, y - 2, label(e), "lbl");
                default -> {
                    String css = e.kind() == EventKind.ASSIGNED ? "boxa"
                        : e.kind() == EventKind.REVOKED || e.kind() == EventKind.LOST ? "boxr" : "box";
                    svg.rect(laneX - 4, y - 9, column - 10, 14, css, null).text(laneX, y + 2, label(e), "lbl");
                }
            }
        }
        String note = "<p class=\"note\">" + Svg.escape(change.member()) + " stops at "
            + change.atMs() + " ms; events until " + to + " ms"
            + (shown.size() > rows.size() ? "; first " + rows.size() + " events shown" : "")
            + ". Boxes on a consumer's line are its rebalance callbacks (green: assigned, red: revoked or lost); "
            + "solid arrows go to the coordinator, dashed ones come from it; boxes on the coordinator's line are its "
            + "own steps. " + messageSource(timeline) + "</p>\n";
        return note + svg.close();
    }

    /** Where the diagram's messages come from, which depends on the run's mode and cluster. */
    private static String messageSource(Timeline timeline) {
        if (timeline.events().stream().anyMatch(e -> e.kind().isRecordedByCoordinator())) {
            return "Messages: the coordinator's flight recorder, at the coordinator's time (it records what changes "
                + "the group: joins, leaves, fencing, revocations, assignments, epochs, classic join and sync phases; "
                + "not the heartbeats in between).";
        }
        if (timeline.events().stream().anyMatch(e -> e.kind() == EventKind.HEARTBEAT || e.kind() == EventKind.JOIN
            || e.kind() == EventKind.SYNC || e.kind() == EventKind.RESPONSE)) {
            return "Messages: the simulated members' requests and the coordinator's answers.";
        }
        return "Callbacks only: real clients do not expose their requests, and only the lab's own Handoff broker "
            + "has a recording of the coordinator's side to read.";
    }

    private static String label(TimelineEvent e) {
        String partitions = e.partitions().isEmpty() ? ""
            : " " + (e.partitions().size() > 6 ? e.partitions().size() + " partitions" : e.partitions().toString());
        String epoch = e.value() != 0 && e.kind() != EventKind.PROCESSED ? " e" + e.value() : "";
        String counted = switch (e.kind()) {
            case TARGET_ASSIGNMENT_COMPUTED -> ", " + e.count() + " moved";
            case CLASSIC_JOIN_COMPLETED -> ", " + e.count() + " members";
            default -> "";
        };
        return word(e.kind()) + epoch + counted + partitions;
    }

    /** The coordinator's messages as a sequence diagram names them; other kinds by their own name. */
    private static String word(EventKind kind) {
        return switch (kind) {
            case MEMBER_JOINED -> "join";
            case MEMBER_LEFT -> "leave";
            case MEMBER_FENCED -> "fenced";
            case REVOCATION_REQUESTED -> "revoke";
            case REVOCATION_COMPLETED -> "revoked";
            case PARTITIONS_ASSIGNED -> "assign";
            case GROUP_EPOCH_BUMPED -> "group epoch";
            case TARGET_ASSIGNMENT_COMPUTED -> "target";
            case CLASSIC_REBALANCE_STARTED -> "rebalance";
            case CLASSIC_JOIN_COMPLETED -> "join done";
            case CLASSIC_SYNC_COMPLETED -> "sync done";
            default -> kind.name().toLowerCase(Locale.ROOT);
        };
    }
}
