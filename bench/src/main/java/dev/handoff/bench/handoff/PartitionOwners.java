package dev.handoff.bench.handoff;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;

/**
 * Who owns which partition, from the consumers' rebalance callbacks, and when that last changed (the measuring
 * approach of testkit's FastHeartbeatIT). Thread-safe: every consumer thread reports here.
 */
final class PartitionOwners {

    private final int partitions;
    private final Map<TopicPartition, String> owners = new HashMap<>();
    private long lastChangeNanos;

    PartitionOwners(int partitions) {
        this.partitions = partitions;
    }

    synchronized void assigned(String member, Collection<TopicPartition> assigned, long nowNanos) {
        for (TopicPartition partition : assigned) {
            if (!member.equals(owners.put(partition, member))) {
                lastChangeNanos = nowNanos;
            }
        }
    }

    synchronized void released(String member, Collection<TopicPartition> released, long nowNanos) {
        for (TopicPartition partition : released) {
            if (owners.remove(partition, member)) {
                lastChangeNanos = nowNanos;
            }
        }
    }

    /**
     * Settled: every partition is owned, by {@code members} only, and each owns its balanced share (the whole
     * share or one more, as the range and uniform assignors split a remainder; with every partition owned, that
     * makes exactly the remainder's number of members own one more).
     */
    synchronized boolean settled(List<String> members) {
        if (owners.size() != partitions || members.isEmpty()) {
            return false;
        }
        int share = partitions / members.size();
        Map<String, Integer> counts = new HashMap<>();
        owners.values().forEach(owner -> counts.merge(owner, 1, Integer::sum));
        return members.containsAll(counts.keySet()) && members.stream()
                .mapToInt(member -> counts.getOrDefault(member, 0))
                .allMatch(owned -> owned == share || owned == share + 1);
    }

    synchronized long lastChangeNanos() {
        return lastChangeNanos;
    }
}
