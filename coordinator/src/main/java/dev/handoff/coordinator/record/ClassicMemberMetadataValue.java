package dev.handoff.coordinator.record;

import java.util.List;

import dev.handoff.coordinator.record.ClassicMemberValue.ProtocolValue;

/**
 * What a consumer group keeps about a member that speaks the classic protocol (Kafka's
 * {@code ConsumerGroupMemberMetadataValue.ClassicMemberMetadata}, KIP-848 online migration).
 *
 * @param sessionTimeoutMs the member's own JoinGroup session timeout
 * @param protocols        the protocols of its last JoinGroup, in its order of preference
 */
public record ClassicMemberMetadataValue(int sessionTimeoutMs, List<ProtocolValue> protocols) {

    public ClassicMemberMetadataValue {
        protocols = List.copyOf(protocols);
    }
}
