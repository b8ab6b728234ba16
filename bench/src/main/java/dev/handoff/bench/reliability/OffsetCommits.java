package dev.handoff.bench.reliability;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Offsets committed by a simple group ({@code assign()} + {@code commitSync}) that must never go backwards across
 * a restart. If the broker does not offer group coordination the check switches itself off and says why.
 */
final class OffsetCommits implements AutoCloseable {

    private static final String GROUP = "crash-loop-committer";
    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    /** One consumer for every commit: it finds the coordinator again after each restart, as applications do. */
    private final KafkaConsumer<byte[], byte[]> consumer;
    private final Map<TopicPartition, Long> lastCommitted = new HashMap<>();
    private Optional<String> unavailable = Optional.empty();
    private long checked;

    OffsetCommits(String bootstrapServers) {
        this.consumer = new KafkaConsumer<>(props(bootstrapServers));
    }

    @Override
    public void close() {
        consumer.close(Duration.ofSeconds(5));
    }

    /** Why commits are not checked, once a commit failed for lack of support. */
    Optional<String> unavailable() {
        return unavailable;
    }

    long checked() {
        return checked;
    }

    /**
     * Reads back what was committed before the restart, then commits {@code offsets}.
     *
     * @return problems: committed offsets missing or lower than the last commit
     */
    List<String> checkThenCommit(Map<TopicPartition, Long> offsets) {
        List<String> problems = new ArrayList<>();
        if (unavailable.isPresent()) {
            return problems;
        }
        try {
            if (!lastCommitted.isEmpty()) {
                Map<TopicPartition, OffsetAndMetadata> committed = consumer.committed(lastCommitted.keySet(), TIMEOUT);
                lastCommitted.forEach((tp, offset) -> {
                    OffsetAndMetadata found = committed.get(tp);
                    if (found == null || found.offset() < offset) {
                        problems.add(tp + " committed offset went back from " + offset + " to " + found);
                    }
                });
                checked += lastCommitted.size();
            }
            Map<TopicPartition, OffsetAndMetadata> commit = new HashMap<>();
            offsets.forEach((tp, offset) -> commit.put(tp, new OffsetAndMetadata(offset)));
            consumer.commitSync(commit, TIMEOUT);
            lastCommitted.putAll(offsets);
        } catch (KafkaException e) {
            if (lastCommitted.isEmpty()) {
                unavailable = Optional.of(e.toString());
            } else {
                problems.add("committed offsets could not be read back or written: " + e);
            }
        }
        return problems;
    }

    private static Properties props(String bootstrapServers) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, GROUP);
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.RECONNECT_BACKOFF_MS_CONFIG, "50");
        props.put(ConsumerConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, "500");
        return props;
    }
}
