package dev.handoff.server.codec;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.MessageToMessageDecoder;
import java.nio.ByteBuffer;
import java.util.List;
import org.apache.kafka.common.message.ProduceRequestData;
import org.apache.kafka.common.message.RequestHeaderData;
import org.apache.kafka.common.protocol.ApiKeys;
import org.apache.kafka.common.protocol.ByteBufferAccessor;
import org.apache.kafka.common.requests.AbstractRequest;
import org.apache.kafka.common.requests.RequestHeader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns a frame into a {@link DecodedRequest} with kafka-clients' own parsers. The frame is copied to a heap
 * buffer first, so the request (including Produce records) owns no Netty buffer. A frame that cannot be parsed,
 * an unknown API key, or a version this client library cannot read closes the connection, as Kafka does; the
 * one exception is ApiVersions, which must be answered so the client can retry with a version we speak.
 */
public final class RequestDecoder extends MessageToMessageDecoder<ByteBuf> {

    private static final Logger LOGGER = LoggerFactory.getLogger(RequestDecoder.class);

    private long nextSequence;

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf frame, List<Object> out) {
        ByteBuffer buffer = ByteBuffer.allocate(frame.readableBytes());
        frame.readBytes(buffer);
        buffer.flip();
        try {
            out.add(parse(buffer));
        } catch (RuntimeException e) {
            LOGGER.warn("Closing connection from {}: cannot parse request ({})", ctx.channel().remoteAddress(),
                    e.toString());
            ctx.close();
        }
    }

    private DecodedRequest parse(ByteBuffer buffer) {
        if (buffer.remaining() < 4) {
            throw new IllegalArgumentException("frame of " + buffer.remaining() + " bytes has no request header");
        }
        short apiKey = buffer.getShort(0);
        short apiVersion = buffer.getShort(2);
        if (!ApiKeys.hasId(apiKey)) {
            throw new IllegalArgumentException("unknown API key " + apiKey);
        }
        ApiKeys api = ApiKeys.forId(apiKey);
        if (api == ApiKeys.API_VERSIONS && !api.isVersionSupported(apiVersion)) {
            // A future header layout is unknown too; the correlation id is all the answer needs.
            if (buffer.remaining() < 8) {
                throw new IllegalArgumentException("ApiVersions request too short for a correlation id");
            }
            RequestHeaderData header = new RequestHeaderData()
                    .setRequestApiKey(apiKey)
                    .setRequestApiVersion(apiVersion)
                    .setCorrelationId(buffer.getInt(4))
                    .setClientId("");
            return new DecodedRequest(nextSequence++, new RequestHeader(header, (short) 1), null, true);
        }
        if (!api.isVersionSupported(apiVersion)) {
            throw new IllegalArgumentException(api + " version " + apiVersion + " is not supported");
        }
        RequestHeader header = RequestHeader.parse(buffer);
        AbstractRequest request = AbstractRequest.parseRequest(api, apiVersion, new ByteBufferAccessor(buffer))
                .request;
        return new DecodedRequest(nextSequence++, header, request, expectsResponse(request));
    }

    /** Produce with acks=0 is fire-and-forget: the client never reads a response. */
    private static boolean expectsResponse(AbstractRequest request) {
        return !(request.data() instanceof ProduceRequestData produce && produce.acks() == 0);
    }
}
