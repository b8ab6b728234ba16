package dev.handoff.server.group;

import dev.handoff.coordinator.GroupCoordinatorShard;
import dev.handoff.coordinator.consumer.TopicsImage;
import dev.handoff.coordinator.recorder.RebalanceObserver;
import dev.handoff.coordinator.record.CoordinatorRecord;
import dev.handoff.coordinator.runtime.Clock;
import dev.handoff.coordinator.runtime.CoordinatorLoop;
import dev.handoff.coordinator.runtime.CoordinatorOperation;
import dev.handoff.coordinator.runtime.SeededIdGenerator;
import dev.handoff.server.BrokerConfig;
import dev.handoff.server.metadata.PartitionRacks;
import dev.handoff.server.metadata.RandomIds;
import dev.handoff.server.metadata.TopicService;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.RejectedExecutionException;
import org.apache.kafka.common.errors.CoordinatorNotAvailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The broker's group coordinator: one {@link GroupCoordinatorShard} on its own thread, persisted in
 * {@code __consumer_offsets-0} and fed with the broker's topics. Handlers submit operations; the returned futures
 * complete once the operation's records are durable and replayed, or when a parked JoinGroup / SyncGroup is
 * answered. {@link #start} returns only after the log has been replayed (DECISIONS.md 1: group state survives a
 * restart), so the broker accepts group requests only from a loaded coordinator.
 */
public final class GroupCoordinatorService implements AutoCloseable {

    /** Kafka's setting for the internal topic's segment size; its other {@code offsets.topic.*} have no use here. */
    public static final String OFFSETS_TOPIC_SEGMENT_BYTES = "offsets.topic.segment.bytes";

    private static final Logger LOGGER = LoggerFactory.getLogger(GroupCoordinatorService.class);

    private final CoordinatorLoop<GroupCoordinatorShard, CoordinatorRecord> loop;
    private final TopicService topics;
    private final PartitionRacks racks;

    private GroupCoordinatorService(CoordinatorLoop<GroupCoordinatorShard, CoordinatorRecord> loop,
                                    TopicService topics, PartitionRacks racks) {
        this.loop = loop;
        this.topics = topics;
        this.racks = racks;
    }

    /**
     * Replays the coordinator's partition, hands it the current topics and subscribes it to topic changes.
     *
     * @param config the broker's settings: {@code group.*}, {@code offsets.*} and {@code offset.*} are the
     *               coordinator's
     * @param clock  the broker's clock
     */
    public static GroupCoordinatorService start(BrokerConfig config, TopicService topics, Clock clock) {
        return start(config, topics, clock, RebalanceObserver.NONE);
    }

    /** As {@link #start(BrokerConfig, TopicService, Clock)}, with an observer of the shard (the flight recorder). */
    public static GroupCoordinatorService start(BrokerConfig config, TopicService topics, Clock clock,
                                                RebalanceObserver observer) {
        PartitionRacks racks = PartitionRacks.fromProperties(config.originals());
        // Member ids need not be secret, only unique across restarts: a seed from the system's generator once.
        GroupCoordinatorShard shard = new GroupCoordinatorShard(config.groupCoordinatorConfig(),
                new SeededIdGenerator(RandomIds.seed()), observer);
        OffsetsTopicLog log = new OffsetsTopicLog(topics, config.originals()
                .getOrDefault(OFFSETS_TOPIC_SEGMENT_BYTES, OffsetsTopicLog.DEFAULT_SEGMENT_BYTES), clock);
        CoordinatorLoop<GroupCoordinatorShard, CoordinatorRecord> loop = new CoordinatorLoop<>(shard, log, clock,
                new CoordinatorThread("handoff-" + config.nodeId() + "-group-coordinator"));
        GroupCoordinatorService service = new GroupCoordinatorService(loop, topics, racks);
        try {
            loop.load().join();
            topics.addChangeListener(service::onTopicsChanged);
            service.publishTopics().join();
        } catch (RuntimeException e) {
            loop.close();
            throw e;
        }
        LOGGER.info("Group coordinator loaded");
        return service;
    }

    /**
     * Runs an operation on the coordinator thread.
     *
     * @return the operation's response; fails with the Kafka {@code ApiException} it threw, with
     *         COORDINATOR_LOAD_IN_PROGRESS while loading, or COORDINATOR_NOT_AVAILABLE once closed
     */
    public <T> CompletableFuture<T> submit(String name,
                                           CoordinatorOperation<GroupCoordinatorShard, CoordinatorRecord, T> operation) {
        try {
            return loop.submit(name, operation);
        } catch (RejectedExecutionException e) {
            return CompletableFuture.failedFuture(new CoordinatorNotAvailableException("The coordinator is closed"));
        }
    }

    /** Offsets of deleted topics go first; then consumer groups see the new topic list (KIP-848 assigns by id). */
    private void onTopicsChanged(Set<String> deleted) {
        if (!deleted.isEmpty()) {
            submit("topics-deleted", (shard, nowMs) -> shard.onTopicsDeleted(deleted, nowMs))
                    .whenComplete((ignored, error) -> logFailure("topic deletion", error));
        }
        publishTopics().whenComplete((ignored, error) -> logFailure("topic change", error));
    }

    private CompletableFuture<Void> publishTopics() {
        TopicsImage image = TopicsImage.of(topics.topics().stream()
                .map(racks::topicImage)
                .toList());
        return submit("topics-changed", (shard, nowMs) -> shard.onTopicsChanged(image, nowMs));
    }

    private static void logFailure(String what, Throwable error) {
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        if (cause instanceof CoordinatorNotAvailableException) {
            LOGGER.debug("The group coordinator is closed; it ignores a {}", what);
        } else if (cause != null) {
            LOGGER.warn("The group coordinator could not apply a {}", what, cause);
        }
    }

    /** Stops the coordinator thread after the event in progress; parked requests fail with COORDINATOR_NOT_AVAILABLE. */
    @Override
    public void close() {
        loop.close();
    }
}
