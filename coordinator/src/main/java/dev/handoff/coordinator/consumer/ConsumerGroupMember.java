package dev.handoff.coordinator.consumer;

import java.util.Collection;
import java.util.Collections;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;

import dev.handoff.coordinator.record.ClassicMemberMetadataValue;

/**
 * A consumer-protocol member of a consumer group (KIP-848), as the heartbeat logic and the coordinator
 * records carry it. Immutable: every change goes through {@link #toBuilder()}.
 *
 * @param memberId                    client-generated member id (KIP-1082)
 * @param instanceId                  {@code group.instance.id} of a static member
 * @param rackId                      {@code client.rack}
 * @param clientId                    client id of the last heartbeat's connection
 * @param clientHost                  client host of the last heartbeat's connection
 * @param subscribedTopicNames        subscribed topic names, sorted
 * @param subscribedTopicRegex        RE2/J subscription pattern
 * @param serverAssignorName          assignor the member asked for ({@code group.remote.assignor})
 * @param rebalanceTimeoutMs          time the member may take to revoke partitions
 * @param memberEpoch                 the target epoch the member has reconciled to
 * @param previousMemberEpoch         the epoch before the last change, for lost-response tolerance
 * @param state                       reconciliation state
 * @param assignedPartitions          partitions the member may own now, with the epoch each was given at
 * @param partitionsPendingRevocation partitions the member must give up before advancing its epoch
 * @param classicMemberMetadata       for a member that speaks the classic protocol (JoinGroup/SyncGroup) inside
 *                                    a consumer group: its session timeout and JoinGroup protocols (spec §17)
 */
public record ConsumerGroupMember(
        String memberId,
        Optional<String> instanceId,
        Optional<String> rackId,
        String clientId,
        String clientHost,
        SortedSet<String> subscribedTopicNames,
        Optional<String> subscribedTopicRegex,
        Optional<String> serverAssignorName,
        int rebalanceTimeoutMs,
        int memberEpoch,
        int previousMemberEpoch,
        MemberState state,
        PartitionEpochs assignedPartitions,
        PartitionEpochs partitionsPendingRevocation,
        Optional<ClassicMemberMetadataValue> classicMemberMetadata) {

    public ConsumerGroupMember {
        Objects.requireNonNull(memberId, "memberId");
        Objects.requireNonNull(instanceId, "instanceId");
        Objects.requireNonNull(rackId, "rackId");
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(clientHost, "clientHost");
        subscribedTopicNames = Collections.unmodifiableSortedSet(new TreeSet<>(subscribedTopicNames));
        Objects.requireNonNull(subscribedTopicRegex, "subscribedTopicRegex");
        Objects.requireNonNull(serverAssignorName, "serverAssignorName");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(assignedPartitions, "assignedPartitions");
        Objects.requireNonNull(partitionsPendingRevocation, "partitionsPendingRevocation");
        Objects.requireNonNull(classicMemberMetadata, "classicMemberMetadata");
    }

    /** @return true if the member speaks the classic protocol (JoinGroup/SyncGroup/Heartbeat) */
    public boolean usesClassicProtocol() {
        return classicMemberMetadata.isPresent();
    }

    /** A new member: epoch 0, STABLE, no partitions, no subscription. */
    public static Builder builder(String memberId) {
        return new Builder(memberId);
    }

    public Builder toBuilder() {
        return new Builder(this);
    }

    /** Builds members; unset fields take the values of a member that just joined. */
    public static final class Builder {

        private final String memberId;
        private Optional<String> instanceId = Optional.empty();
        private Optional<String> rackId = Optional.empty();
        private String clientId = "";
        private String clientHost = "";
        private SortedSet<String> subscribedTopicNames = new TreeSet<>();
        private Optional<String> subscribedTopicRegex = Optional.empty();
        private Optional<String> serverAssignorName = Optional.empty();
        private int rebalanceTimeoutMs = -1;
        private int memberEpoch;
        private int previousMemberEpoch;
        private MemberState state = MemberState.STABLE;
        private PartitionEpochs assignedPartitions = PartitionEpochs.EMPTY;
        private PartitionEpochs partitionsPendingRevocation = PartitionEpochs.EMPTY;
        private Optional<ClassicMemberMetadataValue> classicMemberMetadata = Optional.empty();

        private Builder(String memberId) {
            this.memberId = Objects.requireNonNull(memberId, "memberId");
        }

        private Builder(ConsumerGroupMember member) {
            this.memberId = member.memberId;
            this.instanceId = member.instanceId;
            this.rackId = member.rackId;
            this.clientId = member.clientId;
            this.clientHost = member.clientHost;
            this.subscribedTopicNames = member.subscribedTopicNames;
            this.subscribedTopicRegex = member.subscribedTopicRegex;
            this.serverAssignorName = member.serverAssignorName;
            this.rebalanceTimeoutMs = member.rebalanceTimeoutMs;
            this.memberEpoch = member.memberEpoch;
            this.previousMemberEpoch = member.previousMemberEpoch;
            this.state = member.state;
            this.assignedPartitions = member.assignedPartitions;
            this.partitionsPendingRevocation = member.partitionsPendingRevocation;
            this.classicMemberMetadata = member.classicMemberMetadata;
        }

        public Builder instanceId(String instanceId) {
            this.instanceId = Optional.ofNullable(instanceId);
            return this;
        }

        public Builder rackId(String rackId) {
            this.rackId = Optional.ofNullable(rackId);
            return this;
        }

        public Builder clientId(String clientId) {
            this.clientId = clientId;
            return this;
        }

        public Builder clientHost(String clientHost) {
            this.clientHost = clientHost;
            return this;
        }

        public Builder subscribedTopicNames(Collection<String> names) {
            this.subscribedTopicNames = new TreeSet<>(names);
            return this;
        }

        public Builder subscribedTopicRegex(String regex) {
            this.subscribedTopicRegex = Optional.ofNullable(regex);
            return this;
        }

        public Builder serverAssignorName(String assignor) {
            this.serverAssignorName = Optional.ofNullable(assignor);
            return this;
        }

        public Builder rebalanceTimeoutMs(int rebalanceTimeoutMs) {
            this.rebalanceTimeoutMs = rebalanceTimeoutMs;
            return this;
        }

        public Builder memberEpoch(int memberEpoch) {
            this.memberEpoch = memberEpoch;
            return this;
        }

        public Builder previousMemberEpoch(int previousMemberEpoch) {
            this.previousMemberEpoch = previousMemberEpoch;
            return this;
        }

        public Builder state(MemberState state) {
            this.state = state;
            return this;
        }

        public Builder assignedPartitions(PartitionEpochs assignedPartitions) {
            this.assignedPartitions = assignedPartitions;
            return this;
        }

        public Builder partitionsPendingRevocation(PartitionEpochs partitionsPendingRevocation) {
            this.partitionsPendingRevocation = partitionsPendingRevocation;
            return this;
        }

        /** @param classicMemberMetadata null for a consumer-protocol member */
        public Builder classicMemberMetadata(ClassicMemberMetadataValue classicMemberMetadata) {
            this.classicMemberMetadata = Optional.ofNullable(classicMemberMetadata);
            return this;
        }

        public ConsumerGroupMember build() {
            return new ConsumerGroupMember(memberId, instanceId, rackId, clientId, clientHost, subscribedTopicNames,
                    subscribedTopicRegex, serverAssignorName, rebalanceTimeoutMs, memberEpoch, previousMemberEpoch,
                    state, assignedPartitions, partitionsPendingRevocation, classicMemberMetadata);
        }
    }
}
