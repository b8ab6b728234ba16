package dev.handoff.migrate.playbook;

import dev.handoff.migrate.ClientSettings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Reads a run's records from a cluster, from the start of each partition up to the end offsets seen when the scan
 * began. It assigns partitions itself and has no group, so it changes no group's position.
 */
public final class TopicScanner {

    private static final Duration POLL = Duration.ofMillis(500);

    private TopicScanner() {
    }

    public static List<StoredRecord> scan(ClientSettings cluster, Collection<String> topics, String runId) {
        Properties properties = cluster.forClient("verify");
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        properties.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        try (KafkaConsumer<byte[], byte[]> consumer =
                     new KafkaConsumer<>(properties, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            Map<String, List<PartitionInfo>> all = consumer.listTopics();
            for (String topic : topics) {
                all.getOrDefault(topic, List.of())
                        .forEach(p -> partitions.add(new TopicPartition(p.topic(), p.partition())));
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            List<StoredRecord> records = new ArrayList<>();
            while (partitions.stream().anyMatch(tp -> consumer.position(tp) < ends.get(tp))) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(POLL)) {
                    OptionalLong seq = SequenceRecords.seqOf(record.headers(), runId);
                    if (seq.isPresent() && record.offset() < ends.get(new TopicPartition(record.topic(),
                            record.partition()))) {
                        records.add(new StoredRecord(record.topic(), record.partition(), record.offset(),
                                seq.getAsLong()));
                    }
                }
            }
            return records;
        }
    }
}
