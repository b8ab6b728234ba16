package dev.handoff.migrate.playbook;

import dev.handoff.migrate.groups.GroupOffsetsView;
import dev.handoff.migrate.groups.PartitionOffsetView;
import java.util.Map;
import java.util.TreeMap;

/**
 * One look at a group on the old cluster during strategy B. Drained means: the group has partitions (a mistyped or
 * deleted group has none and never counts as drained), no lag, every partition with data has a commit, and the end
 * offsets did not move since the previous look (the producers have moved away).
 */
public record DrainStatus(long lag, long uncommittedRecords, Map<String, Long> endOffsets) {

    public static DrainStatus of(GroupOffsetsView offsets) {
        long uncommitted = 0;
        Map<String, Long> ends = new TreeMap<>();
        for (PartitionOffsetView p : offsets.partitions()) {
            ends.put(p.topic() + "-" + p.partition(), p.endOffset());
            if (p.committed() == null) {
                // Owned but never committed: everything in it is still to be consumed, as far as we can tell.
                uncommitted += p.endOffset();
            }
        }
        return new DrainStatus(offsets.totalLag(), uncommitted, ends);
    }

    public long remaining() {
        return lag + uncommittedRecords;
    }

    public boolean drainedSince(DrainStatus previous) {
        return !endOffsets.isEmpty() && remaining() == 0 && previous != null && previous.remaining() == 0
                && endOffsets.equals(previous.endOffsets);
    }
}
