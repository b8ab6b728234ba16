package dev.handoff.log;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.kafka.common.TopicPartition;

/** A {@link FileLogStore} over a temporary directory with one partition, with clean and unclean restarts. */
final class LogFixture {

    static final TopicPartition TP = new TopicPartition("orders", 0);
    static final long NOW = 1_700_000_000_000L;

    private final Path root;
    private final LogConfig config;
    private Path dir;
    private FileLogStore store;
    private int crashes;

    LogFixture(Path root, Map<String, String> overrides) {
        this.root = root;
        this.dir = root.resolve("data");
        this.config = LogConfig.DEFAULTS.withOverrides(overrides);
        this.store = FileLogStore.open(dir, topic -> config, NOW);
    }

    FilePartitionLog log() {
        return (FilePartitionLog) store.get(TP).orElseGet(() -> store.getOrCreate(TP, config));
    }

    FileLogStore store() {
        return store;
    }

    Path partitionDir() {
        return dir.resolve("orders-0");
    }

    /** A clean restart: close writes the marker, the indexes and a producer snapshot. */
    FilePartitionLog reopen(long nowMs) {
        store.close();
        return open(nowMs);
    }

    /**
     * An unclean restart: a copy of the files as they are while the store is running (what a killed process
     * leaves behind: written data, but no marker, no active-segment indexes, no final snapshot) is opened.
     */
    FilePartitionLog crashAndReopen(long nowMs) {
        Path copy = root.resolve("crash-" + (++crashes));
        copyTree(dir, copy);
        store.close();
        dir = copy;
        return open(nowMs);
    }

    /** Opens the current directory as it is on disk (after a test changed its files). */
    FilePartitionLog open(long nowMs) {
        store = FileLogStore.open(dir, topic -> config, nowMs);
        return (FilePartitionLog) store.get(TP).orElseThrow();
    }

    /** Closes the store and marks the shutdown unclean, so the next {@link #open} recovers. */
    void closeUncleanly() {
        store.close();
        try {
            Files.delete(dir.resolve(FileLogStore.CLEAN_SHUTDOWN_FILE));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void close() {
        store.close();
    }

    List<Path> files(String suffix) {
        try (Stream<Path> files = Files.list(partitionDir())) {
            return files.filter(f -> f.toString().endsWith(suffix)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void copyTree(Path from, Path to) {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path path : paths.toList()) {
                Path target = to.resolve(from.relativize(path).toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(path, target);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
