package dev.handoff.coordinator.record;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Bytes;

/**
 * The binary layout of the KIP-848 consumer group records, in {@link RecordSerde}'s conventions. Keys hold the group
 * id, then the member id for per-member records. A topic id is two int64 (most, then least significant bits); a
 * list of ints is an int32 count and the ints.
 */
final class ConsumerRecordSerde {

    private ConsumerRecordSerde() {
    }

    static void write(CoordinatorRecord record, BinaryWriter key, BinaryWriter value) {
        switch (record.type()) {
            case CONSUMER_GROUP_METADATA -> {
                ConsumerGroupMetadataRecord r = (ConsumerGroupMetadataRecord) record;
                key.writeString(r.groupId());
                if (value != null) {
                    value.writeInt(r.value().epoch());
                    value.writeLong(r.value().metadataHash());
                }
            }
            case CONSUMER_GROUP_MEMBER_METADATA -> {
                ConsumerMemberMetadataRecord r = (ConsumerMemberMetadataRecord) record;
                writeMemberKey(key, r.groupId(), r.memberId());
                if (value != null) {
                    writeMember(value, r.value());
                }
            }
            case CONSUMER_GROUP_TARGET_ASSIGNMENT_METADATA -> {
                ConsumerTargetAssignmentMetadataRecord r = (ConsumerTargetAssignmentMetadataRecord) record;
                key.writeString(r.groupId());
                if (value != null) {
                    value.writeInt(r.value().assignmentEpoch());
                    value.writeLong(r.value().assignedAtMs());
                }
            }
            case CONSUMER_GROUP_TARGET_ASSIGNMENT_MEMBER -> {
                ConsumerTargetAssignmentMemberRecord r = (ConsumerTargetAssignmentMemberRecord) record;
                writeMemberKey(key, r.groupId(), r.memberId());
                if (value != null) {
                    value.writeInt(r.topics().size());
                    for (TopicPartitionsValue topic : r.topics()) {
                        writeUuid(value, topic.topicId());
                        writeInts(value, topic.partitions());
                    }
                }
            }
            case CONSUMER_GROUP_CURRENT_MEMBER_ASSIGNMENT -> {
                ConsumerCurrentAssignmentRecord r = (ConsumerCurrentAssignmentRecord) record;
                writeMemberKey(key, r.groupId(), r.memberId());
                if (value != null) {
                    ConsumerCurrentAssignmentValue v = r.value();
                    value.writeInt(v.memberEpoch());
                    value.writeInt(v.previousMemberEpoch());
                    value.writeShort(v.state());
                    writeEpochs(value, v.assignedPartitions());
                    writeEpochs(value, v.partitionsPendingRevocation());
                }
            }
            default -> throw new IllegalArgumentException("Not a consumer group record: " + record.type());
        }
    }

    static CoordinatorRecord read(RecordType type, ByteBuffer key, ByteBuffer value) {
        String groupId = BinaryReader.readString(key);
        return switch (type) {
            case CONSUMER_GROUP_METADATA -> value == null ? Records.consumerGroupTombstone(groupId)
                : Records.consumerGroupEpoch(groupId, value.getInt(), value.getLong());
            case CONSUMER_GROUP_MEMBER_METADATA -> {
                String memberId = BinaryReader.readString(key);
                yield value == null ? Records.consumerMemberTombstone(groupId, memberId)
                    : Records.consumerMember(groupId, memberId, readMember(value));
            }
            case CONSUMER_GROUP_TARGET_ASSIGNMENT_METADATA -> value == null
                ? Records.consumerTargetAssignmentEpochTombstone(groupId)
                : Records.consumerTargetAssignmentEpoch(groupId, value.getInt(), value.getLong());
            case CONSUMER_GROUP_TARGET_ASSIGNMENT_MEMBER -> {
                String memberId = BinaryReader.readString(key);
                if (value == null) {
                    yield Records.consumerTargetAssignmentTombstone(groupId, memberId);
                }
                int count = BinaryReader.readCount(value);
                List<TopicPartitionsValue> topics = new ArrayList<>(count);
                for (int i = 0; i < count; i++) {
                    topics.add(new TopicPartitionsValue(readUuid(value), readInts(value)));
                }
                yield Records.consumerTargetAssignment(groupId, memberId, topics);
            }
            case CONSUMER_GROUP_CURRENT_MEMBER_ASSIGNMENT -> {
                String memberId = BinaryReader.readString(key);
                if (value == null) {
                    yield Records.consumerCurrentAssignmentTombstone(groupId, memberId);
                }
                int memberEpoch = value.getInt();
                int previousMemberEpoch = value.getInt();
                byte state = (byte) value.getShort();
                List<TopicPartitionEpochsValue> assigned = readEpochs(value);
                List<TopicPartitionEpochsValue> pending = readEpochs(value);
                yield Records.consumerCurrentAssignment(groupId, memberId,
                    new ConsumerCurrentAssignmentValue(memberEpoch, previousMemberEpoch, state, assigned, pending));
            }
            default -> throw new IllegalArgumentException("Not a consumer group record type: " + type);
        };
    }

    private static void writeMemberKey(BinaryWriter key, String groupId, String memberId) {
        key.writeString(groupId);
        key.writeString(memberId);
    }

    private static void writeMember(BinaryWriter value, ConsumerMemberMetadataValue member) {
        value.writeString(member.instanceId());
        value.writeString(member.rackId());
        value.writeString(member.clientId());
        value.writeString(member.clientHost());
        value.writeInt(member.subscribedTopicNames().size());
        member.subscribedTopicNames().forEach(value::writeString);
        value.writeString(member.subscribedTopicRegex());
        value.writeString(member.serverAssignor());
        value.writeInt(member.rebalanceTimeoutMs());
        if (member.classicMember() != null) {
            writeClassicMember(value, member.classicMember());
        }
    }

    /** Appended only for members using the classic protocol, so older consumer member values read unchanged. */
    private static void writeClassicMember(BinaryWriter value, ClassicMemberMetadataValue classic) {
        value.writeInt(classic.sessionTimeoutMs());
        value.writeInt(classic.protocols().size());
        for (ClassicMemberValue.ProtocolValue protocol : classic.protocols()) {
            value.writeString(protocol.name());
            value.writeBytes(protocol.metadata().get());
        }
    }

    private static ClassicMemberMetadataValue readClassicMember(ByteBuffer value) {
        int sessionTimeoutMs = value.getInt();
        int count = BinaryReader.readCount(value);
        List<ClassicMemberValue.ProtocolValue> protocols = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String name = BinaryReader.readString(value);
            protocols.add(new ClassicMemberValue.ProtocolValue(name, Bytes.wrap(BinaryReader.readBytes(value))));
        }
        return new ClassicMemberMetadataValue(sessionTimeoutMs, protocols);
    }

    private static ConsumerMemberMetadataValue readMember(ByteBuffer value) {
        String instanceId = BinaryReader.readString(value);
        String rackId = BinaryReader.readString(value);
        String clientId = BinaryReader.readString(value);
        String clientHost = BinaryReader.readString(value);
        int count = BinaryReader.readCount(value);
        List<String> names = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            names.add(BinaryReader.readString(value));
        }
        String regex = BinaryReader.readString(value);
        String assignor = BinaryReader.readString(value);
        int rebalanceTimeoutMs = value.getInt();
        ClassicMemberMetadataValue classic = value.hasRemaining() ? readClassicMember(value) : null;
        return new ConsumerMemberMetadataValue(instanceId, rackId, clientId, clientHost, names, regex, assignor,
            rebalanceTimeoutMs, classic);
    }

    private static void writeEpochs(BinaryWriter value, List<TopicPartitionEpochsValue> topics) {
        value.writeInt(topics.size());
        for (TopicPartitionEpochsValue topic : topics) {
            writeUuid(value, topic.topicId());
            writeInts(value, topic.partitions());
            writeInts(value, topic.epochs());
        }
    }

    private static List<TopicPartitionEpochsValue> readEpochs(ByteBuffer value) {
        int count = BinaryReader.readCount(value);
        List<TopicPartitionEpochsValue> topics = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            topics.add(new TopicPartitionEpochsValue(readUuid(value), readInts(value), readInts(value)));
        }
        return topics;
    }

    private static void writeUuid(BinaryWriter out, Uuid uuid) {
        out.writeLong(uuid.getMostSignificantBits());
        out.writeLong(uuid.getLeastSignificantBits());
    }

    private static Uuid readUuid(ByteBuffer in) {
        return new Uuid(in.getLong(), in.getLong());
    }

    private static void writeInts(BinaryWriter out, List<Integer> ints) {
        out.writeInt(ints.size());
        ints.forEach(out::writeInt);
    }

    private static List<Integer> readInts(ByteBuffer in) {
        int count = BinaryReader.readCount(in);
        List<Integer> ints = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            ints.add(in.getInt());
        }
        return ints;
    }
}
