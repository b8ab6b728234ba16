package dev.handoff.bench.heartbeat;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.buffer.UnpooledByteBufAllocator;
import java.nio.ByteBuffer;
import java.util.List;
import org.apache.kafka.common.message.ConsumerGroupHeartbeatRequestData;
import org.apache.kafka.common.message.ConsumerGroupHeartbeatResponseData;
import org.apache.kafka.common.message.ResponseHeaderData;
import org.apache.kafka.common.protocol.ApiKeys;
import org.apache.kafka.common.protocol.ByteBufferAccessor;
import org.apache.kafka.common.protocol.ObjectSerializationCache;
import org.apache.kafka.common.requests.ConsumerGroupHeartbeatRequest;
import org.apache.kafka.common.requests.RequestHeader;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WireCodecTest {

    private static final String CLIENT_ID = "bench";

    @ParameterizedTest
    @ValueSource(shorts = {0, 1})
    void encodesHeartbeatsExactlyAsKafkaClientsDoes(short version) {
        // Given
        ConsumerGroupHeartbeatRequestData request = new ConsumerGroupHeartbeatRequestData().setGroupId("group")
                .setMemberId("member").setMemberEpoch(0).setRebalanceTimeoutMs(300_000)
                .setSubscribedTopicNames(List.of("orders")).setTopicPartitions(List.of());
        ByteBuffer expected = new ConsumerGroupHeartbeatRequest.Builder(request).build(version)
                .serializeWithHeader(new RequestHeader(ApiKeys.CONSUMER_GROUP_HEARTBEAT, version, CLIENT_ID, 7));

        // When
        ByteBuf frame = new WireCodec(CLIENT_ID).encodeRequest(UnpooledByteBufAllocator.DEFAULT, request, version, 7);

        // Then
        try {
            assertThat(frame.readInt()).isEqualTo(expected.remaining());
            assertThat(ByteBufUtil.getBytes(frame)).isEqualTo(ByteBufUtil.getBytes(Unpooled.wrappedBuffer(expected)));
        } finally {
            frame.release();
        }
    }

    @ParameterizedTest
    @ValueSource(shorts = {0, 1})
    void decodesHeartbeatResponsesAfterTheirFlexibleHeader(short version) {
        // Given
        ConsumerGroupHeartbeatResponseData response = new ConsumerGroupHeartbeatResponseData().setMemberId("member")
                .setMemberEpoch(3).setHeartbeatIntervalMs(5_000);
        ByteBuf frame = Unpooled.wrappedBuffer(serialize(new ResponseHeaderData().setCorrelationId(9),
                ApiKeys.CONSUMER_GROUP_HEARTBEAT.responseHeaderVersion(version), response, version));

        // When
        int correlationId = WireCodec.correlationId(frame);
        Object decoded = WireCodec.decodeResponse(frame, ApiKeys.CONSUMER_GROUP_HEARTBEAT, version);

        // Then
        assertThat(correlationId).isEqualTo(9);
        assertThat(decoded).isEqualTo(response);
    }

    private static ByteBuffer serialize(ResponseHeaderData header, short headerVersion,
                                        ConsumerGroupHeartbeatResponseData body, short version) {
        ObjectSerializationCache cache = new ObjectSerializationCache();
        ByteBuffer buffer = ByteBuffer.allocate(header.size(cache, headerVersion) + body.size(cache, version));
        ByteBufferAccessor writer = new ByteBufferAccessor(buffer);
        header.write(writer, cache, headerVersion);
        body.write(writer, cache, version);
        return buffer.flip();
    }
}
