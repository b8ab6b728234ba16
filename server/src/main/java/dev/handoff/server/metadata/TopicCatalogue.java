package dev.handoff.server.metadata;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.kafka.common.Uuid;

/**
 * The durable list of topics, kept in {@code topics.json} at the top of the data directory (the log store
 * ignores entries that are not partition directories). Every change rewrites the file atomically.
 */
public final class TopicCatalogue {

    static final String FILE_NAME = "topics.json";

    private final Path file;
    private final Map<String, TopicMetadata> byName = new TreeMap<>();
    private final Map<Uuid, TopicMetadata> byId = new HashMap<>();

    private TopicCatalogue(Path file, List<TopicMetadata> topics) {
        this.file = file;
        topics.forEach(this::index);
    }

    public static TopicCatalogue load(Path dataDir) {
        Path file = dataDir.resolve(FILE_NAME);
        if (!Files.exists(file)) {
            return new TopicCatalogue(file, List.of());
        }
        try {
            List<StoredTopic> stored = Json.MAPPER.readValue(file.toFile(), new TypeReference<List<StoredTopic>>() { });
            return new TopicCatalogue(file, stored.stream().map(StoredTopic::toMetadata).toList());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read topic catalogue " + file, e);
        }
    }

    public synchronized Optional<TopicMetadata> byName(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    public synchronized Optional<TopicMetadata> byId(Uuid topicId) {
        return Optional.ofNullable(byId.get(topicId));
    }

    /** All topics, sorted by name. */
    public synchronized List<TopicMetadata> all() {
        return List.copyOf(byName.values());
    }

    /** Adds or replaces a topic and persists the catalogue before returning. */
    public synchronized void put(TopicMetadata topic) {
        index(topic);
        persist();
    }

    public synchronized void remove(String name) {
        TopicMetadata removed = byName.remove(name);
        if (removed != null) {
            byId.remove(removed.topicId());
            persist();
        }
    }

    private void index(TopicMetadata topic) {
        byName.put(topic.name(), topic);
        byId.put(topic.topicId(), topic);
    }

    private void persist() {
        List<StoredTopic> stored = new ArrayList<>();
        byName.values().forEach(t -> stored.add(StoredTopic.of(t)));
        try {
            AtomicFiles.write(file, Json.MAPPER.writeValueAsBytes(stored));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write topic catalogue " + file, e);
        }
    }

    /**
     * Jackson is created at the first read or write of the file, not when the class loads: a new broker has no
     * file yet, and creating the mapper took a tenth of its start (its classes and their initialisation).
     */
    private static final class Json {

        static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    }

    /** The JSON shape: the topic id as Kafka's base64 string. */
    private record StoredTopic(String name, String topicId, int partitions, Map<String, String> configs,
                               boolean internal) {

        static StoredTopic of(TopicMetadata t) {
            return new StoredTopic(t.name(), t.topicId().toString(), t.partitions(), t.configs(), t.internal());
        }

        TopicMetadata toMetadata() {
            return new TopicMetadata(name, Uuid.fromString(topicId), partitions,
                    configs == null ? Map.of() : configs, internal);
        }
    }
}
