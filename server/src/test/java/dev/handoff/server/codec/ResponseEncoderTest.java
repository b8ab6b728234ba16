package dev.handoff.server.codec;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.channel.FileRegion;
import io.netty.channel.embedded.EmbeddedChannel;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.WritableByteChannel;
import java.nio.file.Path;
import java.util.List;
import org.apache.kafka.common.compress.Compression;
import org.apache.kafka.common.message.ApiMessageType;
import org.apache.kafka.common.message.FetchResponseData;
import org.apache.kafka.common.protocol.ApiKeys;
import org.apache.kafka.common.protocol.ApiMessage;
import org.apache.kafka.common.record.internal.FileRecords;
import org.apache.kafka.common.record.internal.MemoryRecords;
import org.apache.kafka.common.record.internal.Records;
import org.apache.kafka.common.record.internal.SimpleRecord;
import org.apache.kafka.common.requests.RequestUtils;
import org.apache.kafka.common.requests.ResponseHeader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ResponseEncoderTest {

    @TempDir
    Path dir;

    static List<Arguments> advertised() {
        return AdvertisedVersions.all();
    }

    @ParameterizedTest(name = "{0} v{1}")
    @MethodSource("advertised")
    void writesTheSameBytesAsKafkaClients(ApiKeys apiKey, short version) {
        // Given
        ApiMessage body = ApiMessageType.fromApiKey(apiKey.id).newResponse();
        ResponseHeader header = new ResponseHeader(42, apiKey.responseHeaderVersion(version));
        EmbeddedChannel channel = new EmbeddedChannel(new ResponseEncoder());
        // When
        channel.writeOutbound(new Response(0, header, version, body));
        // Then
        ByteBuf encoded = channel.readOutbound();
        try {
            assertThat(bytes(encoded)).isEqualTo(expected(header, body, version));
        } finally {
            encoded.release();
        }
    }

    @Test
    void sendsFileRecordsWithoutCopyingThemIntoABuffer() throws IOException {
        // Given
        MemoryRecords memory = MemoryRecords.withRecords(Compression.NONE, new SimpleRecord("k".getBytes(),
                "v".getBytes()));
        FileRecords file = FileRecords.open(dir.resolve("00000000000000000000.log").toFile());
        file.append(memory);
        file.flush();
        short version = 16;
        ResponseHeader header = new ResponseHeader(7, ApiKeys.FETCH.responseHeaderVersion(version));
        EmbeddedChannel channel = new EmbeddedChannel(new ResponseEncoder());
        // When
        channel.writeOutbound(new Response(0, header, version, fetchResponse(file)));
        // Then
        FileRegion region = channel.readOutbound();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (WritableByteChannel target = Channels.newChannel(out)) {
            while (region.transferred() < region.count()) {
                region.transferTo(target, region.transferred());
            }
        } finally {
            region.release();
            file.close();
        }
        assertThat(out.toByteArray()).isEqualTo(expected(header, fetchResponse(memory), version));
    }

    private static FetchResponseData fetchResponse(Records records) {
        FetchResponseData response = new FetchResponseData();
        FetchResponseData.FetchableTopicResponse topic = new FetchResponseData.FetchableTopicResponse()
                .setTopic("t");
        topic.partitions().add(new FetchResponseData.PartitionData().setPartitionIndex(0).setHighWatermark(1)
                .setRecords(records));
        response.responses().add(topic);
        return response;
    }

    private static byte[] expected(ResponseHeader header, ApiMessage body, short version) {
        ByteBuffer serialized = RequestUtils.serialize(header.data(), header.headerVersion(), body, version);
        ByteBuffer framed = ByteBuffer.allocate(4 + serialized.remaining());
        framed.putInt(serialized.remaining()).put(serialized);
        return framed.array();
    }

    private static byte[] bytes(ByteBuf buf) {
        byte[] result = new byte[buf.readableBytes()];
        buf.getBytes(buf.readerIndex(), result);
        return result;
    }
}
