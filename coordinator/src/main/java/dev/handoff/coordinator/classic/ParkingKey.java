package dev.handoff.coordinator.classic;

/**
 * Identifies a parked classic request: a member's JoinGroup waiting for the join phase to complete, or its
 * SyncGroup waiting for the leader's assignment. A member has at most one of each parked at a time.
 */
public record ParkingKey(Kind kind, String groupId, String memberId) {

    /** Which request is parked. */
    public enum Kind {
        JOIN, SYNC
    }

    public static ParkingKey join(String groupId, String memberId) {
        return new ParkingKey(Kind.JOIN, groupId, memberId);
    }

    public static ParkingKey sync(String groupId, String memberId) {
        return new ParkingKey(Kind.SYNC, groupId, memberId);
    }
}
