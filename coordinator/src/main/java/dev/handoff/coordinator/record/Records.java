package dev.handoff.coordinator.record;

/**
 * Builds every coordinator record; production code and tests share these factories (Kafka's
 * {@code GroupCoordinatorRecordHelpers}).
 */
public final class Records {

    private Records() {
    }

    public static OffsetCommitRecord offsetCommit(String groupId, String topic, int partition,
                                                  OffsetCommitValue value) {
        return new OffsetCommitRecord(groupId, topic, partition, value);
    }

    public static OffsetCommitRecord offsetTombstone(String groupId, String topic, int partition) {
        return new OffsetCommitRecord(groupId, topic, partition, null);
    }

    public static ClassicGroupRecord classicGroup(String groupId, ClassicGroupValue value) {
        return new ClassicGroupRecord(groupId, value);
    }

    public static ClassicGroupRecord classicGroupTombstone(String groupId) {
        return new ClassicGroupRecord(groupId, null);
    }
}
