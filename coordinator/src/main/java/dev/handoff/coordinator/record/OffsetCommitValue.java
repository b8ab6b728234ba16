package dev.handoff.coordinator.record;

import java.util.Objects;

/**
 * A committed offset as stored.
 *
 * @param offset            the committed offset
 * @param leaderEpoch       the leader epoch of the committed record, or -1 if unknown
 * @param metadata          the client's metadata string (never null; "" when none)
 * @param commitTimestampMs when the coordinator accepted the commit
 * @param expireTimestampMs an explicit expiry time (OffsetCommit v2-v4 RetentionTimeMs), or -1 to use
 *                          {@code offsets.retention.ms}
 */
public record OffsetCommitValue(long offset, int leaderEpoch, String metadata, long commitTimestampMs,
                                long expireTimestampMs) {

    public static final int NO_LEADER_EPOCH = -1;
    public static final long NO_EXPIRE_TIMESTAMP = -1L;

    public OffsetCommitValue {
        Objects.requireNonNull(metadata, "metadata");
    }
}
