package dev.handoff.coordinator.consumer;

import org.apache.kafka.common.errors.InvalidRequestException;
import org.apache.kafka.common.errors.UnsupportedAssignorException;
import org.apache.kafka.common.message.ConsumerGroupHeartbeatRequestData;

/** ConsumerGroupHeartbeat request validation, before any group state is read (spec §3, in Kafka's order). */
final class HeartbeatRequestValidator {

    static final int JOIN_EPOCH = 0;
    static final int LEAVE_EPOCH = -1;
    static final int STATIC_LEAVE_EPOCH = -2;
    /** RebalanceTimeoutMs -1 means "unchanged". */
    static final int UNCHANGED_TIMEOUT = -1;

    private HeartbeatRequestValidator() {
    }

    /**
     * @throws InvalidRequestException      for a malformed request (INVALID_REQUEST)
     * @throws UnsupportedAssignorException for a ServerAssignor that is not configured
     */
    static void validate(ConsumerGroupHeartbeatRequestData request, short apiVersion, ServerAssignors assignors) {
        int epoch = request.memberEpoch();
        // v1+: the client always generates its member id (KIP-1082); v0 may join without one.
        if ((apiVersion >= 1 || epoch > 0 || epoch == LEAVE_EPOCH) && isEmpty(request.memberId())) {
            throw new InvalidRequestException("MemberId can't be empty.");
        }
        if (isEmpty(request.groupId())) {
            throw new InvalidRequestException("GroupId can't be empty.");
        }
        if (request.instanceId() != null && request.instanceId().isEmpty()) {
            throw new InvalidRequestException("InstanceId can't be empty.");
        }
        if (request.rackId() != null && request.rackId().isEmpty()) {
            throw new InvalidRequestException("RackId can't be empty.");
        }
        if (epoch == JOIN_EPOCH) {
            if (request.rebalanceTimeoutMs() == UNCHANGED_TIMEOUT) {
                throw new InvalidRequestException("RebalanceTimeoutMs must be provided in first request.");
            }
            if (request.topicPartitions() == null || !request.topicPartitions().isEmpty()) {
                throw new InvalidRequestException("TopicPartitions must be empty when (re-)joining.");
            }
            if (request.subscribedTopicNames() == null && request.subscribedTopicRegex() == null) {
                throw new InvalidRequestException("SubscribedTopicNames or SubscribedTopicRegex must be set in first"
                    + " request.");
            }
        } else if (epoch == STATIC_LEAVE_EPOCH) {
            if (request.instanceId() == null) {
                throw new InvalidRequestException("InstanceId can't be null.");
            }
        } else if (epoch < STATIC_LEAVE_EPOCH) {
            throw new InvalidRequestException("MemberEpoch is invalid.");
        }
        if (request.serverAssignor() != null && !assignors.contains(request.serverAssignor())) {
            throw new UnsupportedAssignorException("ServerAssignor " + request.serverAssignor()
                + " is not supported. Supported assignors: " + assignors.names() + ".");
        }
    }

    private static boolean isEmpty(String s) {
        return s == null || s.isEmpty();
    }
}
