package dev.handoff.server.codec;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Splits the stream into Kafka frames: a 4-byte big-endian size, then that many bytes. A negative size or one
 * above {@code socket.request.max.bytes} closes the connection as soon as the size is read, before any buffer
 * for the frame is allocated (Kafka's {@code InvalidReceiveException}).
 */
public final class FrameDecoder extends ByteToMessageDecoder {

    private static final Logger LOGGER = LoggerFactory.getLogger(FrameDecoder.class);
    private static final int SIZE_FIELD = 4;

    private final int maxFrameBytes;
    private boolean rejected;

    public FrameDecoder(int maxFrameBytes) {
        this.maxFrameBytes = maxFrameBytes;
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        if (rejected) {
            in.skipBytes(in.readableBytes());
            return;
        }
        if (in.readableBytes() < SIZE_FIELD) {
            return;
        }
        int size = in.getInt(in.readerIndex());
        if (size < 0 || size > maxFrameBytes) {
            rejected = true;
            in.skipBytes(in.readableBytes());
            LOGGER.warn("Closing connection from {}: request size {} is outside 0..{} (socket.request.max.bytes)",
                    ctx.channel().remoteAddress(), size, maxFrameBytes);
            ctx.close();
            return;
        }
        if (in.readableBytes() < SIZE_FIELD + size) {
            return;
        }
        in.skipBytes(SIZE_FIELD);
        out.add(in.readRetainedSlice(size));
    }
}
