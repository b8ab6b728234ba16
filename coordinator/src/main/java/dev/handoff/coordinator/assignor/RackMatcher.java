package dev.handoff.coordinator.assignor;

import java.util.Arrays;
import java.util.Optional;
import java.util.Set;

/**
 * Answers "does this partition have a replica in that member's rack", caching partition racks by global
 * partition number, for the rack preference of {@link UniformAssignor}.
 */
final class RackMatcher {

    private static final String[] NO_RACKS = new String[0];

    private final GroupSpec group;
    private final TopicIndex index;
    private final TopicDescriber topics;
    private final String[][] racksByPartition;

    private RackMatcher(GroupSpec group, TopicIndex index, TopicDescriber topics) {
        this.group = group;
        this.index = index;
        this.topics = topics;
        this.racksByPartition = new String[index.totalPartitions()][];
    }

    /** A matcher, or null when no member has a rack (then there is nothing to prefer). */
    static RackMatcher forGroup(GroupSpec group, TopicIndex index, TopicDescriber topics) {
        for (int m = 0; m < group.size(); m++) {
            if (group.member(m).rackId().isPresent()) {
                return new RackMatcher(group, index, topics);
            }
        }
        return null;
    }

    /** The partition's replica racks, sorted so callers iterate them in a fixed order. */
    String[] racks(int globalPartition) {
        String[] racks = racksByPartition[globalPartition];
        if (racks == null) {
            int topic = index.topicOf(globalPartition);
            Set<String> found = topics.racksForPartition(index.topicId(topic), globalPartition - index.offset(topic));
            racks = found.isEmpty() ? NO_RACKS : found.toArray(new String[0]);
            Arrays.sort(racks);
            racksByPartition[globalPartition] = racks;
        }
        return racks;
    }

    Optional<String> rackOf(int member) {
        return group.member(member).rackId();
    }

    boolean sameRack(int member, int globalPartition) {
        String rack = group.member(member).rackId().orElse(null);
        if (rack == null) {
            return false;
        }
        for (String candidate : racks(globalPartition)) {
            if (candidate.equals(rack)) {
                return true;
            }
        }
        return false;
    }

    /** Stable reorder: same-rack partitions first, each group still in ascending order. */
    void sameRackFirst(int member, IntList partitions) {
        int[] matching = new int[partitions.size()];
        int[] other = new int[partitions.size()];
        int matchCount = 0;
        int otherCount = 0;
        for (int i = 0; i < partitions.size(); i++) {
            int g = partitions.get(i);
            if (sameRack(member, g)) {
                matching[matchCount++] = g;
            } else {
                other[otherCount++] = g;
            }
        }
        for (int i = 0; i < matchCount; i++) {
            partitions.set(i, matching[i]);
        }
        for (int i = 0; i < otherCount; i++) {
            partitions.set(matchCount + i, other[i]);
        }
    }
}
