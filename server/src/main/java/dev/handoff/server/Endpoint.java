package dev.handoff.server;

import java.util.Locale;
import org.apache.kafka.common.config.ConfigException;

/**
 * One {@code PLAINTEXT://host:port} listener. An empty host binds every interface; port 0 asks for an ephemeral
 * port.
 */
public record Endpoint(String host, int port) {

    private static final String PLAINTEXT = "PLAINTEXT://";

    /** Parses the first entry of a Kafka {@code listeners}-style list; only PLAINTEXT is supported. */
    static Endpoint parse(String name, String value) {
        String first = value.split(",")[0].trim();
        if (!first.toUpperCase(Locale.ROOT).startsWith(PLAINTEXT)) {
            throw new ConfigException(name, value, "only a PLAINTEXT://host:port listener is supported");
        }
        String hostPort = first.substring(PLAINTEXT.length());
        int colon = hostPort.lastIndexOf(':');
        if (colon < 0) {
            throw new ConfigException(name, value, "expected PLAINTEXT://host:port");
        }
        String host = hostPort.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        int port;
        try {
            port = Integer.parseInt(hostPort.substring(colon + 1));
        } catch (NumberFormatException e) {
            throw new ConfigException(name, value, "port is not a number");
        }
        if (port < 0 || port > 65535) {
            throw new ConfigException(name, value, "port must be between 0 and 65535");
        }
        return new Endpoint(host, port);
    }
}
