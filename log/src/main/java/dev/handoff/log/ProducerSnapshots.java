package dev.handoff.log;

import java.io.IOException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.zip.CRC32C;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Producer-state snapshot files, {@code <offset>.snapshot} like Kafka's: the state as of that log offset, so
 * that opening a log only replays the batches after it. Layout (our own, big-endian): version int32, producer
 * count int32, per producer {id int64, epoch int16, batch count int32, per batch {first sequence int32, last
 * sequence int32, first offset int64, last offset int64, timestamp int64}}, then a CRC-32C of all of it.
 */
final class ProducerSnapshots {

    private static final Logger LOGGER = LoggerFactory.getLogger(ProducerSnapshots.class);
    private static final int VERSION = 1;
    /** Older snapshots are kept as fallbacks in case the newest one is damaged. */
    private static final int KEPT = 2;

    private ProducerSnapshots() {
    }

    static void write(Path dir, long offset, Map<Long, ProducerEntry> producers) throws IOException {
        int size = 12;
        for (ProducerEntry entry : producers.values()) {
            size += 14 + entry.batches().size() * 32;
        }
        ByteBuffer buffer = ByteBuffer.allocate(size);
        buffer.putInt(VERSION);
        buffer.putInt(producers.size());
        for (Map.Entry<Long, ProducerEntry> e : producers.entrySet()) {
            List<ProducerBatch> batches = e.getValue().batches();
            buffer.putLong(e.getKey());
            buffer.putShort(e.getValue().epoch());
            buffer.putInt(batches.size());
            for (ProducerBatch b : batches) {
                buffer.putInt(b.firstSequence());
                buffer.putInt(b.lastSequence());
                buffer.putLong(b.firstOffset());
                buffer.putLong(b.lastOffset());
                buffer.putLong(b.timestampMs());
            }
        }
        CRC32C crc = new CRC32C();
        crc.update(buffer.array(), 0, buffer.position());
        buffer.putInt((int) crc.getValue());
        buffer.flip();
        IndexFile.writeAtomically(SegmentFiles.file(dir, offset, SegmentFiles.SNAPSHOT_SUFFIX), buffer);
        deleteAllButNewest(dir, KEPT);
    }

    /**
     * The newest readable snapshot at or below {@code maxOffset}; newer snapshots (left behind by a truncated
     * log) and unreadable ones are deleted.
     */
    static Optional<Loaded> loadLatest(Path dir, long maxOffset) throws IOException {
        List<Long> offsets = offsets(dir);
        Collections.reverse(offsets);
        for (long offset : offsets) {
            Path file = SegmentFiles.file(dir, offset, SegmentFiles.SNAPSHOT_SUFFIX);
            if (offset <= maxOffset) {
                Optional<Map<Long, ProducerEntry>> producers = read(file);
                if (producers.isPresent()) {
                    return Optional.of(new Loaded(offset, producers.get()));
                }
                LOGGER.warn("Ignoring damaged producer snapshot {}", file);
            }
            Files.deleteIfExists(file);
        }
        return Optional.empty();
    }

    record Loaded(long offset, Map<Long, ProducerEntry> producers) {
    }

    private static Optional<Map<Long, ProducerEntry>> read(Path file) throws IOException {
        Optional<ByteBuffer> content = IndexFile.read(file);
        if (content.isEmpty() || content.get().remaining() < 12) {
            return Optional.empty();
        }
        ByteBuffer buffer = content.get();
        CRC32C crc = new CRC32C();
        crc.update(buffer.array(), 0, buffer.limit() - 4);
        if ((int) crc.getValue() != buffer.getInt(buffer.limit() - 4) || buffer.getInt() != VERSION) {
            return Optional.empty();
        }
        try {
            Map<Long, ProducerEntry> producers = new TreeMap<>();
            int count = buffer.getInt();
            for (int i = 0; i < count; i++) {
                long producerId = buffer.getLong();
                short epoch = buffer.getShort();
                ProducerEntry entry = new ProducerEntry(epoch);
                int batches = buffer.getInt();
                for (int j = 0; j < batches; j++) {
                    entry.add(epoch, new ProducerBatch(buffer.getInt(), buffer.getInt(), buffer.getLong(),
                            buffer.getLong(), buffer.getLong()));
                }
                producers.put(producerId, entry);
            }
            return Optional.of(producers);
        } catch (BufferUnderflowException e) {
            return Optional.empty();
        }
    }

    private static void deleteAllButNewest(Path dir, int keep) throws IOException {
        List<Long> offsets = offsets(dir);
        for (int i = 0; i < offsets.size() - keep; i++) {
            Files.deleteIfExists(SegmentFiles.file(dir, offsets.get(i), SegmentFiles.SNAPSHOT_SUFFIX));
        }
    }

    private static List<Long> offsets(Path dir) throws IOException {
        List<Long> offsets = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*" + SegmentFiles.SNAPSHOT_SUFFIX)) {
            for (Path file : files) {
                OptionalLong offset = SegmentFiles.offsetOf(file, SegmentFiles.SNAPSHOT_SUFFIX);
                offset.ifPresent(offsets::add);
            }
        }
        Collections.sort(offsets);
        return offsets;
    }
}
