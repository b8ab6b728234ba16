package dev.handoff.cli;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/** Reads a {@code server.properties} file (Java properties format, as Kafka does) and applies overrides. */
final class ServerProperties {

    private ServerProperties() {
    }

    static Map<String, String> load(Path file, Map<String, String> overrides) {
        Properties fromFile = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            fromFile.load(reader);
        } catch (IOException e) {
            throw new UnreadableException("Cannot read " + file + ": " + e, e);
        }
        Map<String, String> merged = new LinkedHashMap<>();
        fromFile.stringPropertyNames().stream().sorted()
                .forEach(name -> merged.put(name, fromFile.getProperty(name).trim()));
        merged.putAll(overrides);
        return merged;
    }

    /** The properties file is missing or unreadable. */
    static final class UnreadableException extends RuntimeException {

        private static final long serialVersionUID = 1L;

        UnreadableException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
