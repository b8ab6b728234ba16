package dev.handoff.server.codec;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.MessageToMessageEncoder;
import java.util.List;
import org.apache.kafka.common.message.FetchResponseData;
import org.apache.kafka.common.protocol.ObjectSerializationCache;
import org.apache.kafka.common.protocol.SendBuilder;
import org.apache.kafka.common.record.internal.MemoryRecords;

/**
 * Writes a {@link Response} as size + header + body with the generated message classes: the message is sized
 * once with an {@link ObjectSerializationCache} and the same cache is reused for the write. Fetch responses
 * carrying file-backed records go out as a {@link SendFileRegion} instead, so the records are not copied.
 */
@ChannelHandler.Sharable
public final class ResponseEncoder extends MessageToMessageEncoder<Response> {

    public ResponseEncoder() {
        super(Response.class);
    }

    @Override
    protected void encode(ChannelHandlerContext ctx, Response response, List<Object> out) {
        if (response.body() instanceof FetchResponseData fetch && hasFileRecords(fetch)) {
            out.add(new SendFileRegion(SendBuilder.buildResponseSend(response.header(), fetch, response.version())));
            return;
        }
        out.add(encodeToBuffer(ctx, response));
    }

    private static ByteBuf encodeToBuffer(ChannelHandlerContext ctx, Response response) {
        ObjectSerializationCache cache = new ObjectSerializationCache();
        short headerVersion = response.header().headerVersion();
        int headerSize = response.header().data().size(cache, headerVersion);
        int bodySize = response.body().size(cache, response.version());
        ByteBuf buf = ctx.alloc().buffer(4 + headerSize + bodySize);
        try {
            ByteBufWritable writable = new ByteBufWritable(buf);
            buf.writeInt(headerSize + bodySize);
            response.header().data().write(writable, cache, headerVersion);
            response.body().write(writable, cache, response.version());
            return buf;
        } catch (RuntimeException e) {
            buf.release();
            throw e;
        }
    }

    private static boolean hasFileRecords(FetchResponseData fetch) {
        for (FetchResponseData.FetchableTopicResponse topic : fetch.responses()) {
            for (FetchResponseData.PartitionData partition : topic.partitions()) {
                if (partition.records() != null && !(partition.records() instanceof MemoryRecords)) {
                    return true;
                }
            }
        }
        return false;
    }
}
