package dev.handoff.bench.heartbeat;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.LengthFieldBasedFrameDecoder;
import io.netty.handler.flush.FlushConsolidationHandler;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.channels.ClosedChannelException;
import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.common.protocol.ApiKeys;
import org.apache.kafka.common.protocol.ApiMessage;

/**
 * One client connection to a broker that pipelines requests: many may be in flight, and because a Kafka broker
 * answers the requests of one connection in the order it received them, each response completes the oldest
 * pending request (its correlation id is checked). Futures complete on the connection's event loop, so callers
 * that keep all their state on that loop need no locks.
 */
final class KafkaConnection implements AutoCloseable {

    /** Kafka's {@code socket.request.max.bytes}; no response of the APIs used here comes near it. */
    private static final int MAX_FRAME_BYTES = 100 * 1024 * 1024;
    /** Flush once per read burst instead of once per request: the responses that trigger requests come in bursts. */
    private static final int EXPLICIT_FLUSHES_BEFORE_FLUSH = 256;

    private final Channel channel;
    private final WireCodec codec;
    private final InFlightRequests inFlight;
    private int nextCorrelationId;

    private KafkaConnection(Channel channel, WireCodec codec, InFlightRequests inFlight) {
        this.channel = channel;
        this.codec = codec;
        this.inFlight = inFlight;
    }

    /** Connects and returns once the TCP connection is established. */
    static KafkaConnection open(EventLoopGroup group, InetSocketAddress broker, String clientId)
            throws InterruptedException {
        InFlightRequests inFlight = new InFlightRequests();
        Channel channel = new Bootstrap()
                .group(group)
                .channel(NioSocketChannel.class)
                .option(ChannelOption.TCP_NODELAY, true)
                .handler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        ch.pipeline()
                                .addLast("flushConsolidation",
                                        new FlushConsolidationHandler(EXPLICIT_FLUSHES_BEFORE_FLUSH, true))
                                .addLast("frameDecoder", new LengthFieldBasedFrameDecoder(MAX_FRAME_BYTES, 0, 4, 0, 4))
                                .addLast("inFlightRequests", inFlight);
                    }
                })
                .connect(broker)
                .sync()
                .channel();
        return new KafkaConnection(channel, new WireCodec(clientId), inFlight);
    }

    EventLoop eventLoop() {
        return channel.eventLoop();
    }

    /** Sends a request; the future completes on {@link #eventLoop()} with the decoded response body. */
    CompletableFuture<ApiMessage> send(ApiMessage request, short version) {
        CompletableFuture<ApiMessage> response = new CompletableFuture<>();
        if (channel.eventLoop().inEventLoop()) {
            write(request, version, response);
        } else {
            channel.eventLoop().execute(() -> write(request, version, response));
        }
        return response;
    }

    private void write(ApiMessage request, short version, CompletableFuture<ApiMessage> response) {
        if (!channel.isActive()) {
            response.completeExceptionally(new ClosedChannelException());
            return;
        }
        int correlationId = nextCorrelationId++;
        inFlight.add(new Pending(correlationId, ApiKeys.forId(request.apiKey()), version, response));
        channel.writeAndFlush(codec.encodeRequest(channel.alloc(), request, version, correlationId), channel.voidPromise());
    }

    @Override
    public void close() {
        channel.close().syncUninterruptibly();
    }

    private record Pending(int correlationId, ApiKeys apiKey, short version, CompletableFuture<ApiMessage> response) {
    }

    /** The requests awaiting a response, oldest first; touched only on the connection's event loop. */
    private static final class InFlightRequests extends SimpleChannelInboundHandler<ByteBuf> {

        private final Queue<Pending> pending = new ArrayDeque<>();

        void add(Pending request) {
            pending.add(request);
        }

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, ByteBuf frame) {
            Pending oldest = pending.poll();
            int correlationId = WireCodec.correlationId(frame);
            if (oldest == null || oldest.correlationId() != correlationId) {
                failAll(new IOException("Response with correlation id " + correlationId + " does not answer the "
                        + "oldest request in flight (" + (oldest == null ? "none" : oldest.correlationId()) + ")"));
                ctx.close();
                return;
            }
            ApiMessage response;
            try {
                response = WireCodec.decodeResponse(frame, oldest.apiKey(), oldest.version());
            } catch (RuntimeException e) {
                oldest.response().completeExceptionally(e);
                return;
            }
            oldest.response().complete(response);
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            failAll(new ClosedChannelException());
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            failAll(cause);
            ctx.close();
        }

        private void failAll(Throwable cause) {
            for (Pending request = pending.poll(); request != null; request = pending.poll()) {
                request.response().completeExceptionally(cause);
            }
        }
    }
}
