package dev.handoff.coordinator.recorder;

import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeSet;

import dev.handoff.coordinator.assignor.MemberAssignment;
import dev.handoff.coordinator.assignor.PartitionSet;
import dev.handoff.coordinator.consumer.PartitionEpochs;
import dev.handoff.coordinator.record.TopicPartitionEpochsValue;
import dev.handoff.coordinator.record.TopicPartitionsValue;
import org.apache.kafka.common.Uuid;

/** The several shapes of "a set of partitions" in the coordinator, as sorted sets of {@link PartitionRef}. */
final class PartitionSets {

    private PartitionSets() {
    }

    static SortedSet<PartitionRef> of(PartitionEpochs partitions) {
        SortedSet<PartitionRef> refs = new TreeSet<>();
        for (Map.Entry<Uuid, SortedMap<Integer, Integer>> topic : partitions.epochs().entrySet()) {
            topic.getValue().keySet().forEach(p -> refs.add(new PartitionRef(topic.getKey(), p)));
        }
        return refs;
    }

    static SortedSet<PartitionRef> ofEpochs(List<TopicPartitionEpochsValue> topics) {
        SortedSet<PartitionRef> refs = new TreeSet<>();
        topics.forEach(topic -> topic.partitions().forEach(p -> refs.add(new PartitionRef(topic.topicId(), p))));
        return refs;
    }

    static SortedSet<PartitionRef> ofTopics(List<TopicPartitionsValue> topics) {
        SortedSet<PartitionRef> refs = new TreeSet<>();
        topics.forEach(topic -> topic.partitions().forEach(p -> refs.add(new PartitionRef(topic.topicId(), p))));
        return refs;
    }

    static SortedSet<PartitionRef> of(MemberAssignment assignment) {
        SortedSet<PartitionRef> refs = new TreeSet<>();
        for (Map.Entry<Uuid, PartitionSet> topic : assignment.partitions().entrySet()) {
            topic.getValue().forEach(p -> refs.add(new PartitionRef(topic.getKey(), p)));
        }
        return refs;
    }

    /** @return the elements of {@code a} that are not in {@code b}, as a sorted list */
    static List<PartitionRef> minus(SortedSet<PartitionRef> a, SortedSet<PartitionRef> b) {
        return a.stream().filter(ref -> !b.contains(ref)).toList();
    }
}
