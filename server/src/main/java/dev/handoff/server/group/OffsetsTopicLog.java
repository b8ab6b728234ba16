package dev.handoff.server.group;

import dev.handoff.coordinator.record.CoordinatorRecord;
import dev.handoff.coordinator.record.RecordSerde;
import dev.handoff.coordinator.runtime.Clock;
import dev.handoff.coordinator.runtime.CoordinatorLog;
import dev.handoff.log.PartitionLog;
import dev.handoff.server.metadata.TopicService;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.apache.kafka.common.compress.Compression;
import org.apache.kafka.common.internals.Topic;
import org.apache.kafka.common.record.internal.MemoryRecords;
import org.apache.kafka.common.record.internal.Record;
import org.apache.kafka.common.record.internal.RecordBatch;
import org.apache.kafka.common.record.internal.SimpleRecord;
import org.apache.kafka.common.utils.Utils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The coordinator's records in the internal partition {@code __consumer_offsets-0}, as Kafka keeps them: each
 * record is a key/value Kafka record (a tombstone has a null value), each append one batch. One partition is
 * enough on one node. Like Kafka, the topic is created on the first write, so a broker that never serves a group
 * has no internal topic.
 *
 * <p>Kafka compacts this partition; Handoff does not compact yet, so it grows with every commit and heartbeat
 * that changes state, and loading replays all of it. Time-based retention is switched off for it.
 */
final class OffsetsTopicLog implements CoordinatorLog<CoordinatorRecord> {

    static final String TOPIC = Topic.GROUP_METADATA_TOPIC_NAME;
    /** Kafka's {@code offsets.topic.segment.bytes} default. */
    static final String DEFAULT_SEGMENT_BYTES = "104857600";

    private static final Logger LOGGER = LoggerFactory.getLogger(OffsetsTopicLog.class);
    private static final int READ_BYTES = 1024 * 1024;

    private final TopicService topics;
    private final Map<String, String> topicConfigs;
    private final Clock clock;
    private final RecordSerde serde = new RecordSerde();
    private PartitionLog partition;

    /**
     * @param segmentBytes {@code offsets.topic.segment.bytes}
     */
    OffsetsTopicLog(TopicService topics, String segmentBytes, Clock clock) {
        this.topics = topics;
        this.topicConfigs = Map.of("cleanup.policy", "compact", "segment.bytes", segmentBytes,
                "retention.ms", "-1", "retention.bytes", "-1");
        this.clock = clock;
    }

    @Override
    public void append(List<CoordinatorRecord> records) {
        long nowMs = clock.nowMs();
        SimpleRecord[] batch = records.stream()
                .map(serde::serialize)
                .map(serialized -> new SimpleRecord(nowMs, serialized.key(), serialized.value()))
                .toArray(SimpleRecord[]::new);
        partitionForWrite().append(MemoryRecords.withRecords(Compression.NONE, batch), nowMs);
    }

    @Override
    public void readAll(Consumer<? super CoordinatorRecord> sink) {
        Optional<PartitionLog> existing = existingPartition();
        if (existing.isEmpty()) {
            return;
        }
        PartitionLog log = existing.get();
        long offset = log.logStartOffset();
        while (offset < log.logEndOffset()) {
            long before = offset;
            for (RecordBatch batch : log.read(offset, READ_BYTES, true).records().batches()) {
                for (Record record : batch) {
                    decode(record).ifPresent(sink);
                }
                offset = batch.nextOffset();
            }
            if (offset == before) {
                throw new IllegalStateException("No progress reading " + log.topicPartition() + " at " + offset);
            }
        }
    }

    /**
     * Records of a type this version does not know (written by a newer broker) are skipped, like Kafka does on
     * load. So are undecodable ones, which only a client producing into the internal topic can write: one bad
     * record must not keep every group from loading.
     */
    private Optional<CoordinatorRecord> decode(Record record) {
        if (!record.hasKey()) {
            LOGGER.error("Skipping a record without a key at offset {} of {}-0", record.offset(), TOPIC);
            return Optional.empty();
        }
        try {
            return serde.deserialize(bytes(record.key()), record.hasValue() ? bytes(record.value()) : null);
        } catch (IllegalArgumentException e) {
            LOGGER.error("Skipping an undecodable record at offset {} of {}-0", record.offset(), TOPIC, e);
            return Optional.empty();
        }
    }

    private static byte[] bytes(ByteBuffer buffer) {
        return Utils.toArray(buffer);
    }

    private Optional<PartitionLog> existingPartition() {
        if (partition == null) {
            partition = topics.partition(TOPIC, 0).orElse(null);
        }
        return Optional.ofNullable(partition);
    }

    private PartitionLog partitionForWrite() {
        if (existingPartition().isEmpty()) {
            topics.createInternal(TOPIC, 1, topicConfigs);
            LOGGER.info("Created the internal topic {} for the group coordinator", TOPIC);
            partition = topics.partition(TOPIC, 0).orElseThrow();
        }
        return partition;
    }
}
