package dev.handoff.coordinator.record;

import java.util.List;
import java.util.Objects;

import org.apache.kafka.common.utils.Bytes;

/**
 * One classic group member as persisted. All protocols are kept (Kafka keeps only the selected one) so that a
 * member rejoining after a restart with unchanged metadata does not look changed.
 *
 * @param groupInstanceId the static instance id (KIP-345), or null for a dynamic member
 * @param assignment      the assignment the leader gave it in the current generation
 */
public record ClassicMemberValue(String memberId, String groupInstanceId, String clientId, String clientHost,
                                 int rebalanceTimeoutMs, int sessionTimeoutMs, List<ProtocolValue> protocols,
                                 Bytes assignment) {

    public ClassicMemberValue {
        Objects.requireNonNull(memberId, "memberId");
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(clientHost, "clientHost");
        protocols = List.copyOf(protocols);
        Objects.requireNonNull(assignment, "assignment");
    }

    /** One protocol a member supports, with its metadata (for consumers, a ConsumerProtocolSubscription). */
    public record ProtocolValue(String name, Bytes metadata) {
        public ProtocolValue {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(metadata, "metadata");
        }
    }
}
