package dev.handoff.migrate;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.apache.kafka.clients.CommonClientConfigs;

/**
 * Client properties for one cluster: its bootstrap servers plus an optional {@code --command-config} file, as
 * Kafka's own tools take them, so security settings (SASL, TLS) reach every Admin, Producer and Consumer.
 */
public final class ClientSettings {

    private static final String CLIENT_ID_PREFIX = "handoff-migrate-";

    private final String bootstrapServers;
    private final Properties extra;

    private ClientSettings(String bootstrapServers, Properties extra) {
        this.bootstrapServers = bootstrapServers;
        this.extra = extra;
    }

    public static ClientSettings of(String bootstrapServers) {
        return new ClientSettings(bootstrapServers, new Properties());
    }

    /** Reads a Kafka-style client properties file; {@code null} means none. */
    public static ClientSettings of(String bootstrapServers, Path commandConfig) {
        Properties extra = new Properties();
        if (commandConfig != null) {
            try (Reader reader = Files.newBufferedReader(commandConfig)) {
                extra.load(reader);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read " + commandConfig, e);
            }
        }
        return new ClientSettings(bootstrapServers, extra);
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    /** The security protocol the clients use; the raw ApiVersions probe only speaks PLAINTEXT. */
    public String securityProtocol() {
        return extra.getProperty(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, "PLAINTEXT");
    }

    /** A fresh copy for one client, named after the tool that uses it. */
    public Properties forClient(String tool) {
        Properties properties = new Properties();
        properties.putAll(extra);
        properties.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        properties.putIfAbsent(CommonClientConfigs.CLIENT_ID_CONFIG, CLIENT_ID_PREFIX + tool);
        return properties;
    }
}
