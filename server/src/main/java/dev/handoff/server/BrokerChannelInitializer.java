package dev.handoff.server;

import dev.handoff.server.codec.FrameDecoder;
import dev.handoff.server.codec.RequestDecoder;
import dev.handoff.server.codec.ResponseEncoder;
import dev.handoff.server.handler.ApiHandlerRegistry;
import dev.handoff.server.metrics.RequestMetrics;
import dev.handoff.server.metrics.TrafficCounter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.timeout.IdleStateHandler;
import io.netty.util.concurrent.EventExecutorGroup;
import java.time.Clock;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the pipeline of one client connection:
 * {@code trafficCounter → idleState → frameDecoder → requestDecoder → responseEncoder → responseOrderer → requestHandler}.
 * Inbound, bytes become frames and frames become requests; the orderer notes each request's place in line and
 * the request handler runs it on one executor of the request executor group, picked per connection. Outbound, responses pass the orderer (which holds
 * early ones back) and are encoded.
 */
final class BrokerChannelInitializer extends ChannelInitializer<SocketChannel> {

    private static final Logger LOGGER = LoggerFactory.getLogger(BrokerChannelInitializer.class);
    private static final ResponseEncoder RESPONSE_ENCODER = new ResponseEncoder();

    private final BrokerConfig config;
    private final EventExecutorGroup requestExecutors;
    private final ApiHandlerRegistry registry;
    private final Clock clock;
    private final ChannelGroup connections;
    private final RequestMetrics metrics;
    private final TrafficCounter trafficCounter;

    /**
     * @param connections every open client connection is added here, so shutdown can close them all before the
     *                    executors they use stop
     */
    BrokerChannelInitializer(BrokerConfig config, EventExecutorGroup requestExecutors, ApiHandlerRegistry registry,
                             Clock clock, ChannelGroup connections, RequestMetrics metrics) {
        this.config = config;
        this.requestExecutors = requestExecutors;
        this.registry = registry;
        this.clock = clock;
        this.connections = connections;
        this.metrics = metrics;
        this.trafficCounter = new TrafficCounter(metrics);
    }

    @Override
    protected void initChannel(SocketChannel channel) {
        if (connections.size() >= config.maxConnections()) {
            // Bounded by max.connections (Kafka's default is unlimited); the client retries with backoff.
            LOGGER.warn("Closing a connection from {}: max.connections={} reached", channel.remoteAddress(),
                    config.maxConnections());
            channel.close();
            return;
        }
        connections.add(channel);
        ChannelPipeline pipeline = channel.pipeline();
        if (metrics != RequestMetrics.NONE) {
            pipeline.addLast("trafficCounter", trafficCounter);
        }
        if (config.connectionsMaxIdleMs() > 0) {
            pipeline.addLast("idleState", new IdleStateHandler(0, 0, config.connectionsMaxIdleMs(),
                    TimeUnit.MILLISECONDS));
        }
        pipeline.addLast("frameDecoder", new FrameDecoder(config.socketRequestMaxBytes()));
        pipeline.addLast("requestDecoder", new RequestDecoder());
        pipeline.addLast("responseEncoder", RESPONSE_ENCODER);
        pipeline.addLast("responseOrderer", new ResponseOrderer());
        pipeline.addLast("requestHandler", new BrokerRequestHandler(registry, clock, requestExecutors.next(),
                metrics));
        LOGGER.debug("Connection from {}: pipeline {}", channel.remoteAddress(), pipeline.names());
    }
}
