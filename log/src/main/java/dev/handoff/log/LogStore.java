package dev.handoff.log;

import java.util.Collection;
import java.util.Optional;
import org.apache.kafka.common.TopicPartition;

/** All partition logs of a broker: creation, lookup, deletion and shutdown. */
public interface LogStore extends AutoCloseable {

    /** Creates an empty partition log, or returns the existing one. */
    PartitionLog getOrCreate(TopicPartition topicPartition, LogConfig config);

    Optional<PartitionLog> get(TopicPartition topicPartition);

    Collection<PartitionLog> all();

    /** Changes the configuration of an existing partition (topic config altered). */
    void updateConfig(TopicPartition topicPartition, LogConfig config);

    /** Removes the partition and its data. */
    void delete(TopicPartition topicPartition);

    /** Flushes and closes every partition; on a file store this also marks a clean shutdown. */
    @Override
    void close();
}
