package dev.handoff.coordinator.assignor;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.kafka.common.Uuid;

/** A {@link TopicDescriber} over fixed maps: partition counts and, optionally, replica racks per partition. */
public final class MapTopicDescriber implements TopicDescriber {

    private final Map<Uuid, Integer> partitionCounts;
    private final Map<Uuid, List<Set<String>>> racks;

    private MapTopicDescriber(Map<Uuid, Integer> partitionCounts, Map<Uuid, List<Set<String>>> racks) {
        this.partitionCounts = Map.copyOf(partitionCounts);
        this.racks = Map.copyOf(racks);
    }

    /** Topics without rack information. */
    public static MapTopicDescriber of(Map<Uuid, Integer> partitionCounts) {
        return new MapTopicDescriber(partitionCounts, Map.of());
    }

    /** Topics whose partition {@code p} has replicas in the racks {@code racks.get(topic).get(p)}. */
    public static MapTopicDescriber withRacks(Map<Uuid, List<Set<String>>> racks) {
        Map<Uuid, Integer> counts = new HashMap<>();
        racks.forEach((topicId, partitions) -> counts.put(topicId, partitions.size()));
        return new MapTopicDescriber(counts, racks);
    }

    @Override
    public int numPartitions(Uuid topicId) {
        return partitionCounts.getOrDefault(topicId, -1);
    }

    @Override
    public Set<String> racksForPartition(Uuid topicId, int partition) {
        List<Set<String>> topicRacks = racks.get(topicId);
        return topicRacks == null || partition >= topicRacks.size() ? Set.of() : topicRacks.get(partition);
    }
}
