package dev.handoff.testkit.interop;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

/** One record as both sides see it, with text keys, values and header values (null where absent). */
record InteropRecord(int partition, long offset, String key, String value, Map<String, String> headers,
                     long timestamp) {

    static final Comparator<InteropRecord> BY_POSITION =
            Comparator.comparingInt(InteropRecord::partition).thenComparingLong(InteropRecord::offset);

    /** A "record" or "sent" event of a script; {@code offset} is used when the event carries none. */
    static InteropRecord of(JsonNode event, long offset) {
        Map<String, String> headers = new LinkedHashMap<>();
        event.path("headers").fields().forEachRemaining(h -> headers.put(h.getKey(), text(h.getValue())));
        return new InteropRecord(event.path("partition").asInt(),
                event.has("offset") ? event.path("offset").asLong() : offset,
                text(event.path("key")), text(event.path("value")), headers, event.path("timestamp").asLong());
    }

    static InteropRecord of(ConsumerRecord<byte[], byte[]> record) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (Header header : record.headers()) {
            headers.put(header.key(), header.value() == null ? null : utf8(header.value()));
        }
        return new InteropRecord(record.partition(), record.offset(), record.key() == null ? null : utf8(record.key()),
                record.value() == null ? null : utf8(record.value()), headers, record.timestamp());
    }

    /**
     * The messages a script sent into an empty topic, in sending order: each partition's offsets are dense from 0
     * in that order (a script's own offsets, where it reports them, are kept).
     */
    static List<InteropRecord> sent(List<JsonNode> events) {
        Map<Integer, Long> next = new HashMap<>();
        List<InteropRecord> records = new ArrayList<>();
        for (JsonNode event : events) {
            int partition = event.path("partition").asInt();
            long offset = next.merge(partition, 1L, Long::sum) - 1;
            records.add(of(event, offset));
        }
        return records.stream().sorted(BY_POSITION).toList();
    }

    static List<InteropRecord> consumed(List<ConsumerRecord<byte[], byte[]>> records) {
        return records.stream().map(InteropRecord::of).sorted(BY_POSITION).toList();
    }

    private static String text(JsonNode node) {
        return node == null || node.isNull() || node.isMissingNode() ? null : node.asText();
    }

    private static String utf8(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
