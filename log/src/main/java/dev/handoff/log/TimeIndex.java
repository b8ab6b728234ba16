package dev.handoff.log;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Sparse map from timestamp to offset in one segment, stored as Kafka's {@code .timeindex} layout
 * (timestamp int64, relative offset int32). Each entry is (largest timestamp so far, base offset of the batch
 * that holds it), so timestamps strictly increase; every record before that batch has a smaller or equal
 * timestamp. The final entry always carries the segment's largest timestamp (written when the segment becomes
 * inactive and at close), which is how a clean start learns it without scanning.
 */
final class TimeIndex {

    static final int ENTRY_SIZE = 12;

    private final Path file;
    private final long baseOffset;
    private final int maxEntries;
    private final IndexEntries entries = new IndexEntries();

    TimeIndex(Path file, long baseOffset, int maxIndexBytes) {
        this.file = file;
        this.baseOffset = baseOffset;
        this.maxEntries = Math.max(2, maxIndexBytes / ENTRY_SIZE);
    }

    Path file() {
        return file;
    }

    /** Adds an entry unless the timestamp is not larger than the last one. */
    synchronized void maybeAppend(long timestamp, long offset) {
        int n = entries.size();
        if (n == 0 || timestamp > entries.key(n - 1)) {
            entries.add(timestamp, (int) (offset - baseOffset));
        }
    }

    /**
     * The offset of a batch from which a forward scan finds the first record with a timestamp at or after
     * {@code timestampMs}: the batch of the last entry whose timestamp is below the target, else the segment start.
     */
    synchronized long lookup(long timestampMs) {
        int i = timestampMs == Long.MIN_VALUE ? -1 : entries.floorByKey(timestampMs - 1);
        return i < 0 ? baseOffset : baseOffset + entries.value(i);
    }

    /** One slot stays free for the final entry written when the segment becomes inactive. */
    synchronized boolean isFull() {
        return entries.size() >= maxEntries - 1;
    }

    synchronized void clear() {
        entries.clear();
    }

    /** The last entry as (timestamp, offset). */
    synchronized Optional<long[]> lastEntry() {
        int n = entries.size();
        return n == 0 ? Optional.empty()
                : Optional.of(new long[] {entries.key(n - 1), baseOffset + entries.value(n - 1)});
    }

    synchronized void save(boolean fsync) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(entries.size() * ENTRY_SIZE);
        for (int i = 0; i < entries.size(); i++) {
            buffer.putLong(entries.key(i));
            buffer.putInt(entries.value(i));
        }
        buffer.flip();
        IndexFile.write(file, buffer, fsync);
    }

    /**
     * Loads the file, replacing the entries in memory.
     *
     * @param nextOffset the offset after the segment's last record, which every entry must be below
     * @return false when the file is missing or inconsistent (the entries are then empty and must be rebuilt)
     */
    synchronized boolean load(long nextOffset) throws IOException {
        entries.clear();
        Optional<ByteBuffer> content = IndexFile.read(file);
        if (content.isEmpty() || content.get().remaining() % ENTRY_SIZE != 0) {
            return false;
        }
        ByteBuffer buffer = content.get();
        long previousTimestamp = Long.MIN_VALUE;
        int previousRelative = -1;
        while (buffer.hasRemaining()) {
            long timestamp = buffer.getLong();
            int relative = buffer.getInt();
            if (timestamp <= previousTimestamp || relative < previousRelative || relative < 0
                    || baseOffset + relative >= nextOffset) {
                entries.clear();
                return false;
            }
            entries.add(timestamp, relative);
            previousTimestamp = timestamp;
            previousRelative = relative;
        }
        return true;
    }
}
