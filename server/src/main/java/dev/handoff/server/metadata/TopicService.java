package dev.handoff.server.metadata;

import dev.handoff.log.LogConfig;
import dev.handoff.log.LogStore;
import dev.handoff.log.PartitionLog;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.errors.InvalidConfigurationException;
import org.apache.kafka.common.errors.InvalidPartitionsException;
import org.apache.kafka.common.errors.InvalidReplicationFactorException;
import org.apache.kafka.common.errors.InvalidTopicException;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.apache.kafka.common.internals.Topic;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Topic lifecycle on a single node: validates like Kafka's controller, records the topic in the
 * {@link TopicCatalogue} and keeps the partition logs in step. Topics are written to the catalogue before their
 * logs are created and removed from it before their logs are deleted, so a crash in between leaves only orphan
 * logs, which {@link #removeOrphanLogs()} deletes on the next start.
 */
public final class TopicService {

    private static final Logger LOGGER = LoggerFactory.getLogger(TopicService.class);

    private final TopicCatalogue catalogue;
    private final LogConfig brokerDefaults;
    private final TopicDefaults defaults;
    private final List<ChangeListener> listeners = new CopyOnWriteArrayList<>();
    private volatile LogStore logs;

    /**
     * @param catalogue       the durable topic list
     * @param brokerDefaults  topic configs derived from the broker's {@code log.*} settings
     * @param defaults        {@code num.partitions} and {@code default.replication.factor}
     */
    public TopicService(TopicCatalogue catalogue, LogConfig brokerDefaults, TopicDefaults defaults) {
        this.catalogue = catalogue;
        this.brokerDefaults = brokerDefaults;
        this.defaults = defaults;
    }

    /** {@code num.partitions} and {@code default.replication.factor}. */
    public record TopicDefaults(int numPartitions, short replicationFactor) {
    }

    /** Told about every change of the topic list, e.g. by the group coordinator, which assigns partitions. */
    @FunctionalInterface
    public interface ChangeListener {

        /**
         * Called after a topic was created, grown or deleted, under the service's lock: must not block.
         *
         * @param deleted the topics this change deleted; empty for a creation or a partition increase
         */
        void topicsChanged(Set<String> deleted);
    }

    public void addChangeListener(ChangeListener listener) {
        listeners.add(listener);
    }

    /** The log store opens after the catalogue, because it asks {@link #logConfig(String)} for each topic. */
    public synchronized void attach(LogStore logStore) {
        this.logs = logStore;
    }

    public Optional<TopicMetadata> topic(String name) {
        return catalogue.byName(name);
    }

    public Optional<TopicMetadata> topic(Uuid topicId) {
        return catalogue.byId(topicId);
    }

    public List<TopicMetadata> topics() {
        return catalogue.all();
    }

    /** The effective log config of a topic: broker defaults plus the topic's overrides. */
    public LogConfig logConfig(String topic) {
        return catalogue.byName(topic).map(t -> brokerDefaults.withOverrides(t.configs())).orElse(brokerDefaults);
    }

    /** The log of an existing partition, opened or created on first use; empty if there is no such partition. */
    public Optional<PartitionLog> partition(String topic, int partition) {
        Optional<TopicMetadata> meta = catalogue.byName(topic);
        if (meta.isEmpty() || partition < 0 || partition >= meta.get().partitions()) {
            return Optional.empty();
        }
        TopicPartition tp = new TopicPartition(topic, partition);
        Optional<PartitionLog> existing = logs.get(tp);
        return existing.isPresent() ? existing : openMissing(tp);
    }

    /** Creates a log missing from disk; synchronized with delete so a deleted topic's log is not re-created. */
    private synchronized Optional<PartitionLog> openMissing(TopicPartition tp) {
        Optional<TopicMetadata> meta = catalogue.byName(tp.topic());
        if (meta.isEmpty() || tp.partition() >= meta.get().partitions()) {
            return Optional.empty();
        }
        return Optional.of(logs.getOrCreate(tp, logConfig(tp.topic())));
    }

    /**
     * Creates a topic (CreateTopics, auto-creation).
     *
     * @param partitions         partition count, -1 for {@code num.partitions}
     * @param replicationFactor  -1 for {@code default.replication.factor}; above 1 is impossible on one node
     * @param validateOnly       check everything but change nothing
     * @throws org.apache.kafka.common.errors.ApiException with Kafka's error for the first problem found
     */
    public synchronized TopicMetadata create(String name, int partitions, short replicationFactor,
                                             Map<String, String> configs, boolean validateOnly) {
        validateName(name);
        if (catalogue.byName(name).isPresent()) {
            throw new TopicExistsException("Topic '" + name + "' already exists.");
        }
        int count = partitions == -1 ? defaults.numPartitions() : partitions;
        if (count <= 0) {
            throw new InvalidPartitionsException("Number of partitions was set to an invalid non-positive value.");
        }
        short rf = replicationFactor == -1 ? defaults.replicationFactor() : replicationFactor;
        if (rf <= 0) {
            throw new InvalidReplicationFactorException("Replication factor must be larger than 0, or -1 to use "
                    + "the default value.");
        }
        if (rf > 1) {
            throw new InvalidReplicationFactorException("Unable to replicate the partition " + rf
                    + " time(s): The target replication factor of " + rf
                    + " cannot be reached because only 1 broker(s) are registered.");
        }
        validateConfigs(configs);
        TopicMetadata topic = new TopicMetadata(name, newTopicId(), count, configs, Topic.isInternal(name));
        if (validateOnly) {
            return topic;
        }
        catalogue.put(topic);
        createLogs(topic, 0);
        LOGGER.info("Created topic {} with {} partition(s), id {}", name, count, topic.topicId());
        notifyListeners(Set.of());
        return topic;
    }

    /** Creates an internal topic such as {@code __consumer_offsets}, or returns it if it exists. */
    public synchronized TopicMetadata createInternal(String name, int partitions, Map<String, String> configs) {
        Optional<TopicMetadata> existing = catalogue.byName(name);
        if (existing.isPresent()) {
            return existing.get();
        }
        TopicMetadata topic = new TopicMetadata(name, newTopicId(), partitions, configs, true);
        catalogue.put(topic);
        createLogs(topic, 0);
        notifyListeners(Set.of());
        return topic;
    }

    /** Grows a topic to {@code totalCount} partitions (CreatePartitions). */
    public synchronized void createPartitions(String name, int totalCount, boolean validateOnly) {
        TopicMetadata topic = catalogue.byName(name).orElseThrow(
                () -> new UnknownTopicOrPartitionException("The topic '" + name + "' does not exist."));
        if (totalCount <= topic.partitions()) {
            throw new InvalidPartitionsException("Topic currently has " + topic.partitions()
                    + " partitions, which is higher than the requested " + totalCount + ".");
        }
        if (validateOnly) {
            return;
        }
        TopicMetadata grown = topic.withPartitions(totalCount);
        catalogue.put(grown);
        createLogs(grown, topic.partitions());
        LOGGER.info("Topic {} now has {} partitions", name, totalCount);
        notifyListeners(Set.of());
    }

    /** Deletes a topic and its data. */
    public synchronized TopicMetadata delete(String name) {
        TopicMetadata topic = catalogue.byName(name).orElseThrow(
                () -> new UnknownTopicOrPartitionException("This server does not host this topic-partition."));
        catalogue.remove(name);
        for (int p = 0; p < topic.partitions(); p++) {
            logs.delete(new TopicPartition(name, p));
        }
        LOGGER.info("Deleted topic {}", name);
        notifyListeners(Set.of(name));
        return topic;
    }

    /** Deletes partition logs whose topic is not in the catalogue (a crash during create or delete). */
    public synchronized void removeOrphanLogs() {
        for (PartitionLog log : List.copyOf(logs.all())) {
            TopicPartition tp = log.topicPartition();
            Optional<TopicMetadata> topic = catalogue.byName(tp.topic());
            if (topic.isEmpty() || tp.partition() >= topic.get().partitions()) {
                LOGGER.warn("Deleting orphan partition log {}", tp);
                logs.delete(tp);
            }
        }
    }

    private void notifyListeners(Set<String> deleted) {
        listeners.forEach(listener -> listener.topicsChanged(deleted));
    }

    private void createLogs(TopicMetadata topic, int fromPartition) {
        LogConfig config = brokerDefaults.withOverrides(topic.configs());
        for (int p = fromPartition; p < topic.partitions(); p++) {
            logs.getOrCreate(new TopicPartition(topic.name(), p), config);
        }
    }

    private void validateName(String name) {
        // Kafka's rules: legal characters, length, not "." or "..".
        Topic.validate(name);
        for (TopicMetadata existing : catalogue.all()) {
            if (!existing.name().equals(name) && Topic.hasCollision(name, existing.name())) {
                throw new InvalidTopicException("Topic '" + name + "' collides with existing topic: "
                        + existing.name());
            }
        }
    }

    private void validateConfigs(Map<String, String> configs) {
        try {
            brokerDefaults.withOverrides(new HashMap<>(configs));
        } catch (ConfigException e) {
            throw new InvalidConfigurationException(e.getMessage());
        }
    }

    private Uuid newTopicId() {
        Uuid id = RandomIds.uuid();
        // RandomIds already avoids reserved ids and ids whose base64 form starts with '-'; ids must also be unique
        // within the catalogue.
        while (catalogue.byId(id).isPresent()) {
            id = RandomIds.uuid();
        }
        return id;
    }
}
