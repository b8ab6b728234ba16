package dev.handoff.server;

import dev.handoff.server.codec.DecodedRequest;
import dev.handoff.server.codec.Response;
import dev.handoff.server.handler.ApiHandler;
import dev.handoff.server.handler.ApiHandlerRegistry;
import dev.handoff.server.handler.ApiVersionsHandler;
import dev.handoff.server.handler.RequestContext;
import dev.handoff.server.metrics.RequestMetrics;
import dev.handoff.server.metrics.ResponseErrors;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.timeout.IdleStateEvent;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import org.apache.kafka.common.errors.ApiException;
import org.apache.kafka.common.message.ProduceResponseData;
import org.apache.kafka.common.protocol.ApiKeys;
import org.apache.kafka.common.protocol.ApiMessage;
import org.apache.kafka.common.protocol.Errors;
import org.apache.kafka.common.requests.ResponseHeader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands each decoded request to its {@link ApiHandler} and writes the response when the handler completes. One
 * instance per connection; its handlers run on one single-threaded request executor, so requests of one
 * connection are handled in arrival order (idempotent producers rely on that for their in-flight batches),
 * and a slow disk never stalls a socket event loop.
 */
final class BrokerRequestHandler extends SimpleChannelInboundHandler<DecodedRequest> {

    private static final Logger LOGGER = LoggerFactory.getLogger(BrokerRequestHandler.class);

    private final ApiHandlerRegistry registry;
    private final Clock clock;
    private final Executor executor;
    private final RequestMetrics metrics;

    /**
     * @param executor runs this connection's requests one at a time, in order (a single-threaded executor)
     */
    BrokerRequestHandler(ApiHandlerRegistry registry, Clock clock, Executor executor) {
        this(registry, clock, executor, RequestMetrics.NONE);
    }

    /** @param metrics times every request by API and error code (the one place that does) */
    BrokerRequestHandler(ApiHandlerRegistry registry, Clock clock, Executor executor, RequestMetrics metrics) {
        this.registry = registry;
        this.clock = clock;
        this.executor = executor;
        this.metrics = metrics;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, DecodedRequest request) {
        executor.execute(() -> dispatch(ctx, request));
    }

    private void dispatch(ChannelHandlerContext ctx, DecodedRequest request) {
        ApiKeys apiKey = request.apiKey();
        Optional<ApiHandler<?, ?>> handler = registry.handler(apiKey);
        boolean supported = request.request() != null && handler.isPresent()
                && handler.get().supports(request.apiVersion());
        if (!supported) {
            rejectUnsupported(ctx, request);
            return;
        }
        long startNanos = System.nanoTime();
        RequestContext context = new RequestContext(request.header(), clock.millis(), ctx.channel().remoteAddress());
        CompletionStage<? extends ApiMessage> stage;
        try {
            stage = handler.get().handleMessage(context, request.request().data());
        } catch (RuntimeException | Error e) {
            // An Error too, as Kafka's request handler does: a Produce whose write runs out of direct memory (the
            // JDK copies a heap buffer through a temporary direct one of its size) is answered with an error
            // instead of never.
            stage = CompletableFuture.failedFuture(e);
        }
        stage.whenComplete((body, error) -> {
            metrics.requestCompleted(apiKey, error == null ? ResponseErrors.of(body) : Errors.forException(
                    error instanceof CompletionException && error.getCause() != null ? error.getCause() : error),
                    System.nanoTime() - startNanos);
            if (request.expectsResponse()) {
                respond(ctx, request, body, error);
            } else if (error != null || hasPartitionError(body)) {
                // acks=0 gets no response, so like Kafka we close the connection to make the producer refresh
                // its metadata; otherwise it would keep writing into a partition that rejects its batches.
                LOGGER.debug("Closing connection after a failed acks=0 produce from {}", request.header().clientId());
                ctx.close();
            }
        });
    }

    private static boolean hasPartitionError(ApiMessage body) {
        return body instanceof ProduceResponseData produce && produce.responses().stream()
                .flatMap(topic -> topic.partitionResponses().stream())
                .anyMatch(partition -> partition.errorCode() != Errors.NONE.code());
    }

    /**
     * Writes the handler's answer, or the API's error response. If even that cannot be built or encoded the
     * client would wait for a response that never comes, so the connection is closed instead.
     */
    private static void respond(ChannelHandlerContext ctx, DecodedRequest request, ApiMessage body, Throwable error) {
        ApiMessage answer;
        try {
            answer = error == null ? body : errorResponse(request, error);
        } catch (RuntimeException e) {
            LOGGER.warn("Closing connection: no error response for {} v{}", request.apiKey(), request.apiVersion(), e);
            ctx.close();
            return;
        }
        ctx.writeAndFlush(new Response(request.sequence(), request.header().toResponseHeader(),
                request.apiVersion(), answer)).addListener(written -> {
                    if (!written.isSuccess() && ctx.channel().isActive()) {
                        LOGGER.warn("Closing connection: cannot write the {} v{} response", request.apiKey(),
                                request.apiVersion(), written.cause());
                        ctx.close();
                    }
                });
    }

    /**
     * ApiVersions at a version we do not speak gets a v0 answer with UNSUPPORTED_VERSION and our API list, so
     * the client retries with a version we do; any other unsupported API or version closes the connection, as
     * Kafka does.
     */
    private void rejectUnsupported(ChannelHandlerContext ctx, DecodedRequest request) {
        if (request.apiKey() == ApiKeys.API_VERSIONS) {
            ResponseHeader header = new ResponseHeader(request.header().correlationId(), (short) 0);
            ctx.writeAndFlush(new Response(request.sequence(), header, (short) 0,
                    ApiVersionsHandler.unsupportedVersion(registry.apiVersions())));
            return;
        }
        LOGGER.info("Closing connection from {}: {} version {} is not supported", ctx.channel().remoteAddress(),
                request.apiKey(), request.apiVersion());
        ctx.close();
    }

    private static ApiMessage errorResponse(DecodedRequest request, Throwable error) {
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        if (!(cause instanceof ApiException)) {
            LOGGER.warn("Unexpected error handling {} v{} from client {}", request.apiKey(), request.apiVersion(),
                    request.header().clientId(), cause);
        }
        return request.request().getErrorResponse(0, cause).data();
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
        if (event instanceof IdleStateEvent) {
            LOGGER.debug("Closing idle connection from {} (connections.max.idle.ms)", ctx.channel().remoteAddress());
            ctx.close();
            return;
        }
        ctx.fireUserEventTriggered(event);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        LOGGER.debug("Closing connection from {} after an I/O error", ctx.channel().remoteAddress(), cause);
        ctx.close();
    }
}
