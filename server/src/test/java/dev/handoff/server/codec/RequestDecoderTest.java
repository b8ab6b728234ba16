package dev.handoff.server.codec;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.nio.ByteBuffer;
import java.util.List;
import org.apache.kafka.common.message.ApiMessageType;
import org.apache.kafka.common.message.ProduceRequestData;
import org.apache.kafka.common.message.RequestHeaderData;
import org.apache.kafka.common.protocol.ApiKeys;
import org.apache.kafka.common.protocol.ApiMessage;
import org.apache.kafka.common.requests.RequestUtils;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class RequestDecoderTest {

    static List<Arguments> advertised() {
        return AdvertisedVersions.all();
    }

    @ParameterizedTest(name = "{0} v{1}")
    @MethodSource("advertised")
    void decodesWhatKafkaClientsSerialises(ApiKeys apiKey, short version) {
        // Given
        ApiMessage body = ApiMessageType.fromApiKey(apiKey.id).newRequest();
        if (body instanceof ProduceRequestData produce) {
            produce.setAcks((short) -1);
        }
        EmbeddedChannel channel = new EmbeddedChannel(new RequestDecoder());
        // When
        channel.writeInbound(Unpooled.wrappedBuffer(serialize(apiKey, version, 42, "client-a", body)));
        // Then
        DecodedRequest decoded = channel.readInbound();
        assertThat(decoded.apiKey()).isEqualTo(apiKey);
        assertThat(decoded.apiVersion()).isEqualTo(version);
        assertThat(decoded.header().correlationId()).isEqualTo(42);
        assertThat(decoded.header().clientId()).isEqualTo("client-a");
        assertThat(decoded.request().data()).isEqualTo(body);
        assertThat(decoded.expectsResponse()).isTrue();
    }

    @Test
    void treatsANullClientIdAsEmpty() {
        // Given
        EmbeddedChannel channel = new EmbeddedChannel(new RequestDecoder());
        // When
        channel.writeInbound(Unpooled.wrappedBuffer(serialize(ApiKeys.METADATA, (short) 1, 7, null,
                ApiMessageType.METADATA.newRequest())));
        // Then
        DecodedRequest decoded = channel.readInbound();
        assertThat(decoded.header().clientId()).isEmpty();
    }

    @Test
    void marksProduceWithAcksZeroAsExpectingNoResponse() {
        // Given
        EmbeddedChannel channel = new EmbeddedChannel(new RequestDecoder());
        // When
        channel.writeInbound(Unpooled.wrappedBuffer(serialize(ApiKeys.PRODUCE, (short) 9, 1, "p",
                new ProduceRequestData().setAcks((short) 0))));
        // Then
        DecodedRequest decoded = channel.readInbound();
        assertThat(decoded.expectsResponse()).isFalse();
    }

    @Test
    void numbersRequestsInArrivalOrder() {
        // Given
        EmbeddedChannel channel = new EmbeddedChannel(new RequestDecoder());
        ApiMessage body = ApiMessageType.METADATA.newRequest();
        // When
        channel.writeInbound(Unpooled.wrappedBuffer(serialize(ApiKeys.METADATA, (short) 12, 1, "c", body)),
                Unpooled.wrappedBuffer(serialize(ApiKeys.METADATA, (short) 12, 2, "c", body)));
        // Then
        assertThat(((DecodedRequest) channel.readInbound()).sequence()).isZero();
        assertThat(((DecodedRequest) channel.readInbound()).sequence()).isEqualTo(1);
    }

    @Test
    void keepsAnApiVersionsRequestOfAnUnknownVersionToAnswerIt() {
        // Given
        EmbeddedChannel channel = new EmbeddedChannel(new RequestDecoder());
        ByteBuffer frame = ByteBuffer.allocate(12).putShort(ApiKeys.API_VERSIONS.id).putShort((short) 99)
                .putInt(5).putShort((short) -1).putShort((short) 0).flip();
        // When
        channel.writeInbound(Unpooled.wrappedBuffer(frame));
        // Then
        DecodedRequest decoded = channel.readInbound();
        assertThat(decoded.request()).isNull();
        assertThat(decoded.header().correlationId()).isEqualTo(5);
        assertThat(channel.isOpen()).isTrue();
    }

    @Test
    void closesTheConnectionOnAnUnknownApiKey() {
        // Given
        EmbeddedChannel channel = new EmbeddedChannel(new RequestDecoder());
        ByteBuffer frame = ByteBuffer.allocate(10).putShort((short) 999).putShort((short) 0).putInt(1)
                .putShort((short) -1).flip();
        // When
        channel.writeInbound(Unpooled.wrappedBuffer(frame));
        // Then
        assertThat((Object) channel.readInbound()).isNull();
        assertThat(channel.isOpen()).isFalse();
    }

    @Test
    void closesTheConnectionOnABodyThatDoesNotParse() {
        // Given
        EmbeddedChannel channel = new EmbeddedChannel(new RequestDecoder());
        ByteBuffer frame = ByteBuffer.allocate(12).putShort(ApiKeys.CREATE_TOPICS.id).putShort((short) 4)
                .putInt(1).putShort((short) -1).putShort((short) 0x7fff).flip();
        // When
        channel.writeInbound(Unpooled.wrappedBuffer(frame));
        // Then
        assertThat((Object) channel.readInbound()).isNull();
        assertThat(channel.isOpen()).isFalse();
    }

    static ByteBuffer serialize(ApiKeys apiKey, short version, int correlationId, String clientId, ApiMessage body) {
        RequestHeaderData header = new RequestHeaderData()
                .setRequestApiKey(apiKey.id)
                .setRequestApiVersion(version)
                .setCorrelationId(correlationId)
                .setClientId(clientId);
        return RequestUtils.serialize(header, apiKey.requestHeaderVersion(version), body, version);
    }
}
