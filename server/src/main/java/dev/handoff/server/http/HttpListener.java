package dev.handoff.server.http;

import java.net.InetSocketAddress;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import dev.handoff.coordinator.recorder.FlightRecorder;
import dev.handoff.server.group.GroupCoordinatorService;
import dev.handoff.server.metadata.TopicService;
import dev.handoff.server.metrics.BrokerMetrics;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.util.concurrent.DefaultThreadFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP listener of {@code metrics.listener}: {@code /metrics} (Prometheus), the console at {@code /} with its
 * assets under {@code /console/}, and its JSON API under {@code /api/}. One event loop thread; every route answers
 * without blocking it.
 */
public final class HttpListener implements AutoCloseable {

    private static final Logger LOGGER = LoggerFactory.getLogger(HttpListener.class);
    /** Only GETs arrive; a request with a body this large is not one of ours. */
    private static final int MAX_REQUEST_BYTES = 64 * 1024;
    private static final String TIMELINE_SUFFIX = "/timeline";

    private final EventLoopGroup group;
    private final Channel channel;

    private HttpListener(EventLoopGroup group, Channel channel) {
        this.group = group;
        this.channel = channel;
    }

    /**
     * Binds and serves.
     *
     * @param host     the address to bind, as in {@code metrics.listener}
     * @param port     the port; 0 for an ephemeral one (see {@link #port()})
     * @param recorder the flight recorder, if enabled
     */
    public static HttpListener start(String host, int port, TopicService topics, GroupCoordinatorService coordinator,
                                     Optional<FlightRecorder> recorder, BrokerMetrics metrics, String threadName) {
        ConsoleApi api = new ConsoleApi(topics, coordinator, recorder, metrics);
        StaticAssets assets = new StaticAssets();
        RouteMap routes = routes(api, assets);
        EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, new DefaultThreadFactory(threadName),
            NioIoHandler.newFactory());
        try {
            Channel channel = new ServerBootstrap()
                .group(group)
                .channel(NioServerSocketChannel.class)
                .option(ChannelOption.SO_REUSEADDR, true)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        ch.pipeline()
                            .addLast("httpCodec", new HttpServerCodec())
                            .addLast("httpAggregator", new HttpObjectAggregator(MAX_REQUEST_BYTES))
                            .addLast("httpHandler", new HttpRequestHandler(routes));
                    }
                })
                .bind(host.isEmpty() ? new InetSocketAddress(port) : new InetSocketAddress(host, port))
                .syncUninterruptibly()
                .channel();
            HttpListener listener = new HttpListener(group, channel);
            LOGGER.info("Metrics and console listening on {}", listener.url());
            return listener;
        } catch (RuntimeException e) {
            group.shutdownGracefully(0, 0, TimeUnit.MILLISECONDS);
            throw e;
        }
    }

    private static RouteMap routes(ConsoleApi api, StaticAssets assets) {
        return new RouteMap()
            .exact("/metrics", (rest, query) -> api.prometheus())
            .exact("/", (rest, query) -> asset(assets, "index.html"))
            .exact("/api/topics", (rest, query) -> api.topics())
            .exact("/api/groups", (rest, query) -> api.groups())
            .prefix("/console/", (rest, query) -> asset(assets, rest))
            .prefix("/api/groups/", (rest, query) -> timeline(api, rest, query));
    }

    private static CompletableFuture<HttpReply> asset(StaticAssets assets, String name) {
        return CompletableFuture.completedFuture(assets.get(name).orElseGet(() ->
            HttpReply.text(HttpResponseStatus.NOT_FOUND, "Not found\n")));
    }

    /** {@code /api/groups/<url-encoded group id>/timeline?after=<sequence>}. */
    private static CompletableFuture<HttpReply> timeline(ConsoleApi api, String rest, QueryStringDecoder query) {
        if (!rest.endsWith(TIMELINE_SUFFIX) || rest.length() == TIMELINE_SUFFIX.length()) {
            return CompletableFuture.completedFuture(
                HttpReply.text(HttpResponseStatus.NOT_FOUND, "Not found\n"));
        }
        String groupId = rest.substring(0, rest.length() - TIMELINE_SUFFIX.length());
        long after = 0;
        if (query.parameters().containsKey("after")) {
            try {
                after = Long.parseLong(query.parameters().get("after").get(0));
            } catch (NumberFormatException e) {
                return CompletableFuture.completedFuture(HttpReply.text(
                    HttpResponseStatus.BAD_REQUEST, "after must be a number\n"));
            }
        }
        return api.timeline(groupId, after);
    }

    /** @return the bound port */
    public int port() {
        return ((InetSocketAddress) channel.localAddress()).getPort();
    }

    /** @return the console's URL, e.g. {@code http://127.0.0.1:9100/} */
    public String url() {
        InetSocketAddress address = (InetSocketAddress) channel.localAddress();
        String host = address.getAddress().isAnyLocalAddress() ? "127.0.0.1" : address.getAddress().getHostAddress();
        return "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + address.getPort() + "/";
    }

    @Override
    public void close() {
        channel.close().syncUninterruptibly();
        group.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
    }
}
