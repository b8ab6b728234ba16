package dev.handoff.server.metadata;

import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.config.ConfigException;

/**
 * The identity of a data directory, kept in {@code meta.properties} as Kafka does ({@code version},
 * {@code cluster.id}, {@code node.id}). The cluster id is generated on first start and never changes.
 */
public record MetaProperties(String clusterId, int nodeId) {

    static final String FILE_NAME = "meta.properties";

    /**
     * Reads the directory's identity, creating it on first start.
     *
     * @param configuredClusterId {@code cluster.id} from the config, if set
     * @throws ConfigException if the directory belongs to another cluster or node
     */
    public static MetaProperties loadOrCreate(Path dataDir, Optional<String> configuredClusterId, int nodeId) {
        Path file = dataDir.resolve(FILE_NAME);
        if (Files.exists(file)) {
            MetaProperties stored = read(file);
            if (configuredClusterId.isPresent() && !configuredClusterId.get().equals(stored.clusterId())) {
                throw new ConfigException("cluster.id " + configuredClusterId.get() + " does not match "
                        + stored.clusterId() + " stored in " + file);
            }
            if (stored.nodeId() != nodeId) {
                throw new ConfigException("node.id " + nodeId + " does not match " + stored.nodeId()
                        + " stored in " + file);
            }
            return stored;
        }
        MetaProperties created = new MetaProperties(configuredClusterId.orElseGet(() -> Uuid.randomUuid().toString()),
                nodeId);
        created.write(file);
        return created;
    }

    private static MetaProperties read(Path file) {
        Properties props = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            props.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
        String clusterId = props.getProperty("cluster.id");
        String nodeId = props.getProperty("node.id");
        if (clusterId == null || nodeId == null) {
            throw new ConfigException(file + " lacks cluster.id or node.id");
        }
        try {
            return new MetaProperties(clusterId, Integer.parseInt(nodeId.trim()));
        } catch (NumberFormatException e) {
            throw new ConfigException(file + " has a malformed node.id: " + nodeId);
        }
    }

    private void write(Path file) {
        Properties props = new Properties();
        props.setProperty("version", "1");
        props.setProperty("cluster.id", clusterId);
        props.setProperty("node.id", Integer.toString(nodeId));
        StringWriter out = new StringWriter();
        try {
            props.store(out, "Handoff broker identity");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        AtomicFiles.write(file, out.toString().getBytes(StandardCharsets.UTF_8));
    }
}
