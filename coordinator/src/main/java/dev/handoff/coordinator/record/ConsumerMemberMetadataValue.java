package dev.handoff.coordinator.record;

import java.util.List;
import java.util.Objects;

/**
 * A consumer group member's identity and subscription (Kafka's {@code ConsumerGroupMemberMetadataValue}).
 *
 * @param instanceId           {@code group.instance.id}, or null for a dynamic member
 * @param rackId               {@code client.rack}, or null
 * @param subscribedTopicNames subscribed topic names, sorted
 * @param subscribedTopicRegex RE2/J pattern, or null
 * @param serverAssignor       the assignor the member asked for, or null
 * @param rebalanceTimeoutMs   how long the member may take to revoke partitions
 * @param classicMember        for a member using the classic protocol, its session timeout and protocols; null for
 *                             a consumer-protocol member
 */
public record ConsumerMemberMetadataValue(String instanceId, String rackId, String clientId, String clientHost,
                                          List<String> subscribedTopicNames, String subscribedTopicRegex,
                                          String serverAssignor, int rebalanceTimeoutMs,
                                          ClassicMemberMetadataValue classicMember) {

    /** A consumer-protocol member. */
    public ConsumerMemberMetadataValue(String instanceId, String rackId, String clientId, String clientHost,
                                       List<String> subscribedTopicNames, String subscribedTopicRegex,
                                       String serverAssignor, int rebalanceTimeoutMs) {
        this(instanceId, rackId, clientId, clientHost, subscribedTopicNames, subscribedTopicRegex, serverAssignor,
            rebalanceTimeoutMs, null);
    }

    public ConsumerMemberMetadataValue {
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(clientHost, "clientHost");
        subscribedTopicNames = List.copyOf(subscribedTopicNames);
    }
}
