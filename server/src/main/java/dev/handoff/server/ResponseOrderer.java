package dev.handoff.server;

import dev.handoff.server.codec.DecodedRequest;
import dev.handoff.server.codec.Response;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.util.ReferenceCountUtil;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/**
 * Keeps responses in request order on one connection. Clients pipeline requests and match each response to the
 * oldest request in flight, but our handlers may finish out of order (a long-poll Fetch is parked while a
 * Metadata request behind it completes at once). Early responses wait here until every earlier request has
 * been answered. Requests that get no response (Produce with acks=0) are not tracked.
 *
 * <p>It is also the connection's back-pressure: like Kafka, which mutes a connection while its response is
 * outstanding, it stops reading while too many requests wait for answers or while the client does not read what
 * was already written, so a client that never reads cannot make the broker buffer without bound.
 */
public final class ResponseOrderer extends ChannelDuplexHandler {

    /** Enough for generous pipelining (many group members multiplexed over one connection), bounded all the same. */
    static final int MAX_IN_FLIGHT = 512;

    private final Deque<Long> inFlight = new ArrayDeque<>();
    private final Map<Long, Pending> early = new HashMap<>();

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof DecodedRequest request && request.expectsResponse()) {
            inFlight.addLast(request.sequence());
            updateReading(ctx);
        }
        ctx.fireChannelRead(msg);
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) {
        updateReading(ctx);
        ctx.fireChannelWritabilityChanged();
    }

    private void updateReading(ChannelHandlerContext ctx) {
        boolean read = ctx.channel().isWritable() && inFlight.size() < MAX_IN_FLIGHT;
        if (ctx.channel().config().isAutoRead() != read) {
            ctx.channel().config().setAutoRead(read);
        }
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
        if (!(msg instanceof Response response)) {
            ctx.write(msg, promise);
            return;
        }
        Long head = inFlight.peekFirst();
        if (head == null || head != response.sequence()) {
            early.put(response.sequence(), new Pending(response, promise));
            return;
        }
        inFlight.removeFirst();
        ctx.write(response, promise);
        boolean released = false;
        while (!inFlight.isEmpty() && early.containsKey(inFlight.peekFirst())) {
            Pending next = early.remove(inFlight.removeFirst());
            ctx.write(next.response(), next.promise());
            released = true;
        }
        if (released) {
            ctx.flush();
        }
        updateReading(ctx);
    }

    @Override
    public void handlerRemoved(ChannelHandlerContext ctx) {
        for (Pending pending : early.values()) {
            ReferenceCountUtil.release(pending.response());
            pending.promise().tryFailure(new IllegalStateException("connection closed"));
        }
        early.clear();
    }

    /** Number of requests still waiting for a response, for tests and diagnostics. */
    int inFlightCount() {
        return inFlight.size();
    }

    private record Pending(Response response, ChannelPromise promise) {
    }
}
