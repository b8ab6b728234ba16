package dev.handoff.log;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.KafkaStorageException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Partition logs in one data directory, one {@code <topic>-<partition>} directory each as in Kafka. A
 * clean-shutdown marker, written by {@link #close()} and removed by {@link #open}, tells a restart whether the
 * last segments must be scanned for a torn tail.
 */
public final class FileLogStore implements LogStore {

    private static final Logger LOGGER = LoggerFactory.getLogger(FileLogStore.class);

    /** The marker's name, after Kafka's {@code .kafka_cleanshutdown}. */
    static final String CLEAN_SHUTDOWN_FILE = ".handoff_cleanshutdown";

    /** Kafka's legal topic name characters; a topic name is at most 249 characters. */
    private static final Pattern PARTITION_DIR = Pattern.compile("([a-zA-Z0-9._-]{1,249})-(0|[1-9][0-9]{0,9})");

    private final Path dir;
    private final LogStoreSettings settings;
    private final RetiredSegments retired;
    private final Map<TopicPartition, FilePartitionLog> logs = new ConcurrentHashMap<>();

    private FileLogStore(Path dir, LogStoreSettings settings) {
        this.dir = dir;
        this.settings = settings;
        this.retired = new RetiredSegments(settings.fileDeleteDelayMs());
    }

    /** Opens (recovering) every partition directory under {@code dir}; {@code configForTopic} gives each topic's config. */
    public static FileLogStore open(Path dir, Function<String, LogConfig> configForTopic, long nowMs) {
        return open(dir, configForTopic, nowMs, LogStoreSettings.DEFAULTS);
    }

    /** As {@link #open(Path, Function, long)}, with broker-wide settings other than the defaults. */
    public static FileLogStore open(Path dir, Function<String, LogConfig> configForTopic, long nowMs,
                                    LogStoreSettings settings) {
        FileLogStore store = new FileLogStore(dir, settings);
        try {
            Files.createDirectories(dir);
            Path marker = dir.resolve(CLEAN_SHUTDOWN_FILE);
            boolean clean = Files.exists(marker);
            for (Path partitionDir : partitionDirs(dir)) {
                TopicPartition tp = topicPartition(partitionDir).orElseThrow();
                store.logs.put(tp, FilePartitionLog.open(partitionDir, tp, configForTopic.apply(tp.topic()), clean,
                        settings, store.retired, nowMs));
            }
            Files.deleteIfExists(marker);
            if (!store.logs.isEmpty()) {
                LOGGER.info("Opened {} partition logs in {} after {} shutdown", store.logs.size(), dir,
                        clean ? "a clean" : "an unclean");
            }
            return store;
        } catch (IOException e) {
            store.logs.values().forEach(FilePartitionLog::close);
            throw new KafkaStorageException("Opening the log directory " + dir + " failed", e);
        }
    }

    private static List<Path> partitionDirs(Path dir) throws IOException {
        List<Path> dirs = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            for (Path entry : entries) {
                if (Files.isDirectory(entry) && topicPartition(entry).isPresent()) {
                    dirs.add(entry);
                }
            }
        }
        return dirs;
    }

    /** The partition a directory belongs to, if its name has the shape {@code <topic>-<partition>}. */
    static Optional<TopicPartition> topicPartition(Path partitionDir) {
        var matcher = PARTITION_DIR.matcher(partitionDir.getFileName().toString());
        if (!matcher.matches()) {
            return Optional.empty();
        }
        long partition = Long.parseLong(matcher.group(2));
        return partition > Integer.MAX_VALUE ? Optional.empty()
                : Optional.of(new TopicPartition(matcher.group(1), (int) partition));
    }

    @Override
    public PartitionLog getOrCreate(TopicPartition topicPartition, LogConfig config) {
        return logs.computeIfAbsent(topicPartition, tp -> {
            try {
                return FilePartitionLog.open(dir.resolve(tp.topic() + "-" + tp.partition()), tp, config, true,
                        settings, retired, 0L);
            } catch (IOException e) {
                throw new KafkaStorageException("Creating the log of " + tp + " failed", e);
            }
        });
    }

    @Override
    public Optional<PartitionLog> get(TopicPartition topicPartition) {
        return Optional.ofNullable(logs.get(topicPartition));
    }

    @Override
    public Collection<PartitionLog> all() {
        return List.copyOf(logs.values());
    }

    @Override
    public void updateConfig(TopicPartition topicPartition, LogConfig config) {
        FilePartitionLog log = logs.get(topicPartition);
        if (log != null) {
            log.updateConfig(config);
        }
    }

    @Override
    public void delete(TopicPartition topicPartition) {
        FilePartitionLog log = logs.remove(topicPartition);
        if (log != null) {
            log.deleteAll();
        }
    }

    @Override
    public void close() {
        for (FilePartitionLog log : logs.values()) {
            log.close();
        }
        retired.closeAll();
        try {
            Files.write(dir.resolve(CLEAN_SHUTDOWN_FILE), new byte[0]);
        } catch (IOException e) {
            throw new KafkaStorageException("Writing the clean shutdown marker in " + dir + " failed", e);
        }
    }
}
