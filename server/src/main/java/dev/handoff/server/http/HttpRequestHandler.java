package dev.handoff.server.http;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.QueryStringDecoder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves one HTTP connection from the {@link RouteMap}: GET only (405 otherwise, with {@code Allow: GET}), 404 for
 * unknown paths. Routes answer asynchronously; the response is written when their future completes, so a
 * coordinator read never blocks the event loop.
 */
final class HttpRequestHandler extends SimpleChannelInboundHandler<FullHttpRequest> {

    private static final Logger LOGGER = LoggerFactory.getLogger(HttpRequestHandler.class);
    /** No inline script or style, no third-party origin: markup that slips through still cannot run. */
    private static final String CONTENT_SECURITY_POLICY = "default-src 'self'; object-src 'none'; "
        + "base-uri 'none'; frame-ancestors 'none'";

    private final RouteMap routes;

    HttpRequestHandler(RouteMap routes) {
        this.routes = routes;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
        boolean keepAlive = HttpUtil.isKeepAlive(request);
        if (!HttpMethod.GET.equals(request.method())) {
            FullHttpResponse response = response(HttpReply.text(HttpResponseStatus.METHOD_NOT_ALLOWED,
                "Only GET is supported\n"));
            response.headers().set(HttpHeaderNames.ALLOW, HttpMethod.GET.name());
            write(ctx, response, keepAlive);
            return;
        }
        QueryStringDecoder query = new QueryStringDecoder(request.uri());
        Optional<Map.Entry<String, RouteMap.Route>> route = routes.match(query.rawPath());
        CompletableFuture<HttpReply> reply;
        try {
            reply = route.map(r -> r.getValue().handle(r.getKey(), query))
                .orElseGet(() -> CompletableFuture.completedFuture(
                    HttpReply.text(HttpResponseStatus.NOT_FOUND, "Not found\n")));
        } catch (RuntimeException e) {
            reply = CompletableFuture.failedFuture(e);
        }
        reply.whenComplete((answer, error) -> {
            if (error != null) {
                Throwable cause = error instanceof CompletionException && error.getCause() != null
                    ? error.getCause() : error;
                LOGGER.atWarn().addKeyValue("path", query.rawPath()).setCause(cause).log("HTTP request failed");
                answer = HttpReply.text(HttpResponseStatus.SERVICE_UNAVAILABLE, "Unavailable: "
                    + cause.getClass().getSimpleName() + "\n");
            }
            write(ctx, response(answer), keepAlive);
        });
    }

    private static FullHttpResponse response(HttpReply reply) {
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, reply.status(),
            Unpooled.wrappedBuffer(reply.body()));
        response.headers()
            .set(HttpHeaderNames.CONTENT_TYPE, reply.contentType())
            .setInt(HttpHeaderNames.CONTENT_LENGTH, reply.body().length)
            .set(HttpHeaderNames.CACHE_CONTROL, HttpHeaderValues.NO_STORE)
            .set("X-Content-Type-Options", "nosniff")
            .set("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        return response;
    }

    private static void write(ChannelHandlerContext ctx, FullHttpResponse response, boolean keepAlive) {
        if (keepAlive) {
            response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.KEEP_ALIVE);
            ctx.writeAndFlush(response);
        } else {
            ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        LOGGER.debug("Closing HTTP connection from {} after an error", ctx.channel().remoteAddress(), cause);
        ctx.close();
    }
}
