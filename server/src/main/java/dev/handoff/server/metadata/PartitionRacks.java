package dev.handoff.server.metadata;

import dev.handoff.coordinator.consumer.TopicImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.apache.kafka.common.config.ConfigException;

/**
 * The racks a single-node broker reports for partitions, so that rack-aware server assignment (DECISIONS.md item 6)
 * can be used and tested on one node. Kafka derives a partition's racks from its replicas' {@code broker.rack}; a
 * single node has one rack for everything, so Handoff takes a rack map instead (Handoff only, not a Kafka setting):
 * <ul>
 *   <li>{@code handoff.partition.racks.<topic>=r0,r1,r2}: partition {@code p} of that topic is on the racks of entry
 *       {@code p mod 3}; an entry may name several racks separated by {@code |} (replicas on several racks), e.g.
 *       {@code r0|r1,r1|r2,r2|r0};</li>
 *   <li>{@code handoff.partition.racks=...}: the same for every non-internal topic without an entry of its own.</li>
 * </ul>
 * Without any, partitions have no racks and assignment ignores racks, as Kafka's does when brokers have none.
 */
public final class PartitionRacks {

    public static final String PARTITION_RACKS = "handoff.partition.racks";
    public static final PartitionRacks NONE = new PartitionRacks(Optional.empty(), Map.of());

    private static final String TOPIC_PREFIX = PARTITION_RACKS + ".";
    private static final Pattern ENTRY_SEPARATOR = Pattern.compile("\\s*,\\s*");
    private static final Pattern RACK_SEPARATOR = Pattern.compile("\\s*\\|\\s*");

    private final Optional<List<Set<String>>> everyTopic;
    private final Map<String, List<Set<String>>> byTopic;

    private PartitionRacks(Optional<List<Set<String>>> everyTopic, Map<String, List<Set<String>>> byTopic) {
        this.everyTopic = everyTopic;
        this.byTopic = Map.copyOf(byTopic);
    }

    /**
     * @param properties broker settings; only {@code handoff.partition.racks} and its per-topic names are read
     * @throws ConfigException for an empty rack map, entry or rack
     */
    public static PartitionRacks fromProperties(Map<String, String> properties) {
        Optional<List<Set<String>>> everyTopic = Optional.ofNullable(properties.get(PARTITION_RACKS))
                .map(value -> parse(PARTITION_RACKS, value));
        Map<String, List<Set<String>>> byTopic = new TreeMap<>();
        properties.forEach((name, value) -> {
            if (name.startsWith(TOPIC_PREFIX) && name.length() > TOPIC_PREFIX.length()) {
                byTopic.put(name.substring(TOPIC_PREFIX.length()), parse(name, value));
            }
        });
        return new PartitionRacks(everyTopic, byTopic);
    }

    /** The coordinator's view of a topic, with the racks of each partition. */
    public TopicImage topicImage(TopicMetadata topic) {
        List<Set<String>> entries = byTopic.get(topic.name());
        if (entries == null) {
            entries = topic.internal() ? null : everyTopic.orElse(null);
        }
        if (entries == null) {
            return TopicImage.of(topic.topicId(), topic.name(), topic.partitions());
        }
        List<Set<String>> racks = new ArrayList<>(topic.partitions());
        for (int p = 0; p < topic.partitions(); p++) {
            racks.add(entries.get(p % entries.size()));
        }
        return new TopicImage(topic.topicId(), topic.name(), topic.partitions(), racks);
    }

    private static List<Set<String>> parse(String name, String value) {
        List<Set<String>> entries = new ArrayList<>();
        for (String entry : ENTRY_SEPARATOR.split(value.trim(), -1)) {
            List<String> racks = List.of(RACK_SEPARATOR.split(entry, -1));
            if (racks.stream().anyMatch(String::isEmpty)) {
                throw new ConfigException(name, value, "every partition entry needs at least one rack and racks"
                        + " must not be empty (e.g. r0,r1|r2)");
            }
            entries.add(Set.copyOf(racks));
        }
        return List.copyOf(entries);
    }
}
