package dev.handoff.migrate.playbook;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.LongStream;
import org.apache.kafka.common.TopicPartition;

/** Pure comparisons of what was produced with what was consumed. */
public final class MigrationVerifier {

    private static final int SAMPLE = 10;

    private MigrationVerifier() {
    }

    public static VerificationReport compare(Collection<Long> produced, Collection<Long> consumed) {
        Set<Long> expected = new HashSet<>(produced);
        Map<Long, Integer> seen = new HashMap<>();
        consumed.forEach(seq -> seen.merge(seq, 1, Integer::sum));
        TreeSet<Long> lost = new TreeSet<>(expected);
        lost.removeAll(seen.keySet());
        TreeSet<Long> duplicated = new TreeSet<>();
        long duplicates = 0;
        long unexpected = 0;
        for (Map.Entry<Long, Integer> entry : seen.entrySet()) {
            if (entry.getValue() > 1) {
                duplicated.add(entry.getKey());
                duplicates += entry.getValue() - 1;
            }
            if (!expected.contains(entry.getKey())) {
                unexpected++;
            }
        }
        return new VerificationReport(expected.size(), consumed.size(), lost.size(), duplicates, unexpected,
                lost.stream().limit(SAMPLE).toList(), duplicated.stream().limit(SAMPLE).toList());
    }

    /**
     * Judges a migration from the clusters' contents. Produced: every sequence number stored on either cluster, plus
     * {@code 0..expected-1} when the run's size is known (a record that never landed anywhere is lost too).
     * Consumed: the records below the group's committed offset on each cluster.
     */
    public static VerificationReport fromClusters(List<StoredRecord> oldCluster, Map<TopicPartition, Long> oldCommitted,
                                                  List<StoredRecord> newCluster, Map<TopicPartition, Long> newCommitted,
                                                  OptionalLong expected) {
        List<Long> produced = new ArrayList<>();
        expected.ifPresent(n -> LongStream.range(0, n).forEach(produced::add));
        oldCluster.forEach(r -> produced.add(r.seq()));
        newCluster.forEach(r -> produced.add(r.seq()));
        List<Long> consumed = new ArrayList<>();
        addConsumed(oldCluster, oldCommitted, consumed);
        addConsumed(newCluster, newCommitted, consumed);
        return compare(produced, consumed);
    }

    private static void addConsumed(List<StoredRecord> stored, Map<TopicPartition, Long> committed,
                                    List<Long> consumed) {
        for (StoredRecord record : stored) {
            Long position = committed.get(new TopicPartition(record.topic(), record.partition()));
            if (position != null && record.offset() < position) {
                consumed.add(record.seq());
            }
        }
    }
}
