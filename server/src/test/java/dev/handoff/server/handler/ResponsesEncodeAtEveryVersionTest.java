package dev.handoff.server.handler;

import static org.assertj.core.api.Assertions.assertThat;

import dev.handoff.server.metadata.ClusterInfo;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.compress.Compression;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.network.Send;
import org.apache.kafka.common.message.ApiMessageType;
import org.apache.kafka.common.message.ApiVersionsRequestData;
import org.apache.kafka.common.message.CreatePartitionsRequestData;
import org.apache.kafka.common.message.CreateTopicsRequestData;
import org.apache.kafka.common.message.DeleteTopicsRequestData;
import org.apache.kafka.common.message.DescribeConfigsRequestData;
import org.apache.kafka.common.message.FetchRequestData;
import org.apache.kafka.common.message.ListOffsetsRequestData;
import org.apache.kafka.common.message.MetadataRequestData;
import org.apache.kafka.common.message.ProduceRequestData;
import org.apache.kafka.common.protocol.ApiKeys;
import org.apache.kafka.common.protocol.ApiMessage;
import org.apache.kafka.common.protocol.ByteBufferAccessor;
import org.apache.kafka.common.protocol.MessageUtil;
import org.apache.kafka.common.protocol.SendBuilder;
import org.apache.kafka.common.record.internal.MemoryRecords;
import org.apache.kafka.common.record.internal.SimpleRecord;
import org.apache.kafka.common.requests.ResponseHeader;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every handler, at every version it accepts, answers a realistic request (topics that exist, with data) with a
 * response that kafka-clients can serialise at that version: a field set outside its versions would otherwise
 * only surface as a closed connection for older clients.
 */
class ResponsesEncodeAtEveryVersionTest {

    @TempDir
    Path dir;

    static List<Arguments> accepted() {
        List<Arguments> result = new ArrayList<>();
        ClusterInfo cluster = new ClusterInfo("c", 1);
        BrokerServices none = new BrokerServices(cluster, null, null, null, null, true);
        for (ApiHandler<?, ?> handler : ApiHandlerRegistry.withApiVersions(cluster,
                BrokerHandlers.create(none)).handlers()) {
            for (short v = handler.minVersion(); v <= handler.maxVersion(); v++) {
                result.add(Arguments.of(handler.apiKey(), v));
            }
        }
        return result;
    }

    @ParameterizedTest(name = "{0} v{1}")
    @MethodSource("accepted")
    void answersWithAResponseThatSerialisesAtTheRequestVersion(ApiKeys apiKey, short version) {
        try (HandlerFixture broker = new HandlerFixture(dir)) {
            // Given
            broker.createTopic("t", 2);
            broker.createTopic("doomed", 1);
            broker.produce("t", 0, "a", "b");
            Uuid id = broker.topics.topic("t").orElseThrow().topicId();
            ApiMessage request = asReceived(requestFor(apiKey, version, id), version);
            // When
            ApiMessage response = broker.call(apiKey, version, request);
            // Then
            Send send = SendBuilder.buildResponseSend(new ResponseHeader(1, (short) 0), response, version);
            assertThat(send.size()).isPositive();
        }
    }

    /** What the broker would have parsed: fields the version lacks are dropped or defaulted. */
    private static ApiMessage asReceived(ApiMessage request, short version) {
        ByteBuffer buffer = MessageUtil.toByteBufferAccessor(request, version).buffer();
        ApiMessage parsed = ApiMessageType.fromApiKey(request.apiKey()).newRequest();
        parsed.read(new ByteBufferAccessor(buffer), version);
        return parsed;
    }

    private static ApiMessage requestFor(ApiKeys apiKey, short version, Uuid id) {
        return switch (apiKey) {
            case PRODUCE -> produce(id);
            case FETCH -> fetch(id);
            case LIST_OFFSETS -> listOffsets();
            case METADATA -> {
                MetadataRequestData metadata = new MetadataRequestData();
                metadata.topics().add(new MetadataRequestData.MetadataRequestTopic().setName("t"));
                metadata.topics().add(new MetadataRequestData.MetadataRequestTopic().setName("auto-created"));
                yield metadata;
            }
            case CREATE_TOPICS -> {
                CreateTopicsRequestData create = new CreateTopicsRequestData();
                create.topics().add(new CreateTopicsRequestData.CreatableTopic().setName("fresh")
                        .setNumPartitions(1).setReplicationFactor((short) 1));
                create.topics().add(new CreateTopicsRequestData.CreatableTopic().setName("t")
                        .setNumPartitions(1).setReplicationFactor((short) 1));
                yield create;
            }
            case DELETE_TOPICS -> version >= 6
                    ? new DeleteTopicsRequestData().setTopics(List.of(
                            new DeleteTopicsRequestData.DeleteTopicState().setName("doomed"),
                            new DeleteTopicsRequestData.DeleteTopicState().setName("missing")))
                    : new DeleteTopicsRequestData().setTopicNames(List.of("doomed", "missing"));
            case CREATE_PARTITIONS -> {
                CreatePartitionsRequestData grow = new CreatePartitionsRequestData();
                grow.topics().add(new CreatePartitionsRequestData.CreatePartitionsTopic().setName("t").setCount(3));
                yield grow;
            }
            case DESCRIBE_CONFIGS -> {
                DescribeConfigsRequestData describe = new DescribeConfigsRequestData().setIncludeSynonyms(true);
                describe.resources().add(new DescribeConfigsRequestData.DescribeConfigsResource()
                        .setResourceType(ConfigResource.Type.TOPIC.id()).setResourceName("t"));
                describe.resources().add(new DescribeConfigsRequestData.DescribeConfigsResource()
                        .setResourceType(ConfigResource.Type.BROKER.id()).setResourceName("1"));
                yield describe;
            }
            case API_VERSIONS -> new ApiVersionsRequestData().setClientSoftwareName("test")
                    .setClientSoftwareVersion("1.0");
            default -> ApiMessageType.fromApiKey(apiKey.id).newRequest();
        };
    }

    private static ProduceRequestData produce(Uuid id) {
        ProduceRequestData request = new ProduceRequestData().setAcks((short) -1).setTimeoutMs(1000);
        ProduceRequestData.TopicProduceData data = new ProduceRequestData.TopicProduceData().setName("t")
                .setTopicId(id);
        data.partitionData().add(new ProduceRequestData.PartitionProduceData().setIndex(0)
                .setRecords(MemoryRecords.withRecords(Compression.NONE,
                        new SimpleRecord(HandlerFixture.NOW, "v".getBytes()))));
        request.topicData().add(data);
        return request;
    }

    private static FetchRequestData fetch(Uuid id) {
        FetchRequestData.FetchTopic topic = new FetchRequestData.FetchTopic().setTopic("t").setTopicId(id);
        topic.partitions().add(new FetchRequestData.FetchPartition().setPartition(0).setPartitionMaxBytes(1 << 20));
        topic.partitions().add(new FetchRequestData.FetchPartition().setPartition(1).setFetchOffset(9)
                .setPartitionMaxBytes(1 << 20));
        FetchRequestData request = new FetchRequestData().setMaxBytes(1 << 20).setSessionEpoch(-1);
        request.topics().add(topic);
        return request;
    }

    private static ListOffsetsRequestData listOffsets() {
        ListOffsetsRequestData.ListOffsetsTopic topic = new ListOffsetsRequestData.ListOffsetsTopic().setName("t");
        // One timestamp per partition: a partition named twice is answered with INVALID_REQUEST only.
        topic.partitions().add(new ListOffsetsRequestData.ListOffsetsPartition().setPartitionIndex(0)
                .setTimestamp(HandlerFixture.NOW));
        topic.partitions().add(new ListOffsetsRequestData.ListOffsetsPartition().setPartitionIndex(1)
                .setTimestamp(-1));
        ListOffsetsRequestData request = new ListOffsetsRequestData().setReplicaId(-1);
        request.topics().add(topic);
        return request;
    }
}
