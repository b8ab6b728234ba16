package dev.handoff.server;

import dev.handoff.coordinator.recorder.FlightRecorder;
import dev.handoff.coordinator.recorder.FlightRecorderConfig;
import dev.handoff.coordinator.recorder.RebalanceObserver;
import dev.handoff.log.FileLogStore;
import dev.handoff.log.LogStore;
import dev.handoff.server.group.GroupCoordinatorService;
import dev.handoff.server.group.GroupHandlers;
import dev.handoff.server.handler.ApiHandler;
import dev.handoff.server.handler.ApiHandlerRegistry;
import dev.handoff.server.handler.BrokerHandlers;
import dev.handoff.server.handler.BrokerServices;
import dev.handoff.server.http.HttpListener;
import dev.handoff.server.metrics.BrokerMetrics;
import dev.handoff.server.metrics.RequestMetrics;
import dev.handoff.server.handler.FetchPurgatory;
import dev.handoff.server.metadata.ClusterInfo;
import dev.handoff.server.metadata.ConfigDescriber;
import dev.handoff.server.metadata.MetaProperties;
import dev.handoff.server.metadata.ProducerIdAllocator;
import dev.handoff.server.metadata.TopicCatalogue;
import dev.handoff.server.metadata.TopicService;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.util.concurrent.DefaultEventExecutorGroup;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.EventExecutorGroup;
import io.netty.util.concurrent.GlobalEventExecutor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running single-node broker: storage, topic catalogue, handlers and the Netty listener. Several may run in
 * one JVM (each owns its threads, created lazily by Netty). {@link #start} returns once clients are served;
 * {@link #close} stops accepting, closes connections, then flushes and closes storage.
 *
 * <p>Threads: one acceptor, {@code num.network.threads} socket event loops (NIO, so Fetch can use
 * {@code FileChannel.transferTo}), and {@code num.io.threads} request executors. Each connection is pinned to
 * one request executor, so its requests are handled in order; housekeeping runs on a request executor too.
 */
public final class BrokerServer implements AutoCloseable {

    private static final Logger LOGGER = LoggerFactory.getLogger(BrokerServer.class);

    private final BrokerConfig config;
    private final ClusterInfo cluster;
    private final LogStore logStore;
    private final GroupCoordinatorService groupCoordinator;
    private final EventLoopGroup acceptorGroup;
    private final EventLoopGroup socketGroup;
    private final EventExecutorGroup requestExecutors;
    private final Channel serverChannel;
    private final ChannelGroup connections;
    private final Optional<HttpListener> httpListener;
    private final AtomicBoolean closed = new AtomicBoolean();

    private BrokerServer(BrokerConfig config, ClusterInfo cluster, LogStore logStore,
                         GroupCoordinatorService groupCoordinator, EventLoopGroup acceptorGroup,
                         EventLoopGroup socketGroup, EventExecutorGroup requestExecutors, Channel serverChannel,
                         ChannelGroup connections, Optional<HttpListener> httpListener) {
        this.config = config;
        this.cluster = cluster;
        this.logStore = logStore;
        this.groupCoordinator = groupCoordinator;
        this.acceptorGroup = acceptorGroup;
        this.socketGroup = socketGroup;
        this.requestExecutors = requestExecutors;
        this.serverChannel = serverChannel;
        this.connections = connections;
        this.httpListener = httpListener;
    }

    /**
     * Binds the listener, opens storage, loads the group coordinator and returns once the broker accepts
     * connections: a client that connects meanwhile is answered once the broker is ready (see
     * {@link ListenerSocket}).
     */
    public static BrokerServer start(BrokerConfig config) {
        return start(config, Clock.systemUTC());
    }

    /** As {@link #start(BrokerConfig)}, with the clock handlers and housekeeping read time from. */
    public static BrokerServer start(BrokerConfig config, Clock clock) {
        return start(config, clock, ListenerSocket.bind(config.listener()));
    }

    /**
     * As {@link #start(BrokerConfig, Clock)}, on a listener socket bound earlier (a launcher binds it before the
     * rest of its own start-up); the broker owns it from here on and closes it if the start fails.
     */
    public static BrokerServer start(BrokerConfig config, Clock clock, ListenerSocket listener) {
        return start(config, clock, listener, ClassPreloading.NONE);
    }

    /**
     * As {@link #start(BrokerConfig, Clock, ListenerSocket)}, while other threads initialise the classes of
     * {@link StartupClasses}: storage and the group coordinator start meanwhile, the rest once they are done.
     */
    public static BrokerServer start(BrokerConfig config, Clock clock, ListenerSocket listener,
                                     ClassPreloading preloading) {
        try {
            return startOn(listener, config, clock, preloading);
        } catch (RuntimeException e) {
            listener.close();
            throw e;
        }
    }

    private static BrokerServer startOn(ListenerSocket listener, BrokerConfig config, Clock clock,
                                        ClassPreloading preloading) {
        createDataDir(config);
        MetaProperties meta = MetaProperties.loadOrCreate(config.dataDir(), config.clusterId(), config.nodeId());
        ClusterInfo cluster = new ClusterInfo(meta.clusterId(), config.nodeId());
        TopicCatalogue catalogue = TopicCatalogue.load(config.dataDir());
        TopicService topics = new TopicService(catalogue, config.logConfig(),
                new TopicService.TopicDefaults(config.numPartitions(), config.defaultReplicationFactor()));
        LogStore logStore = FileLogStore.open(config.dataDir(), topics::logConfig, clock.millis(),
                config.logStoreSettings());
        topics.attach(logStore);
        topics.removeOrphanLogs();

        String name = "handoff-" + config.nodeId();
        // The coordinator replays its partition before the listener accepts, so group requests never see a
        // half-loaded state.
        // Metrics only when metrics.listener is set; the flight recorder whenever it is enabled (the default), so
        // its cost can be measured with and without it.
        Optional<BrokerMetrics> metrics = config.metricsListener().map(endpoint -> new BrokerMetrics());
        Optional<FlightRecorder> recorder = flightRecorder(config, metrics);
        GroupCoordinatorService groupCoordinator;
        try {
            groupCoordinator = GroupCoordinatorService.start(config, topics, clock::millis,
                    recorder.<RebalanceObserver>map(r -> r).orElse(RebalanceObserver.NONE));
        } catch (RuntimeException e) {
            logStore.close();
            throw e;
        }
        preloading.awaitNetworking();
        EventLoopGroup acceptorGroup = new MultiThreadIoEventLoopGroup(1,
                new DefaultThreadFactory(name + "-acceptor"), NioIoHandler.newFactory());
        EventLoopGroup socketGroup = new MultiThreadIoEventLoopGroup(config.numNetworkThreads(),
                new DefaultThreadFactory(name + "-network"), NioIoHandler.newFactory());
        EventExecutorGroup requestExecutors = new DefaultEventExecutorGroup(config.numIoThreads(),
                new DefaultThreadFactory(name + "-request"));
        try {
            preloading.awaitProtocol();
            BrokerServices services = new BrokerServices(cluster, topics,
                    ProducerIdAllocator.open(config.dataDir()), new FetchPurgatory(
                            (task, delayMs) -> requestExecutors.schedule(task, delayMs, TimeUnit.MILLISECONDS)),
                    new ConfigDescriber(config.logConfig(), config.originals(), config.effectiveValues()),
                    config.autoCreateTopicsEnable());
            List<ApiHandler<?, ?>> handlers = new ArrayList<>(BrokerHandlers.create(services));
            handlers.addAll(GroupHandlers.create(groupCoordinator, cluster, topics));
            ApiHandlerRegistry registry = ApiHandlerRegistry.withApiVersions(cluster, handlers);
            ChannelGroup connections = new DefaultChannelGroup(name + "-connections", GlobalEventExecutor.INSTANCE);
            // Netty adopts the bound socket and accepts nothing until reading is turned on, the last step.
            Channel serverChannel = new ServerBootstrap()
                    .group(acceptorGroup, socketGroup)
                    .channelFactory(new AdoptedServerChannel(listener))
                    .option(ChannelOption.AUTO_READ, false)
                    .childOption(ChannelOption.TCP_NODELAY, true)
                    .childHandler(new BrokerChannelInitializer(config, requestExecutors, registry, clock,
                            connections, metrics.<RequestMetrics>map(m -> m).orElse(RequestMetrics.NONE)))
                    .register()
                    .syncUninterruptibly()
                    .channel();
            InetSocketAddress bound = (InetSocketAddress) serverChannel.localAddress();
            advertise(config, cluster, bound);
            Optional<HttpListener> httpListener = config.metricsListener().map(endpoint -> HttpListener.start(
                    endpoint.host(), endpoint.port(), topics, groupCoordinator, recorder, metrics.orElseThrow(),
                    name + "-http"));
            BrokerServer server = new BrokerServer(config, cluster, logStore, groupCoordinator, acceptorGroup,
                    socketGroup, requestExecutors, serverChannel, connections, httpListener);
            server.scheduleHousekeeping(clock);
            serverChannel.config().setAutoRead(true);
            LOGGER.info("Broker {} of cluster {} listening on {} (advertised {}:{})", config.nodeId(),
                    cluster.clusterId(), bound, cluster.host(), cluster.port());
            return server;
        } catch (RuntimeException e) {
            acceptorGroup.shutdownGracefully(0, 0, TimeUnit.MILLISECONDS);
            socketGroup.shutdownGracefully(0, 0, TimeUnit.MILLISECONDS);
            requestExecutors.shutdownGracefully(0, 0, TimeUnit.MILLISECONDS);
            groupCoordinator.close();
            logStore.close();
            throw e;
        }
    }

    /** The address the listener is bound to (the real port when port 0 was configured). */
    public InetSocketAddress boundAddress() {
        return (InetSocketAddress) serverChannel.localAddress();
    }

    /** {@code host:port} for clients' {@code bootstrap.servers}: the advertised address. */
    public String bootstrapServers() {
        return cluster.host() + ":" + cluster.port();
    }

    public String clusterId() {
        return cluster.clusterId();
    }

    public BrokerConfig config() {
        return config;
    }

    /** Stops accepting, closes connections, flushes and closes storage. Safe to call more than once. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        // Connections close while every executor still runs, so in-flight work can finish or fail quietly.
        httpListener.ifPresent(HttpListener::close);
        serverChannel.close().syncUninterruptibly();
        connections.close().awaitUninterruptibly();
        requestExecutors.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
        socketGroup.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
        acceptorGroup.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
        // After the request executors: no handler submits any more; before storage: the last append completes.
        groupCoordinator.close();
        logStore.close();
        LOGGER.info("Broker {} stopped", config.nodeId());
    }

    /**
     * One periodic task runs each partition's housekeeping (retention, and flush by {@code flush.ms}). It runs
     * every {@code log.retention.check.interval.ms}, or more often when a flush interval asks for it.
     */
    private void scheduleHousekeeping(Clock clock) {
        long periodMs = Math.min(config.logRetentionCheckIntervalMs(), config.logFlushSchedulerIntervalMs());
        requestExecutors.next().scheduleWithFixedDelay(new Housekeeper(logStore, clock), periodMs, periodMs,
                TimeUnit.MILLISECONDS);
    }

    /** The flight recorder unless {@code handoff.flight.recorder.enable=false}; it feeds the metrics if any. */
    private static Optional<FlightRecorder> flightRecorder(BrokerConfig config, Optional<BrokerMetrics> metrics) {
        FlightRecorderConfig recorderConfig = config.flightRecorderConfig();
        if (!recorderConfig.enabled()) {
            return Optional.empty();
        }
        return Optional.of(new FlightRecorder(recorderConfig, config.groupCoordinatorConfig().consumerGroupAssignors(),
                System::nanoTime, event -> metrics.ifPresent(m -> m.onRebalanceEvent(event))));
    }

    /** @return the web console's URL, e.g. {@code http://127.0.0.1:9100/}, if {@code metrics.listener} is set */
    public Optional<String> consoleUrl() {
        return httpListener.map(HttpListener::url);
    }

    private static void advertise(BrokerConfig config, ClusterInfo cluster, InetSocketAddress bound) {
        Endpoint advertised = config.advertisedListener().orElse(config.listener());
        String host = advertised.host();
        if (host.isEmpty() || "0.0.0.0".equals(host) || "::".equals(host)) {
            // Kafka would look up the canonical host name; we avoid DNS and advertise loopback.
            host = InetAddress.getLoopbackAddress().getHostAddress();
        }
        int port = advertised.port() == 0 ? bound.getPort() : advertised.port();
        cluster.advertise(host, port);
    }

    private static void createDataDir(BrokerConfig config) {
        try {
            Files.createDirectories(config.dataDir());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create data directory " + config.dataDir(), e);
        }
    }
}
