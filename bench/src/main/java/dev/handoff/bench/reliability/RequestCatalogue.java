package dev.handoff.bench.reliability;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.compress.Compression;
import org.apache.kafka.common.message.ApiMessageType;
import org.apache.kafka.common.message.ConsumerGroupHeartbeatRequestData;
import org.apache.kafka.common.message.CreateTopicsRequestData;
import org.apache.kafka.common.message.CreateTopicsRequestData.CreatableTopic;
import org.apache.kafka.common.message.CreateTopicsRequestData.CreatableTopicCollection;
import org.apache.kafka.common.message.DeleteTopicsRequestData;
import org.apache.kafka.common.message.DeleteTopicsRequestData.DeleteTopicState;
import org.apache.kafka.common.message.DescribeGroupsRequestData;
import org.apache.kafka.common.message.FetchRequestData;
import org.apache.kafka.common.message.FetchRequestData.FetchPartition;
import org.apache.kafka.common.message.FetchRequestData.FetchTopic;
import org.apache.kafka.common.message.FindCoordinatorRequestData;
import org.apache.kafka.common.message.HeartbeatRequestData;
import org.apache.kafka.common.message.JoinGroupRequestData;
import org.apache.kafka.common.message.JoinGroupRequestData.JoinGroupRequestProtocol;
import org.apache.kafka.common.message.JoinGroupRequestData.JoinGroupRequestProtocolCollection;
import org.apache.kafka.common.message.ListOffsetsRequestData;
import org.apache.kafka.common.message.ListOffsetsRequestData.ListOffsetsPartition;
import org.apache.kafka.common.message.ListOffsetsRequestData.ListOffsetsTopic;
import org.apache.kafka.common.message.MetadataRequestData;
import org.apache.kafka.common.message.MetadataRequestData.MetadataRequestTopic;
import org.apache.kafka.common.message.OffsetCommitRequestData;
import org.apache.kafka.common.message.OffsetCommitRequestData.OffsetCommitRequestPartition;
import org.apache.kafka.common.message.OffsetCommitRequestData.OffsetCommitRequestTopic;
import org.apache.kafka.common.message.ProduceRequestData;
import org.apache.kafka.common.message.ProduceRequestData.PartitionProduceData;
import org.apache.kafka.common.message.ProduceRequestData.TopicProduceData;
import org.apache.kafka.common.message.ProduceRequestData.TopicProduceDataCollection;
import org.apache.kafka.common.protocol.ApiKeys;
import org.apache.kafka.common.protocol.ApiMessage;
import org.apache.kafka.common.record.internal.MemoryRecords;
import org.apache.kafka.common.record.internal.SimpleRecord;

/**
 * Valid requests of every API, built from kafka-clients' message classes with values a real client would send:
 * against the fuzz topic and group, so the broker gets past decoding into its handlers. APIs without a filler
 * here are sent as the message's defaults, which are valid for most of them.
 */
final class RequestCatalogue {

    static final String GROUP = "fuzz-group";
    private static final int PARTITIONS = 3;

    private final String topic;
    private final Uuid topicId;

    RequestCatalogue(String topic, Uuid topicId) {
        this.topic = topic;
        this.topicId = topicId;
    }

    /** A request of {@code apiKey} meant for {@code version}; the caller falls back to defaults if it cannot be written. */
    ApiMessage request(ApiKeys apiKey, short version, Random random) {
        int partition = random.nextInt(PARTITIONS);
        boolean byId = version >= 13;
        return switch (apiKey) {
            case PRODUCE -> produce(partition, byId, random);
            case FETCH -> new FetchRequestData().setMaxWaitMs(random.nextInt(50)).setMinBytes(1)
                    .setMaxBytes(1 << 20).setSessionEpoch(-1).setReplicaId(-1)
                    .setTopics(List.of(new FetchTopic().setTopic(topic).setTopicId(byId ? topicId : Uuid.ZERO_UUID)
                            .setPartitions(List.of(new FetchPartition().setPartition(partition)
                                    .setFetchOffset(random.nextInt(10)).setPartitionMaxBytes(1 << 16)))));
            case METADATA -> new MetadataRequestData().setTopics(random.nextBoolean() ? null
                    : List.of(new MetadataRequestTopic().setName(topic)));
            case LIST_OFFSETS -> new ListOffsetsRequestData().setReplicaId(-1).setTopics(List.of(new ListOffsetsTopic()
                    .setName(topic).setPartitions(List.of(new ListOffsetsPartition().setPartitionIndex(partition)
                            .setTimestamp(-1 - random.nextInt(2))))));
            case CREATE_TOPICS -> createTopics(random);
            case DELETE_TOPICS -> version >= 6
                    ? new DeleteTopicsRequestData().setTimeoutMs(5000)
                            .setTopics(List.of(new DeleteTopicState().setName(scratchTopic(random))))
                    : new DeleteTopicsRequestData().setTimeoutMs(5000).setTopicNames(List.of(scratchTopic(random)));
            case FIND_COORDINATOR -> version >= 4
                    ? new FindCoordinatorRequestData().setCoordinatorKeys(List.of(GROUP))
                    : new FindCoordinatorRequestData().setKey(GROUP);
            case JOIN_GROUP -> joinGroup(random);
            case HEARTBEAT -> new HeartbeatRequestData().setGroupId(GROUP).setGenerationId(1).setMemberId("m-1");
            case DESCRIBE_GROUPS -> new DescribeGroupsRequestData().setGroups(List.of(GROUP));
            case OFFSET_COMMIT -> new OffsetCommitRequestData().setGroupId(GROUP).setGenerationIdOrMemberEpoch(-1)
                    .setTopics(List.of(new OffsetCommitRequestTopic().setName(topic)
                            .setTopicId(version >= 10 ? topicId : Uuid.ZERO_UUID)
                            .setPartitions(List.of(new OffsetCommitRequestPartition().setPartitionIndex(partition)
                                    .setCommittedOffset(random.nextInt(10))))));
            case CONSUMER_GROUP_HEARTBEAT -> new ConsumerGroupHeartbeatRequestData().setGroupId(GROUP + "-848")
                    .setMemberId(new Uuid(random.nextLong(), random.nextLong()).toString()).setMemberEpoch(0).setRebalanceTimeoutMs(5000)
                    .setSubscribedTopicNames(List.of(topic)).setTopicPartitions(List.of());
            default -> ApiMessageType.fromApiKey(apiKey.id).newRequest();
        };
    }

    private ApiMessage produce(int partition, boolean byId, Random random) {
        byte[] value = new byte[random.nextInt(200)];
        random.nextBytes(value);
        MemoryRecords records = MemoryRecords.withRecords(Compression.NONE,
                new SimpleRecord(System.currentTimeMillis(), "k".getBytes(StandardCharsets.UTF_8), value));
        TopicProduceDataCollection topics = new TopicProduceDataCollection();
        topics.add(new TopicProduceData().setName(byId ? "" : topic).setTopicId(byId ? topicId : Uuid.ZERO_UUID)
                .setPartitionData(List.of(new PartitionProduceData().setIndex(partition).setRecords(records))));
        return new ProduceRequestData().setAcks((short) -1).setTimeoutMs(5000).setTopicData(topics);
    }

    private static ApiMessage createTopics(Random random) {
        CreatableTopicCollection topics = new CreatableTopicCollection();
        topics.add(new CreatableTopic().setName(scratchTopic(random)).setNumPartitions(1)
                .setReplicationFactor((short) 1));
        // validate_only most of the time: the fuzzer must not grow the broker's state without bound.
        return new CreateTopicsRequestData().setTopics(topics).setTimeoutMs(5000).setValidateOnly(random.nextInt(8) > 0);
    }

    /**
     * A join of a group of its own: a classic join waits for the group's other members, and a mutated join may have
     * left a member with an enormous rebalance timeout in any group it named.
     */
    private static ApiMessage joinGroup(Random random) {
        JoinGroupRequestProtocolCollection protocols = new JoinGroupRequestProtocolCollection();
        protocols.add(new JoinGroupRequestProtocol().setName("range").setMetadata(new byte[] {0, 1, 0, 0, 0, 0}));
        return new JoinGroupRequestData().setGroupId(GROUP + "-" + Long.toHexString(random.nextLong()))
                .setSessionTimeoutMs(6000).setRebalanceTimeoutMs(100)
                .setMemberId("").setProtocolType("consumer").setProtocols(protocols);
    }

    /** A handful of scratch topics the fuzzer may create and delete; never the topics the health check uses. */
    private static String scratchTopic(Random random) {
        return "fuzz-scratch-" + random.nextInt(4);
    }
}
