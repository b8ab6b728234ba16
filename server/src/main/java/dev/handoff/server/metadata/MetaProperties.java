package dev.handoff.server.metadata;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;
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
        MetaProperties created = new MetaProperties(configuredClusterId.orElseGet(() -> RandomIds.uuid().toString()),
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

    /**
     * Written by hand in {@link Properties#store(java.io.Writer, String)}'s format (so {@link Properties#load} reads
     * it back) but without its date comment: formatting that date loaded the JDK's time-zone names, about 12 ms of
     * a new broker's start, on the main thread.
     */
    private void write(Path file) {
        StringBuilder text = new StringBuilder("#Handoff broker identity\n")
                .append("version=1\n")
                .append("cluster.id=").append(escaped(clusterId)).append('\n')
                .append("node.id=").append(nodeId).append('\n');
        AtomicFiles.write(file, text.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** A value escaped as {@link Properties#store(java.io.Writer, String)} escapes it. */
    private static String escaped(String value) {
        StringBuilder out = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\f' -> out.append("\\f");
                case '=', ':', '#', '!' -> out.append('\\').append(c);
                case ' ' -> out.append(i == 0 ? "\\ " : " ");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
