package dev.handoff.coordinator.assignor;

import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.apache.kafka.common.Uuid;

/**
 * What an assignor knows about one member (KIP-848: the assignor sees subscriptions resolved to topic ids).
 *
 * @param memberId           the member id
 * @param instanceId         static membership id ({@code group.instance.id}), if any
 * @param rackId             the member's rack ({@code client.rack}), if any
 * @param subscribedTopicIds ids of the existing topics the member subscribes to
 * @param currentAssignment  the member's target assignment of the previous epoch; the base for stickiness
 */
public record MemberSpec(
        String memberId,
        Optional<String> instanceId,
        Optional<String> rackId,
        Set<Uuid> subscribedTopicIds,
        MemberAssignment currentAssignment) {

    public MemberSpec {
        Objects.requireNonNull(memberId, "memberId");
        Objects.requireNonNull(instanceId, "instanceId");
        Objects.requireNonNull(rackId, "rackId");
        Objects.requireNonNull(subscribedTopicIds, "subscribedTopicIds");
        Objects.requireNonNull(currentAssignment, "currentAssignment");
    }

    /** A dynamic member without rack. */
    public static MemberSpec of(String memberId, Set<Uuid> subscribedTopicIds, MemberAssignment currentAssignment) {
        return new MemberSpec(memberId, Optional.empty(), Optional.empty(), subscribedTopicIds, currentAssignment);
    }
}
