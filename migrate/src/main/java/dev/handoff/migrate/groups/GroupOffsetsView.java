package dev.handoff.migrate.groups;

import java.util.List;

/** A group's committed offsets, the end offsets and the lag, per partition and in total. */
public record GroupOffsetsView(String groupId, long totalLag, List<PartitionOffsetView> partitions) {

    public static GroupOffsetsView of(String groupId, List<PartitionOffsetView> partitions) {
        long total = partitions.stream().mapToLong(p -> p.lag() == null ? 0 : p.lag()).sum();
        return new GroupOffsetsView(groupId, total, partitions);
    }
}
