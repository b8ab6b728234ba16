package dev.handoff.server.group;

import dev.handoff.log.FileLogStore;
import dev.handoff.log.LogConfig;
import dev.handoff.server.BrokerConfig;
import dev.handoff.server.handler.ApiHandler;
import dev.handoff.server.handler.RequestContext;
import dev.handoff.server.metadata.ClusterInfo;
import dev.handoff.server.metadata.TopicCatalogue;
import dev.handoff.server.metadata.TopicService;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import org.apache.kafka.common.protocol.ApiKeys;
import org.apache.kafka.common.protocol.ApiMessage;
import org.apache.kafka.common.requests.RequestHeader;

/**
 * The group handlers over a real coordinator service and a real file log store in a temp directory. The clock is
 * fixed: no timer but the zero initial rebalance delay ever comes due, so join phases complete at once.
 */
final class GroupFixture implements AutoCloseable {

    static final long NOW = 1_700_000_000_000L;

    final ClusterInfo cluster = new ClusterInfo("test-cluster", 1);
    final TopicService topics;
    final FileLogStore logs;
    final GroupCoordinatorService coordinator;
    private final Map<ApiKeys, ApiHandler<?, ?>> handlers = new HashMap<>();

    GroupFixture(Path dir) {
        cluster.advertise("127.0.0.1", 9092);
        BrokerConfig config = BrokerConfig.from(Map.of("log.dirs", dir.toString(),
                "group.initial.rebalance.delay.ms", "0"));
        topics = new TopicService(TopicCatalogue.load(dir), LogConfig.DEFAULTS, new TopicService.TopicDefaults(1,
                (short) 1));
        logs = FileLogStore.open(dir, topics::logConfig, NOW);
        topics.attach(logs);
        coordinator = GroupCoordinatorService.start(config, topics, () -> NOW);
        List<ApiHandler<?, ?>> all = GroupHandlers.create(coordinator, cluster, topics);
        all.forEach(handler -> handlers.put(handler.apiKey(), handler));
    }

    static List<ApiHandler<?, ?>> handlerList() {
        return GroupHandlers.create(null, new ClusterInfo("c", 1), null);
    }

    @SuppressWarnings("unchecked")
    <R extends ApiMessage> CompletionStage<R> send(ApiKeys apiKey, short version, ApiMessage request) {
        RequestContext context = new RequestContext(new RequestHeader(apiKey, version, "client-1", 1), NOW,
                new InetSocketAddress("127.0.0.1", 50_000));
        return (CompletionStage<R>) handlers.get(apiKey).handleMessage(context, request);
    }

    <R extends ApiMessage> R call(ApiKeys apiKey, short version, ApiMessage request) {
        return this.<R>send(apiKey, version, request).toCompletableFuture().join();
    }

    void createTopic(String name, int partitions) {
        topics.create(name, partitions, (short) 1, Map.of(), false);
    }

    @Override
    public void close() {
        coordinator.close();
        logs.close();
    }
}
