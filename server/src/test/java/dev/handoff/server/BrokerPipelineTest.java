package dev.handoff.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.handoff.server.codec.FrameDecoder;
import dev.handoff.server.codec.RequestDecoder;
import dev.handoff.server.codec.ResponseEncoder;
import dev.handoff.server.handler.ApiHandler;
import dev.handoff.server.handler.ApiHandlerRegistry;
import dev.handoff.server.handler.RequestContext;
import dev.handoff.server.metadata.ClusterInfo;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;
import org.apache.kafka.common.message.ApiVersionsRequestData;
import org.apache.kafka.common.message.ApiVersionsResponseData;
import org.apache.kafka.common.message.ApiVersionsResponseData.ApiVersion;
import org.apache.kafka.common.message.DescribeClusterRequestData;
import org.apache.kafka.common.message.DescribeClusterResponseData;
import org.apache.kafka.common.message.MetadataRequestData;
import org.apache.kafka.common.message.ProduceRequestData;
import org.apache.kafka.common.message.ProduceResponseData;
import org.apache.kafka.common.message.RequestHeaderData;
import org.apache.kafka.common.protocol.ApiKeys;
import org.apache.kafka.common.protocol.ApiMessage;
import org.apache.kafka.common.protocol.ByteBufferAccessor;
import org.apache.kafka.common.protocol.Errors;
import org.apache.kafka.common.requests.RequestUtils;
import org.apache.kafka.common.requests.ResponseHeader;
import org.junit.jupiter.api.Test;

/** The connection pipeline end to end on an {@link EmbeddedChannel}: bytes in, bytes out. */
class BrokerPipelineTest {

    private static final ClusterInfo CLUSTER = new ClusterInfo("the-cluster", 1);

    /** A handler whose bug must not take the connection down. */
    private static final ApiHandler<DescribeClusterRequestData, DescribeClusterResponseData> FAILING =
            describeCluster(() -> {
                throw new IllegalStateException("bug");
            });

    /** A DescribeCluster handler (v0-2) that answers every request with {@code answer}. */
    private static ApiHandler<DescribeClusterRequestData, DescribeClusterResponseData> describeCluster(
            Supplier<CompletionStage<DescribeClusterResponseData>> answer) {
        return new ApiHandler<>() {
            @Override
            public ApiKeys apiKey() {
                return ApiKeys.DESCRIBE_CLUSTER;
            }

            @Override
            public short minVersion() {
                return 0;
            }

            @Override
            public short maxVersion() {
                return 2;
            }

            @Override
            public CompletionStage<DescribeClusterResponseData> handle(RequestContext context,
                                                                       DescribeClusterRequestData request) {
                return answer.get();
            }
        };
    }

    @Test
    void answersApiVersionsWithEveryRegisteredApiAndHeaderVersionZero() {
        // Given
        EmbeddedChannel channel = pipeline();
        // When
        channel.writeInbound(frame(ApiKeys.API_VERSIONS, (short) 4, 11, new ApiVersionsRequestData()
                .setClientSoftwareName("test").setClientSoftwareVersion("1.0")));
        // Then
        ByteBuffer response = response(channel);
        assertThat(ResponseHeader.parse(response, (short) 0).correlationId()).isEqualTo(11);
        ApiVersionsResponseData body = new ApiVersionsResponseData(new ByteBufferAccessor(response), (short) 4);
        assertThat(body.errorCode()).isEqualTo(Errors.NONE.code());
        assertThat(body.apiKeys()).extracting(ApiVersion::apiKey, ApiVersion::minVersion, ApiVersion::maxVersion)
                .containsExactly(
                        tuple(ApiKeys.API_VERSIONS.id, (short) 0, (short) 5),
                        tuple(ApiKeys.DESCRIBE_CLUSTER.id, (short) 0, (short) 2));
    }

    @Test
    void answersAnApiVersionsVersionTooNewInTheVersionZeroFormat() {
        // Given
        EmbeddedChannel channel = pipeline();
        ByteBuffer request = ByteBuffer.allocate(10).putShort(ApiKeys.API_VERSIONS.id).putShort((short) 77)
                .putInt(3).putShort((short) -1).flip();
        // When
        channel.writeInbound(Unpooled.buffer().writeInt(request.remaining()).writeBytes(request));
        // Then
        ByteBuffer response = response(channel);
        assertThat(ResponseHeader.parse(response, (short) 0).correlationId()).isEqualTo(3);
        ApiVersionsResponseData body = new ApiVersionsResponseData(new ByteBufferAccessor(response), (short) 0);
        assertThat(body.errorCode()).isEqualTo(Errors.UNSUPPORTED_VERSION.code());
        assertThat(body.apiKeys().find(ApiKeys.API_VERSIONS.id).maxVersion()).isEqualTo((short) 5);
        assertThat(channel.isOpen()).isTrue();
    }

    @Test
    void asksAClientThatMeantAnotherClusterToRebootstrap() {
        // Given
        EmbeddedChannel channel = pipeline();
        // When
        channel.writeInbound(frame(ApiKeys.API_VERSIONS, (short) 5, 1, new ApiVersionsRequestData()
                .setClientSoftwareName("test").setClientSoftwareVersion("1.0")
                .setClusterId("another-cluster").setNodeId(1)));
        // Then
        assertThat(apiVersionsError(channel, (short) 5)).isEqualTo(Errors.REBOOTSTRAP_REQUIRED);
    }

    @Test
    void acceptsAClientThatNamesThisClusterAndNode() {
        // Given
        EmbeddedChannel channel = pipeline();
        // When
        channel.writeInbound(frame(ApiKeys.API_VERSIONS, (short) 5, 1, new ApiVersionsRequestData()
                .setClientSoftwareName("test").setClientSoftwareVersion("1.0")
                .setClusterId("the-cluster").setNodeId(1)));
        // Then
        assertThat(apiVersionsError(channel, (short) 5)).isEqualTo(Errors.NONE);
    }

    @Test
    void rejectsAnInvalidClientSoftwareName() {
        // Given
        EmbeddedChannel channel = pipeline();
        // When
        channel.writeInbound(frame(ApiKeys.API_VERSIONS, (short) 3, 1, new ApiVersionsRequestData()
                .setClientSoftwareName("-bad name-").setClientSoftwareVersion("1.0")));
        // Then
        assertThat(apiVersionsError(channel, (short) 3)).isEqualTo(Errors.INVALID_REQUEST);
    }

    @Test
    void closesTheConnectionForAnApiThatIsNotRegistered() {
        // Given
        EmbeddedChannel channel = pipeline();
        // When
        channel.writeInbound(frame(ApiKeys.METADATA, (short) 12, 1, new MetadataRequestData()));
        // Then
        assertThat((Object) channel.readOutbound()).isNull();
        assertThat(channel.isOpen()).isFalse();
    }

    @Test
    void turnsAHandlerBugIntoAnErrorResponseAndKeepsTheConnection() {
        // Given
        EmbeddedChannel channel = pipeline();
        // When
        channel.writeInbound(frame(ApiKeys.DESCRIBE_CLUSTER, (short) 0, 9, new DescribeClusterRequestData()));
        // Then
        ByteBuffer response = response(channel);
        assertThat(ResponseHeader.parse(response, (short) 1).correlationId()).isEqualTo(9);
        DescribeClusterResponseData body = new DescribeClusterResponseData(new ByteBufferAccessor(response),
                (short) 0);
        assertThat(body.errorCode()).isEqualTo(Errors.UNKNOWN_SERVER_ERROR.code());
        assertThat(channel.isOpen()).isTrue();
    }

    @Test
    void answersAnErrorThrownByAHandlerSuchAsRunningOutOfDirectMemory() {
        // Given
        EmbeddedChannel channel = pipeline(describeCluster(() -> {
            throw new OutOfMemoryError("Direct buffer memory");
        }));
        // When
        channel.writeInbound(frame(ApiKeys.DESCRIBE_CLUSTER, (short) 0, 10, new DescribeClusterRequestData()));
        // Then
        ByteBuffer response = response(channel);
        assertThat(ResponseHeader.parse(response, (short) 1).correlationId()).isEqualTo(10);
        DescribeClusterResponseData body = new DescribeClusterResponseData(new ByteBufferAccessor(response),
                (short) 0);
        assertThat(body.errorCode()).isEqualTo(Errors.UNKNOWN_SERVER_ERROR.code());
        assertThat(channel.isOpen()).isTrue();
    }

    @Test
    void closesTheConnectionWhenAResponseCannotBeEncoded() {
        // Given
        EmbeddedChannel channel = pipeline(describeCluster(() -> {
            DescribeClusterResponseData response = new DescribeClusterResponseData();
            // IsFenced exists only from v2, so a v0 response cannot carry it.
            response.brokers().add(new DescribeClusterResponseData.DescribeClusterBroker().setIsFenced(true));
            return CompletableFuture.completedFuture(response);
        }));
        // When
        channel.writeInbound(frame(ApiKeys.DESCRIBE_CLUSTER, (short) 0, 9, new DescribeClusterRequestData()));
        // Then
        assertThat((Object) channel.readOutbound()).isNull();
        assertThat(channel.isOpen()).isFalse();
    }

    @Test
    void sendsNothingForASuccessfulFireAndForgetProduce() {
        // Given
        EmbeddedChannel channel = pipeline(produceAnswering(Errors.NONE));
        // When
        channel.writeInbound(frame(ApiKeys.PRODUCE, (short) 11, 4, new ProduceRequestData().setAcks((short) 0)));
        // Then
        assertThat((Object) channel.readOutbound()).isNull();
        assertThat(channel.isOpen()).isTrue();
    }

    @Test
    void closesTheConnectionWhenAFireAndForgetProduceFails() {
        // Given
        EmbeddedChannel channel = pipeline(produceAnswering(Errors.NOT_LEADER_OR_FOLLOWER));
        // When
        channel.writeInbound(frame(ApiKeys.PRODUCE, (short) 11, 4, new ProduceRequestData().setAcks((short) 0)));
        // Then
        assertThat((Object) channel.readOutbound()).isNull();
        assertThat(channel.isOpen()).isFalse();
    }

    /** A Produce handler that answers one partition with the given error. */
    private static ApiHandler<ProduceRequestData, ProduceResponseData> produceAnswering(Errors error) {
        return new ApiHandler<>() {
            @Override
            public ApiKeys apiKey() {
                return ApiKeys.PRODUCE;
            }

            @Override
            public short minVersion() {
                return 3;
            }

            @Override
            public short maxVersion() {
                return 13;
            }

            @Override
            public CompletionStage<ProduceResponseData> handle(RequestContext context, ProduceRequestData request) {
                ProduceResponseData response = new ProduceResponseData();
                ProduceResponseData.TopicProduceResponse topic = new ProduceResponseData.TopicProduceResponse()
                        .setName("t");
                topic.partitionResponses().add(new ProduceResponseData.PartitionProduceResponse()
                        .setErrorCode(error.code()));
                response.responses().add(topic);
                return CompletableFuture.completedFuture(response);
            }
        };
    }

    private static EmbeddedChannel pipeline() {
        return pipeline(FAILING);
    }

    private static EmbeddedChannel pipeline(ApiHandler<?, ?> handler) {
        ApiHandlerRegistry registry = ApiHandlerRegistry.withApiVersions(CLUSTER, List.of(handler));
        return new EmbeddedChannel(new FrameDecoder(1024), new RequestDecoder(), new ResponseEncoder(),
                new ResponseOrderer(), new BrokerRequestHandler(registry, Clock.systemUTC(), Runnable::run));
    }

    private static ByteBuf frame(ApiKeys apiKey, short version, int correlationId, ApiMessage body) {
        RequestHeaderData header = new RequestHeaderData().setRequestApiKey(apiKey.id).setRequestApiVersion(version)
                .setCorrelationId(correlationId).setClientId("test");
        ByteBuffer serialized = RequestUtils.serialize(header, apiKey.requestHeaderVersion(version), body, version);
        return Unpooled.buffer().writeInt(serialized.remaining()).writeBytes(serialized);
    }

    private static ByteBuffer response(EmbeddedChannel channel) {
        ByteBuf buf = channel.readOutbound();
        try {
            int size = buf.readInt();
            assertThat(size).isEqualTo(buf.readableBytes());
            ByteBuffer copy = ByteBuffer.allocate(size);
            buf.readBytes(copy);
            return copy.flip();
        } finally {
            buf.release();
        }
    }

    private static Errors apiVersionsError(EmbeddedChannel channel, short version) {
        ByteBuffer response = response(channel);
        ResponseHeader.parse(response, (short) 0);
        return Errors.forCode(new ApiVersionsResponseData(new ByteBufferAccessor(response), version).errorCode());
    }
}
