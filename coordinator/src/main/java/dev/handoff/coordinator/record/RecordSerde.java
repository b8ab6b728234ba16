package dev.handoff.coordinator.record;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import dev.handoff.coordinator.record.ClassicMemberValue.ProtocolValue;
import org.apache.kafka.common.utils.Bytes;

/**
 * The binary form of coordinator records in the coordinator partition.
 *
 * <p>Key: int16 record type id, int16 key version, then the key fields. Value: int16 value version, then the value
 * fields; a tombstone has no value at all. Integers are big-endian; strings are an int16 length (-1 = null) and
 * UTF-8 bytes; byte arrays an int32 length (-1 = null) and the bytes; lists an int32 count. A reader accepts value
 * versions newer than it knows and ignores the fields they appended, so the format can grow by appending (the rule
 * Kafka's own record schemas follow).
 */
public final class RecordSerde {

    static final short KEY_VERSION = 0;
    static final short VALUE_VERSION = 0;

    /** A serialized record; {@code value} is null for a tombstone. */
    public record Serialized(byte[] key, byte[] value) {
    }

    public Serialized serialize(CoordinatorRecord record) {
        BinaryWriter key = new BinaryWriter();
        key.writeShort(record.type().id());
        key.writeShort(KEY_VERSION);
        BinaryWriter value = record.isTombstone() ? null : new BinaryWriter();
        if (value != null) {
            value.writeShort(VALUE_VERSION);
        }
        switch (record.type()) {
            case OFFSET_COMMIT -> writeOffsetCommit((OffsetCommitRecord) record, key, value);
            case CLASSIC_GROUP_METADATA -> writeClassicGroup((ClassicGroupRecord) record, key, value);
            case CONSUMER_GROUP_METADATA, CONSUMER_GROUP_MEMBER_METADATA, CONSUMER_GROUP_TARGET_ASSIGNMENT_METADATA,
                CONSUMER_GROUP_TARGET_ASSIGNMENT_MEMBER, CONSUMER_GROUP_CURRENT_MEMBER_ASSIGNMENT ->
                ConsumerRecordSerde.write(record, key, value);
        }
        return new Serialized(key.toByteArray(), value == null ? null : value.toByteArray());
    }

    /**
     * @return the record, or empty if its type is unknown to this version (written by a newer broker)
     * @throws IllegalArgumentException if the bytes are malformed
     */
    public Optional<CoordinatorRecord> deserialize(byte[] keyBytes, byte[] valueBytes) {
        try {
            ByteBuffer key = ByteBuffer.wrap(keyBytes);
            Optional<RecordType> type = RecordType.fromId(key.getShort());
            if (type.isEmpty()) {
                return Optional.empty();
            }
            key.getShort();
            ByteBuffer value = valueBytes == null ? null : ByteBuffer.wrap(valueBytes);
            if (value != null) {
                short version = value.getShort();
                if (version < 0) {
                    throw new IllegalArgumentException("Negative value version " + version);
                }
            }
            CoordinatorRecord record = switch (type.get()) {
                case OFFSET_COMMIT -> readOffsetCommit(key, value);
                case CLASSIC_GROUP_METADATA -> readClassicGroup(key, value);
                case CONSUMER_GROUP_METADATA, CONSUMER_GROUP_MEMBER_METADATA,
                    CONSUMER_GROUP_TARGET_ASSIGNMENT_METADATA, CONSUMER_GROUP_TARGET_ASSIGNMENT_MEMBER,
                    CONSUMER_GROUP_CURRENT_MEMBER_ASSIGNMENT -> ConsumerRecordSerde.read(type.get(), key, value);
            };
            return Optional.of(record);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("Malformed coordinator record", e);
        }
    }

    private static void writeOffsetCommit(OffsetCommitRecord record, BinaryWriter key, BinaryWriter value) {
        key.writeString(record.groupId());
        key.writeString(record.topic());
        key.writeInt(record.partition());
        if (value != null) {
            OffsetCommitValue v = record.value();
            value.writeLong(v.offset());
            value.writeInt(v.leaderEpoch());
            value.writeString(v.metadata());
            value.writeLong(v.commitTimestampMs());
            value.writeLong(v.expireTimestampMs());
        }
    }

    private static OffsetCommitRecord readOffsetCommit(ByteBuffer key, ByteBuffer value) {
        String groupId = BinaryReader.readString(key);
        String topic = BinaryReader.readString(key);
        int partition = key.getInt();
        if (value == null) {
            return Records.offsetTombstone(groupId, topic, partition);
        }
        return Records.offsetCommit(groupId, topic, partition, new OffsetCommitValue(value.getLong(), value.getInt(),
            BinaryReader.readString(value), value.getLong(), value.getLong()));
    }

    private static void writeClassicGroup(ClassicGroupRecord record, BinaryWriter key, BinaryWriter value) {
        key.writeString(record.groupId());
        if (value == null) {
            return;
        }
        ClassicGroupValue v = record.value();
        value.writeString(v.protocolType());
        value.writeInt(v.generationId());
        value.writeString(v.protocolName());
        value.writeString(v.leaderId());
        value.writeLong(v.currentStateTimestampMs());
        value.writeInt(v.members().size());
        for (ClassicMemberValue member : v.members()) {
            value.writeString(member.memberId());
            value.writeString(member.groupInstanceId());
            value.writeString(member.clientId());
            value.writeString(member.clientHost());
            value.writeInt(member.rebalanceTimeoutMs());
            value.writeInt(member.sessionTimeoutMs());
            value.writeInt(member.protocols().size());
            for (ProtocolValue protocol : member.protocols()) {
                value.writeString(protocol.name());
                value.writeBytes(protocol.metadata().get());
            }
            value.writeBytes(member.assignment().get());
        }
    }

    private static ClassicGroupRecord readClassicGroup(ByteBuffer key, ByteBuffer value) {
        String groupId = BinaryReader.readString(key);
        if (value == null) {
            return Records.classicGroupTombstone(groupId);
        }
        String protocolType = BinaryReader.readString(value);
        int generationId = value.getInt();
        String protocolName = BinaryReader.readString(value);
        String leaderId = BinaryReader.readString(value);
        long currentStateTimestampMs = value.getLong();
        int memberCount = BinaryReader.readCount(value);
        List<ClassicMemberValue> members = new ArrayList<>(memberCount);
        for (int i = 0; i < memberCount; i++) {
            String memberId = BinaryReader.readString(value);
            String instanceId = BinaryReader.readString(value);
            String clientId = BinaryReader.readString(value);
            String clientHost = BinaryReader.readString(value);
            int rebalanceTimeoutMs = value.getInt();
            int sessionTimeoutMs = value.getInt();
            int protocolCount = BinaryReader.readCount(value);
            List<ProtocolValue> protocols = new ArrayList<>(protocolCount);
            for (int p = 0; p < protocolCount; p++) {
                protocols.add(new ProtocolValue(BinaryReader.readString(value),
                    Bytes.wrap(BinaryReader.readBytes(value))));
            }
            Bytes assignment = Bytes.wrap(BinaryReader.readBytes(value));
            members.add(new ClassicMemberValue(memberId, instanceId, clientId, clientHost, rebalanceTimeoutMs,
                sessionTimeoutMs, protocols, assignment));
        }
        return Records.classicGroup(groupId, new ClassicGroupValue(protocolType, generationId, protocolName, leaderId,
            currentStateTimestampMs, members));
    }
}
