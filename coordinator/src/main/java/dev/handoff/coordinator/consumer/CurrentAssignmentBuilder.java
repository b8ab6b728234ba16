package dev.handoff.coordinator.consumer;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeSet;

import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.errors.FencedMemberEpochException;

import dev.handoff.coordinator.assignor.PartitionSet;

/**
 * Reconciles one member towards its target assignment (KIP-848 "member reconciliation"; spec §8). A pure
 * function of its inputs: the member, the target assignment and its epoch, the partition-epoch lookup and
 * what the member reported owning in this heartbeat.
 *
 * <p>Two rules make hand-offs safe: a member advances to the target epoch only once it holds no partition
 * it must revoke (revoke before assign), and a partition is given only once no other member holds it.
 */
public final class CurrentAssignmentBuilder {

    private final ConsumerGroupMember member;
    private int targetEpoch;
    private Map<Uuid, PartitionSet> targetPartitions = Map.of();
    private PartitionEpochLookup currentPartitionEpoch = (topicId, partition) -> -1;
    private Map<Uuid, PartitionSet> ownedPartitions;
    private Set<Uuid> subscribedTopicIds;
    private boolean subscriptionChanged;

    public CurrentAssignmentBuilder(ConsumerGroupMember member) {
        this.member = Objects.requireNonNull(member, "member");
    }

    /** The member's partitions in the current target assignment, computed at {@code targetEpoch}. */
    public CurrentAssignmentBuilder withTargetAssignment(int targetEpoch, Map<Uuid, PartitionSet> targetPartitions) {
        this.targetEpoch = targetEpoch;
        this.targetPartitions = Objects.requireNonNull(targetPartitions, "targetPartitions");
        return this;
    }

    public CurrentAssignmentBuilder withCurrentPartitionEpoch(PartitionEpochLookup currentPartitionEpoch) {
        this.currentPartitionEpoch = Objects.requireNonNull(currentPartitionEpoch, "currentPartitionEpoch");
        return this;
    }

    /** The heartbeat's TopicPartitions; null when the request did not carry it (counts as "still owns"). */
    public CurrentAssignmentBuilder withOwnedPartitions(Map<Uuid, PartitionSet> ownedPartitions) {
        this.ownedPartitions = ownedPartitions;
        return this;
    }

    /**
     * The ids of the topics the member subscribes to now; target partitions of other topics are ignored.
     * Null means "all topics of the target" (no subscription filter).
     */
    public CurrentAssignmentBuilder withSubscribedTopicIds(Set<Uuid> subscribedTopicIds) {
        this.subscribedTopicIds = subscribedTopicIds;
        return this;
    }

    /** Whether this heartbeat changed the member's subscription (triggers the revocation fast path). */
    public CurrentAssignmentBuilder withSubscriptionChanged(boolean subscriptionChanged) {
        this.subscriptionChanged = subscriptionChanged;
        return this;
    }

    /**
     * @return the reconciled member (the same object if nothing changed)
     * @throws FencedMemberEpochException if the member is in {@link MemberState#UNKNOWN} and did not report
     *                                    an empty assignment
     */
    public ConsumerGroupMember build() {
        return switch (member.state()) {
            case STABLE -> {
                if (member.memberEpoch() != targetEpoch) {
                    yield computeNextAssignment(member.assignedPartitions());
                }
                yield subscriptionChanged ? revokeUnsubscribedTopics() : member;
            }
            case UNREVOKED_PARTITIONS -> {
                if (ownsAnyOf(member.partitionsPendingRevocation())) {
                    yield subscriptionChanged ? revokeUnsubscribedTopics() : member;
                }
                yield computeNextAssignment(member.assignedPartitions());
            }
            case UNRELEASED_PARTITIONS -> computeNextAssignment(member.assignedPartitions());
            case UNKNOWN -> {
                if (ownedPartitions == null || !ownedPartitions.isEmpty()) {
                    throw new FencedMemberEpochException("The member " + member.memberId()
                            + " is in an unknown state; it must rejoin with an empty assignment.");
                }
                yield computeNextAssignment(PartitionEpochs.EMPTY);
            }
        };
    }

    /** Spec §8 "compute next assignment". */
    private ConsumerGroupMember computeNextAssignment(PartitionEpochs assigned) {
        PartitionEpochs.Builder keep = new PartitionEpochs.Builder();
        PartitionEpochs.Builder revoke = new PartitionEpochs.Builder();
        PartitionEpochs.Builder newlyAssigned = new PartitionEpochs.Builder();
        boolean hasRevocations = false;
        boolean hasNewPartitions = false;
        boolean hasUnreleased = false;

        Set<Uuid> topics = new TreeSet<>(assigned.epochs().keySet());
        topics.addAll(targetPartitions.keySet());
        for (Uuid topicId : topics) {
            PartitionSet target = isSubscribed(topicId)
                    ? targetPartitions.getOrDefault(topicId, PartitionSet.EMPTY)
                    : PartitionSet.EMPTY;
            Map<Integer, Integer> current = assigned.epochs().getOrDefault(topicId, Collections.emptySortedMap());
            for (Map.Entry<Integer, Integer> entry : current.entrySet()) {
                if (target.contains(entry.getKey())) {
                    keep.put(topicId, entry.getKey(), entry.getValue());
                } else {
                    revoke.put(topicId, entry.getKey(), entry.getValue());
                    hasRevocations = true;
                }
            }
            for (int i = 0; i < target.size(); i++) {
                int partition = target.get(i);
                if (current.containsKey(partition)) {
                    continue;
                }
                if (isFreeForThisMember(topicId, partition)) {
                    newlyAssigned.put(topicId, partition, targetEpoch);
                    hasNewPartitions = true;
                } else {
                    hasUnreleased = true;
                }
            }
        }

        PartitionEpochs revoked = revoke.build();
        if (hasRevocations && ownsAnyOf(revoked)) {
            // Revoke before assign: the epoch stays until the member confirms it gave the partitions up.
            return withAssignment(member.memberEpoch(), MemberState.UNREVOKED_PARTITIONS, keep.build(), revoked);
        }
        PartitionEpochs kept = keep.build();
        MemberState state = hasUnreleased ? MemberState.UNRELEASED_PARTITIONS : MemberState.STABLE;
        PartitionEpochs next = hasNewPartitions ? merge(kept, newlyAssigned.build()) : kept;
        return withAssignment(targetEpoch, state, next, PartitionEpochs.EMPTY);
    }

    /** Spec §8 fast path: partitions of topics no longer subscribed are revoked at once. */
    private ConsumerGroupMember revokeUnsubscribedTopics() {
        PartitionEpochs.Builder keep = new PartitionEpochs.Builder();
        PartitionEpochs.Builder revoke = new PartitionEpochs.Builder();
        member.partitionsPendingRevocation().epochs().forEach((topicId, partitions) ->
                partitions.forEach((partition, epoch) -> revoke.put(topicId, partition, epoch)));
        boolean revokedSomething = false;
        for (Map.Entry<Uuid, SortedMap<Integer, Integer>> topic : member.assignedPartitions().epochs().entrySet()) {
            boolean subscribed = isSubscribed(topic.getKey());
            revokedSomething |= !subscribed;
            topic.getValue().forEach((partition, epoch) ->
                    (subscribed ? keep : revoke).put(topic.getKey(), partition, epoch));
        }
        if (!revokedSomething) {
            return member;
        }
        PartitionEpochs revoked = revoke.build();
        if (ownsAnyOf(revoked)) {
            return withAssignment(member.memberEpoch(), MemberState.UNREVOKED_PARTITIONS, keep.build(), revoked);
        }
        return withAssignment(member.memberEpoch(), member.state(), keep.build(), PartitionEpochs.EMPTY);
    }

    private boolean isSubscribed(Uuid topicId) {
        return subscribedTopicIds == null || subscribedTopicIds.contains(topicId);
    }

    /**
     * A partition is free when no member holds it, or when only this member held it pending revocation and
     * no longer reports it (the lookup still shows the member's own old epoch until the caller applies the
     * result).
     */
    private boolean isFreeForThisMember(Uuid topicId, int partition) {
        if (currentPartitionEpoch.currentEpoch(topicId, partition) == -1) {
            return true;
        }
        return member.partitionsPendingRevocation().contains(topicId, partition) && !reportsOwning(topicId, partition);
    }

    /** A null report (field not sent) counts as still owning everything (spec §8). */
    private boolean ownsAnyOf(PartitionEpochs partitions) {
        if (ownedPartitions == null) {
            return !partitions.isEmpty();
        }
        for (Map.Entry<Uuid, SortedMap<Integer, Integer>> topic : partitions.epochs().entrySet()) {
            for (Integer partition : topic.getValue().keySet()) {
                if (reportsOwning(topic.getKey(), partition)) {
                    return true;
                }
            }
        }
        return false;
    }

    private boolean reportsOwning(Uuid topicId, int partition) {
        return ownedPartitions == null
                || ownedPartitions.getOrDefault(topicId, PartitionSet.EMPTY).contains(partition);
    }

    private static PartitionEpochs merge(PartitionEpochs a, PartitionEpochs b) {
        PartitionEpochs.Builder merged = new PartitionEpochs.Builder();
        a.epochs().forEach((topicId, partitions) -> partitions.forEach((p, e) -> merged.put(topicId, p, e)));
        b.epochs().forEach((topicId, partitions) -> partitions.forEach((p, e) -> merged.put(topicId, p, e)));
        return merged.build();
    }

    private ConsumerGroupMember withAssignment(
            int epoch, MemberState state, PartitionEpochs assigned, PartitionEpochs pendingRevocation) {
        if (epoch == member.memberEpoch() && state == member.state()
                && assigned.equals(member.assignedPartitions())
                && pendingRevocation.equals(member.partitionsPendingRevocation())) {
            return member;
        }
        return member.toBuilder()
                .previousMemberEpoch(epoch == member.memberEpoch() ? member.previousMemberEpoch() : member.memberEpoch())
                .memberEpoch(epoch)
                .state(state)
                .assignedPartitions(assigned)
                .partitionsPendingRevocation(pendingRevocation)
                .build();
    }
}
