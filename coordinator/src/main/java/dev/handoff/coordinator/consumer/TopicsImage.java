package dev.handoff.coordinator.consumer;

import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import dev.handoff.coordinator.assignor.TopicDescriber;
import org.apache.kafka.common.Uuid;

/**
 * An immutable snapshot of the broker's topics, the coordinator's only view of topic metadata (KIP-848 assigns
 * by topic id). The server builds one from its topic catalogue and hands it in with
 * {@code GroupCoordinatorShard#onTopicsChanged}; it is input, not state, so it is never written to the log.
 */
public final class TopicsImage implements TopicDescriber {

    public static final TopicsImage EMPTY = new TopicsImage(Map.of());

    private final NavigableMap<String, TopicImage> byName;
    private final Map<Uuid, TopicImage> byId;

    private TopicsImage(Map<String, TopicImage> byName) {
        this.byName = Collections.unmodifiableNavigableMap(new TreeMap<>(byName));
        Map<Uuid, TopicImage> ids = new HashMap<>();
        byName.values().forEach(topic -> ids.put(topic.id(), topic));
        this.byId = Map.copyOf(ids);
    }

    public static TopicsImage of(Collection<TopicImage> topics) {
        Map<String, TopicImage> byName = new HashMap<>();
        for (TopicImage topic : topics) {
            if (byName.put(topic.name(), topic) != null) {
                throw new IllegalArgumentException("Duplicate topic " + topic.name());
            }
        }
        return new TopicsImage(byName);
    }

    public Optional<TopicImage> topic(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    public Optional<TopicImage> topic(Uuid id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** Every topic name, sorted. */
    public Set<String> names() {
        return byName.keySet();
    }

    @Override
    public int numPartitions(Uuid topicId) {
        TopicImage topic = byId.get(topicId);
        return topic == null ? -1 : topic.partitionCount();
    }

    @Override
    public Set<String> racksForPartition(Uuid topicId, int partition) {
        TopicImage topic = byId.get(topicId);
        return topic == null ? Set.of() : topic.racks(partition);
    }
}
