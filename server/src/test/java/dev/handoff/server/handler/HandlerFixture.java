package dev.handoff.server.handler;

import dev.handoff.log.FileLogStore;
import dev.handoff.log.LogConfig;
import dev.handoff.server.metadata.ClusterInfo;
import dev.handoff.server.metadata.ConfigDescriber;
import dev.handoff.server.metadata.ProducerIdAllocator;
import dev.handoff.server.metadata.TopicCatalogue;
import dev.handoff.server.metadata.TopicService;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Future;
import org.apache.kafka.common.compress.Compression;
import org.apache.kafka.common.message.ProduceRequestData;
import org.apache.kafka.common.protocol.ApiKeys;
import org.apache.kafka.common.protocol.ApiMessage;
import org.apache.kafka.common.record.internal.MemoryRecords;
import org.apache.kafka.common.record.internal.SimpleRecord;
import org.apache.kafka.common.requests.RequestHeader;

/**
 * Real handlers on a real file log store in a temp directory, with long-poll timeouts fired by hand instead of
 * by a clock.
 */
final class HandlerFixture implements AutoCloseable {

    static final long NOW = 1_700_000_000_000L;

    final ClusterInfo cluster = new ClusterInfo("test-cluster", 1);
    final TopicService topics;
    final FileLogStore logs;
    final List<Runnable> pendingTimeouts = new ArrayList<>();
    final BrokerServices services;
    final ApiHandlerRegistry registry;

    HandlerFixture(Path dir) {
        cluster.advertise("127.0.0.1", 9092);
        topics = new TopicService(TopicCatalogue.load(dir), LogConfig.DEFAULTS, new TopicService.TopicDefaults(3,
                (short) 1));
        logs = FileLogStore.open(dir, topics::logConfig, NOW);
        topics.attach(logs);
        services = new BrokerServices(cluster, topics, ProducerIdAllocator.open(dir),
                new FetchPurgatory(this::schedule), new ConfigDescriber(LogConfig.DEFAULTS,
                Map.of("log.retention.ms", "604800000"), Map.of("node.id", "1")), true);
        registry = ApiHandlerRegistry.withApiVersions(cluster, BrokerHandlers.create(services));
    }

    @SuppressWarnings("unchecked")
    <R extends ApiMessage> CompletionStage<R> send(ApiKeys apiKey, short version, ApiMessage request) {
        ApiHandler<?, ?> handler = registry.handler(apiKey).orElseThrow();
        RequestContext context = new RequestContext(new RequestHeader(apiKey, version, "test", 1), NOW, null);
        return (CompletionStage<R>) handler.handleMessage(context, request);
    }

    <R extends ApiMessage> R call(ApiKeys apiKey, short version, ApiMessage request) {
        return this.<R>send(apiKey, version, request).toCompletableFuture().join();
    }

    void createTopic(String name, int partitions) {
        topics.create(name, partitions, (short) 1, Map.of(), false);
    }

    /** Produces one batch of {@code values} through the Produce handler. */
    void produce(String topic, int partition, String... values) {
        SimpleRecord[] records = new SimpleRecord[values.length];
        for (int i = 0; i < values.length; i++) {
            records[i] = new SimpleRecord(NOW, values[i].getBytes());
        }
        ProduceRequestData request = new ProduceRequestData().setAcks((short) -1).setTimeoutMs(1000);
        ProduceRequestData.TopicProduceData data = new ProduceRequestData.TopicProduceData().setName(topic);
        data.partitionData().add(new ProduceRequestData.PartitionProduceData().setIndex(partition)
                .setRecords(MemoryRecords.withRecords(Compression.NONE, records)));
        request.topicData().add(data);
        call(ApiKeys.PRODUCE, (short) 11, request);
    }

    void fireTimeouts() {
        List<Runnable> due = new ArrayList<>(pendingTimeouts);
        pendingTimeouts.clear();
        due.forEach(Runnable::run);
    }

    private Future<?> schedule(Runnable task, long delayMs) {
        pendingTimeouts.add(task);
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public void close() {
        logs.close();
    }
}
