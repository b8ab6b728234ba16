package dev.handoff.lab.live;

import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * One answer of the console's timeline API: a group's recorded events after the sequence asked for.
 *
 * @param groupId         the group
 * @param recorderEnabled false when the broker runs with {@code handoff.flight.recorder.enable=false}
 * @param lastSequence    the newest event's sequence, to ask for the next ones with {@code after=}
 * @param dropped         events of the group the broker no longer keeps
 *                        ({@code handoff.flight.recorder.events.per.group})
 * @param events          the events, oldest first
 */
record RecordedTimeline(String groupId, boolean recorderEnabled, long lastSequence, long dropped,
                        List<CoordinatorEvent> events) {

    /** Fields a newer broker adds are ignored: the lab reads only what it draws. */
    private static final ObjectMapper JSON = new ObjectMapper()
        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    RecordedTimeline {
        events = events == null ? List.of() : List.copyOf(events);
    }

    /** @throws IllegalArgumentException if {@code json} is not a timeline */
    static RecordedTimeline parse(String json) {
        try {
            return JSON.readValue(json, RecordedTimeline.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Not a flight recorder timeline: " + e.getOriginalMessage(), e);
        }
    }
}
