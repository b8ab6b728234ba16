package dev.handoff.coordinator.consumer;

/**
 * Where a consumer-protocol member stands in reconciling towards its target assignment (KIP-848). The
 * byte values are those Kafka persists in {@code ConsumerGroupCurrentMemberAssignmentValue.State}.
 */
public enum MemberState {
    /** Owns exactly its assignment at its epoch. */
    STABLE((byte) 0),
    /** Must revoke partitions before it may advance to the new epoch. */
    UNREVOKED_PARTITIONS((byte) 1),
    /** At the new epoch, waiting for partitions other members still hold. */
    UNRELEASED_PARTITIONS((byte) 2),
    /** A state written by a newer version; the member is fenced unless it starts from nothing. */
    UNKNOWN((byte) 127);

    private final byte value;

    MemberState(byte value) {
        this.value = value;
    }

    public byte value() {
        return value;
    }

    /** The state of a persisted byte; unknown values map to {@link #UNKNOWN}. */
    public static MemberState fromValue(byte value) {
        for (MemberState state : values()) {
            if (state.value == value) {
                return state;
            }
        }
        return UNKNOWN;
    }
}
