package dev.handoff.lab.report;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.handoff.lab.timeline.Timeline;
import dev.handoff.lab.timeline.TimelineEvent;

/** The raw data next to the HTML report: every event as CSV, and the scenario and metrics as JSON. */
public final class RawData {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private RawData() {
    }

    /** @return one line per event: {@code at_ms,member,slot,kind,partitions,count,value} */
    public static String eventsCsv(Timeline timeline) {
        StringBuilder out = new StringBuilder("at_ms,member,slot,kind,partitions,count,value\n");
        for (TimelineEvent e : timeline.events()) {
            out.append(e.atMs()).append(',').append(e.member()).append(',').append(e.slot()).append(',')
                .append(e.kind()).append(',')
                .append(e.partitions().stream().map(String::valueOf).collect(Collectors.joining(" ")))
                .append(',').append(e.count()).append(',').append(e.value()).append('\n');
        }
        return out.toString();
    }

    /** @return the scenario and every run's metrics, as JSON */
    public static String summaryJson(List<Timeline> timelines) {
        Map<String, Object> root = new LinkedHashMap<>();
        if (!timelines.isEmpty()) {
            root.put("mode", timelines.get(0).mode());
            root.put("scenario", timelines.get(0).scenario());
        }
        Map<String, Object> runs = new LinkedHashMap<>();
        for (Timeline timeline : timelines) {
            runs.put(timeline.protocol().cliName(), RunMetrics.of(timeline));
        }
        root.put("runs", runs);
        try {
            return JSON.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Metrics are plain records and always serialise", e);
        }
    }
}
