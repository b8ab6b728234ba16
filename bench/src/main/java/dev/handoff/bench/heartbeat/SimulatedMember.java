package dev.handoff.bench.heartbeat;

import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.message.ConsumerGroupHeartbeatRequestData;
import org.apache.kafka.common.message.ConsumerGroupHeartbeatResponseData;
import org.apache.kafka.common.protocol.Errors;

/**
 * One consumer group member as the KIP-848 protocol sees it, without a KafkaConsumer behind it: it joins, takes
 * whatever the coordinator assigns at once (it has nothing to commit or revoke) and acknowledges it by sending its
 * owned partitions in the next heartbeat, as the consumer does after reconciling; otherwise the coordinator never
 * moves the group on to a stable epoch. Not thread-safe: one request in flight at a time, from one thread.
 */
final class SimulatedMember {

    /** What a response meant for the member. */
    enum Outcome {
        /** A heartbeat or join succeeded. */
        OK,
        /** The leave heartbeat succeeded: the member is gone. */
        LEFT,
        /** FENCED_MEMBER_EPOCH or UNKNOWN_MEMBER_ID: the member rejoins with epoch 0, as the consumer does. */
        FENCED,
        /** A coordinator error the consumer retries after a back-off. */
        RETRIABLE,
        /** Any other error: the consumer gives up (fatal), and so does the member. */
        FAILED
    }

    /** KIP-848: epoch 0 joins, -1 leaves. */
    static final int JOIN_EPOCH = 0;
    static final int LEAVE_EPOCH = -1;

    private final String groupId;
    private final List<String> subscribedTopics;
    private final int rebalanceTimeoutMs;
    private String memberId;
    private int memberEpoch = JOIN_EPOCH;
    private int heartbeatIntervalMs;
    private boolean leaving;
    private List<ConsumerGroupHeartbeatRequestData.TopicPartitions> owned = List.of();
    private boolean ownedUnacknowledged;
    private boolean inFlightCarriesOwned;
    private boolean inFlightIsLeave;

    /**
     * @param memberId           the client-generated member id (ConsumerGroupHeartbeat v1, KIP-1082); empty for
     *                           v0, where the coordinator names the member in its first response
     * @param rebalanceTimeoutMs sent on join; the consumer sends {@code max.poll.interval.ms}
     */
    SimulatedMember(String groupId, String memberId, List<String> subscribedTopics, int rebalanceTimeoutMs) {
        this.groupId = groupId;
        this.memberId = memberId;
        this.subscribedTopics = List.copyOf(subscribedTopics);
        this.rebalanceTimeoutMs = rebalanceTimeoutMs;
    }

    /**
     * The next heartbeat: a full join at epoch 0; a leave at epoch -1 once {@link #leave()} was called; otherwise
     * the current epoch and, only when they changed, the owned partitions (every other field null or -1, meaning
     * "unchanged", as the consumer sends it).
     */
    ConsumerGroupHeartbeatRequestData nextRequest() {
        ConsumerGroupHeartbeatRequestData request = new ConsumerGroupHeartbeatRequestData()
                .setGroupId(groupId)
                .setMemberId(memberId);
        inFlightIsLeave = leaving;
        inFlightCarriesOwned = false;
        if (leaving) {
            return request.setMemberEpoch(LEAVE_EPOCH);
        }
        if (memberEpoch == JOIN_EPOCH) {
            return request.setMemberEpoch(JOIN_EPOCH)
                    .setRebalanceTimeoutMs(rebalanceTimeoutMs)
                    .setSubscribedTopicNames(subscribedTopics)
                    .setTopicPartitions(List.of());
        }
        request.setMemberEpoch(memberEpoch);
        if (ownedUnacknowledged) {
            inFlightCarriesOwned = true;
            request.setTopicPartitions(owned);
        }
        return request;
    }

    /** Applies the response to the request from the last {@link #nextRequest()}. */
    Outcome onResponse(ConsumerGroupHeartbeatResponseData response) {
        Errors error = Errors.forCode(response.errorCode());
        if (error == Errors.NONE) {
            return inFlightIsLeave ? Outcome.LEFT : accept(response);
        }
        if (error == Errors.FENCED_MEMBER_EPOCH || error == Errors.UNKNOWN_MEMBER_ID) {
            // The consumer drops its partitions and rejoins with the same member id (KIP-848, KIP-1082).
            memberEpoch = JOIN_EPOCH;
            owned = List.of();
            ownedUnacknowledged = false;
            return inFlightIsLeave ? Outcome.LEFT : Outcome.FENCED;
        }
        if (error == Errors.COORDINATOR_NOT_AVAILABLE || error == Errors.COORDINATOR_LOAD_IN_PROGRESS
                || error == Errors.NOT_COORDINATOR || error == Errors.REQUEST_TIMED_OUT) {
            return Outcome.RETRIABLE;
        }
        return Outcome.FAILED;
    }

    private Outcome accept(ConsumerGroupHeartbeatResponseData response) {
        if (response.memberId() != null) {
            memberId = response.memberId();
        }
        memberEpoch = response.memberEpoch();
        heartbeatIntervalMs = response.heartbeatIntervalMs();
        if (inFlightCarriesOwned) {
            ownedUnacknowledged = false;
        }
        if (response.assignment() != null) {
            owned = toOwned(response.assignment());
            ownedUnacknowledged = true;
        }
        return Outcome.OK;
    }

    private static List<ConsumerGroupHeartbeatRequestData.TopicPartitions> toOwned(
            ConsumerGroupHeartbeatResponseData.Assignment assignment) {
        List<ConsumerGroupHeartbeatRequestData.TopicPartitions> partitions = new ArrayList<>();
        for (ConsumerGroupHeartbeatResponseData.TopicPartitions topic : assignment.topicPartitions()) {
            partitions.add(new ConsumerGroupHeartbeatRequestData.TopicPartitions()
                    .setTopicId(topic.topicId())
                    .setPartitions(List.copyOf(topic.partitions())));
        }
        return List.copyOf(partitions);
    }

    /** The next request leaves the group. */
    void leave() {
        leaving = true;
    }

    boolean isLeaving() {
        return leaving;
    }

    /** True while the next request is a join (before the first answer, or after being fenced). */
    boolean isJoining() {
        return memberEpoch == JOIN_EPOCH;
    }

    /** True when the coordinator has assigned partitions the member has not yet acknowledged. */
    boolean hasUnacknowledgedAssignment() {
        return ownedUnacknowledged;
    }

    String groupId() {
        return groupId;
    }

    String memberId() {
        return memberId;
    }

    int memberEpoch() {
        return memberEpoch;
    }

    /** The interval the coordinator asked for in its last successful response; 0 before the first. */
    int heartbeatIntervalMs() {
        return heartbeatIntervalMs;
    }

    int ownedPartitionCount() {
        return owned.stream().mapToInt(topic -> topic.partitions().size()).sum();
    }
}
