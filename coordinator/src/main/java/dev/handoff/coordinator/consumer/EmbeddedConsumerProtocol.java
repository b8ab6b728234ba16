package dev.handoff.coordinator.consumer;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import dev.handoff.coordinator.assignor.PartitionSet;
import org.apache.kafka.clients.consumer.internals.ConsumerProtocol;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.message.ConsumerProtocolAssignment;
import org.apache.kafka.common.message.ConsumerProtocolSubscription;
import org.apache.kafka.common.protocol.types.SchemaException;

/**
 * The consumer protocol bytes classic members carry in JoinGroup metadata and SyncGroup assignments (classic spec
 * §12), read and written with kafka-clients' {@link ConsumerProtocol}. Topic names are resolved against the current
 * topics; partitions of unknown topics are dropped, as Kafka does.
 */
final class EmbeddedConsumerProtocol {

    private EmbeddedConsumerProtocol() {
    }

    /**
     * @return the subscription (a version above 3 is read as 3, since later versions only append fields)
     * @throws IllegalArgumentException if the bytes are not a consumer protocol subscription
     */
    static ConsumerProtocolSubscription subscription(byte[] metadata) {
        try {
            return ConsumerProtocol.deserializeConsumerProtocolSubscription(ByteBuffer.wrap(metadata));
        } catch (SchemaException | BufferUnderflowException e) {
            throw new IllegalArgumentException("Malformed ConsumerProtocolSubscription: " + e.getMessage(), e);
        }
    }

    /** @return the version the member wrote its subscription in, bounded by what kafka-clients can write */
    static short version(byte[] metadata) {
        short version = ConsumerProtocol.deserializeVersion(ByteBuffer.wrap(metadata));
        return (short) Math.max(0, Math.min(version, ConsumerProtocolAssignment.HIGHEST_SUPPORTED_VERSION));
    }

    /**
     * @return the assignment; empty bytes are an empty assignment (a member that never completed a generation)
     * @throws IllegalArgumentException if the bytes are malformed
     */
    static ConsumerProtocolAssignment assignment(byte[] bytes) {
        if (bytes.length == 0) {
            return new ConsumerProtocolAssignment();
        }
        try {
            return ConsumerProtocol.deserializeConsumerProtocolAssignment(ByteBuffer.wrap(bytes));
        } catch (SchemaException | BufferUnderflowException e) {
            throw new IllegalArgumentException("Malformed ConsumerProtocolAssignment: " + e.getMessage(), e);
        }
    }

    /** Owned or assigned partitions by topic name, resolved to topic ids. */
    static Map<Uuid, PartitionSet> topicIds(Map<String, List<Integer>> byName, SubscriptionResolver topics) {
        Map<Uuid, PartitionSet> byId = new TreeMap<>();
        byName.forEach((name, partitions) -> topics.image().topic(name)
            .ifPresent(topic -> byId.put(topic.id(), PartitionSet.of(partitions))));
        return byId;
    }

    static Map<String, List<Integer>> ownedPartitions(ConsumerProtocolSubscription subscription) {
        Map<String, List<Integer>> owned = new TreeMap<>();
        subscription.ownedPartitions().forEach(t -> owned.put(t.topic(), t.partitions()));
        return owned;
    }

    static Map<String, List<Integer>> assignedPartitions(ConsumerProtocolAssignment assignment) {
        Map<String, List<Integer>> assigned = new TreeMap<>();
        assignment.assignedPartitions().forEach(t -> assigned.put(t.topic(), t.partitions()));
        return assigned;
    }

    /** @return true if a custom client assignor put its own data in the assignment (an upgrade would lose it) */
    static boolean hasUserData(ConsumerProtocolAssignment assignment) {
        return assignment.userData() != null && assignment.userData().hasRemaining();
    }

    /** Encodes partitions (by topic id) as a ConsumerProtocolAssignment of {@code version}, without user data. */
    static byte[] encodeAssignment(Map<Uuid, PartitionSet> partitions, short version, SubscriptionResolver topics) {
        ConsumerProtocolAssignment assignment = new ConsumerProtocolAssignment();
        new TreeMap<>(partitions).forEach((topicId, set) -> {
            Optional<String> name = topics.topicName(topicId);
            if (name.isPresent()) {
                List<Integer> list = new ArrayList<>(set.size());
                set.forEach(list::add);
                assignment.assignedPartitions().add(new ConsumerProtocolAssignment.TopicPartition()
                    .setTopic(name.get())
                    .setPartitions(list));
            }
        });
        ByteBuffer buffer = ConsumerProtocol.serializeAssignment(assignment, version);
        byte[] bytes = new byte[buffer.remaining()];
        buffer.get(bytes);
        return bytes;
    }
}
