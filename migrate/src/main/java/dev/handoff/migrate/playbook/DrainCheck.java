package dev.handoff.migrate.playbook;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * Decides when the old cluster can be dropped: the whole group (not only this member) has committed up to the end
 * of every partition of the topics, and the end offsets have not moved for a quiet period, so producers have
 * moved to the new cluster.
 */
final class DrainCheck {

    private final Clock clock;
    private final Duration quietPeriod;
    private Map<TopicPartition, Long> lastEnds = Map.of();
    private long endsUnchangedSince;

    DrainCheck(Clock clock, Duration quietPeriod) {
        this.clock = clock;
        this.quietPeriod = quietPeriod;
        this.endsUnchangedSince = clock.millis();
    }

    boolean drained(Consumer<?, ?> consumer, Set<String> topics) {
        Set<TopicPartition> partitions = consumer.listTopics().entrySet().stream()
                .filter(entry -> topics.contains(entry.getKey()))
                .flatMap(entry -> entry.getValue().stream())
                .map(p -> new TopicPartition(p.topic(), p.partition()))
                .collect(Collectors.toSet());
        if (partitions.isEmpty()) {
            return false;
        }
        Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
        long now = clock.millis();
        if (!ends.equals(lastEnds)) {
            lastEnds = ends;
            endsUnchangedSince = now;
        }
        if (now - endsUnchangedSince < quietPeriod.toMillis()) {
            return false;
        }
        Map<TopicPartition, OffsetAndMetadata> committed = consumer.committed(partitions);
        Map<TopicPartition, Long> starts = consumer.beginningOffsets(partitions);
        return partitions.stream().allMatch(tp -> {
            OffsetAndMetadata commit = committed.get(tp);
            long position = commit == null ? starts.get(tp) : commit.offset();
            return position >= ends.get(tp);
        });
    }
}
