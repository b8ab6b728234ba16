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
final class OffsetCommits {

    private static final String GROUP = "crash-loop-committer";
    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    private final String bootstrapServers;
    private final Map<TopicPartition, Long> lastCommitted = new HashMap<>();
    private Optional<String> unavailable = Optional.empty();
    private long checked;

    OffsetCommits(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
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
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props())) {
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

    private Properties props() {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, GROUP);
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        return props;
    }
}
