package dev.handoff.server.metadata;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Hands out producer ids that are never reused, not even across restarts. Like Kafka's controller it reserves
 * ids in blocks: the end of the current block is made durable before any id in it is handed out, so a crash
 * wastes at most one block and never repeats an id.
 */
public final class ProducerIdAllocator {

    static final String FILE_NAME = "producer-ids";
    static final long BLOCK_SIZE = 1000;

    private final Path file;
    private long next;
    private long blockEnd;

    private ProducerIdAllocator(Path file, long next) {
        this.file = file;
        this.next = next;
        this.blockEnd = next;
    }

    public static ProducerIdAllocator open(Path dataDir) {
        Path file = dataDir.resolve(FILE_NAME);
        long next = 0;
        if (Files.exists(file)) {
            try {
                next = Long.parseLong(Files.readString(file, StandardCharsets.UTF_8).trim());
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read " + file, e);
            } catch (NumberFormatException e) {
                throw new IllegalStateException(file + " is corrupt", e);
            }
        }
        return new ProducerIdAllocator(file, next);
    }

    public synchronized long nextProducerId() {
        if (next >= blockEnd) {
            blockEnd = next + BLOCK_SIZE;
            AtomicFiles.write(file, Long.toString(blockEnd).getBytes(StandardCharsets.UTF_8));
        }
        return next++;
    }
}
