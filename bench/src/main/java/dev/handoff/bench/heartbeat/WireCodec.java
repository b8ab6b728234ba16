package dev.handoff.bench.heartbeat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import java.nio.ByteBuffer;
import org.apache.kafka.common.message.RequestHeaderData;
import org.apache.kafka.common.message.ResponseHeaderData;
import org.apache.kafka.common.protocol.ApiKeys;
import org.apache.kafka.common.protocol.ApiMessage;
import org.apache.kafka.common.protocol.ByteBufferAccessor;
import org.apache.kafka.common.protocol.ObjectSerializationCache;

/**
 * Kafka request and response frames from and to kafka-clients' generated message classes: the header and body
 * write themselves, this class only adds the 4-byte size prefix and picks the header versions.
 */
final class WireCodec {

    private static final int SIZE_PREFIX_BYTES = 4;

    private final String clientId;

    WireCodec(String clientId) {
        this.clientId = clientId;
    }

    /** A size-prefixed request frame; the header version follows from the API and its version. */
    ByteBuf encodeRequest(ByteBufAllocator allocator, ApiMessage request, short version, int correlationId) {
        ApiKeys apiKey = ApiKeys.forId(request.apiKey());
        short headerVersion = apiKey.requestHeaderVersion(version);
        RequestHeaderData header = new RequestHeaderData()
                .setRequestApiKey(apiKey.id)
                .setRequestApiVersion(version)
                .setClientId(clientId)
                .setCorrelationId(correlationId);
        // One cache for sizing and writing, so strings are encoded to UTF-8 once.
        ObjectSerializationCache cache = new ObjectSerializationCache();
        int size = header.size(cache, headerVersion) + request.size(cache, version);
        ByteBuf frame = allocator.buffer(SIZE_PREFIX_BYTES + size);
        frame.writeInt(size);
        ByteBufferAccessor writer = new ByteBufferAccessor(frame.nioBuffer(SIZE_PREFIX_BYTES, size));
        header.write(writer, cache, headerVersion);
        request.write(writer, cache, version);
        frame.writerIndex(SIZE_PREFIX_BYTES + size);
        return frame;
    }

    /** The correlation id at the start of a response frame (size prefix removed); every header version has it. */
    static int correlationId(ByteBuf frame) {
        return frame.getInt(frame.readerIndex());
    }

    /**
     * Decodes a response frame whose size prefix has been removed.
     *
     * @param apiKey  the API of the request it answers
     * @param version the version the request was sent with
     */
    static ApiMessage decodeResponse(ByteBuf frame, ApiKeys apiKey, short version) {
        ByteBuffer buffer = frame.nioBuffer();
        ByteBufferAccessor reader = new ByteBufferAccessor(buffer);
        new ResponseHeaderData(reader, apiKey.responseHeaderVersion(version));
        ApiMessage response = apiKey.messageType.newResponse();
        response.read(reader, version);
        return response;
    }
}
