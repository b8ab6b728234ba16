package dev.handoff.coordinator;

import dev.handoff.coordinator.record.OffsetCommitValue;

/** Decides whether one committed offset of a group has expired (the group type decides when retention starts). */
@FunctionalInterface
public interface OffsetExpirationCondition {

    /**
     * @param offset      the committed offset
     * @param nowMs       the current time
     * @param retentionMs {@code offsets.retention.ms}
     */
    boolean isExpired(OffsetCommitValue offset, long nowMs, long retentionMs);

    /**
     * Retention counted from a base time, unless the commit carried its own expiry time (OffsetCommit v2-v4).
     *
     * @param baseTimestampMs when retention starts for offsets without an explicit expiry
     */
    static boolean isExpired(OffsetCommitValue offset, long baseTimestampMs, long nowMs, long retentionMs) {
        if (offset.expireTimestampMs() != OffsetCommitValue.NO_EXPIRE_TIMESTAMP) {
            return nowMs >= offset.expireTimestampMs();
        }
        return nowMs - baseTimestampMs >= retentionMs;
    }
}
