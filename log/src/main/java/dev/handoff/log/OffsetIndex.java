package dev.handoff.log;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Sparse map from offset to file position in one segment, stored as Kafka's {@code .index} layout
 * (relative offset int32, position int32). An entry is added every {@code index.interval.bytes}, pointing at
 * the start of a batch, so a lookup lands on a batch boundary at or before the wanted offset.
 *
 * <p>The entries live in memory; the file is written when the segment stops being active and at close, and is
 * rebuilt from the segment when it is missing or does not match it.
 */
final class OffsetIndex {

    static final int ENTRY_SIZE = 8;

    private final Path file;
    private final long baseOffset;
    private final int maxEntries;
    private final IndexEntries entries = new IndexEntries();

    OffsetIndex(Path file, long baseOffset, int maxIndexBytes) {
        this.file = file;
        this.baseOffset = baseOffset;
        this.maxEntries = Math.max(1, maxIndexBytes / ENTRY_SIZE);
    }

    Path file() {
        return file;
    }

    synchronized void append(long offset, int position) {
        entries.add(offset, position);
    }

    /** Position of the last indexed batch starting at or before {@code offset}; 0 when none. */
    synchronized int lookup(long offset) {
        int i = entries.floorByKey(offset);
        return i < 0 ? 0 : entries.value(i);
    }

    /** The largest indexed batch position at or below {@code position}; 0 when none. */
    synchronized int floorPosition(int position) {
        int i = entries.floorByValue(position);
        return i < 0 ? 0 : entries.value(i);
    }

    synchronized boolean isFull() {
        return entries.size() >= maxEntries;
    }

    synchronized int entryCount() {
        return entries.size();
    }

    synchronized void clear() {
        entries.clear();
    }

    /** The last entry as (offset, position), used to check the index against its segment. */
    synchronized Optional<long[]> lastEntry() {
        int n = entries.size();
        return n == 0 ? Optional.empty() : Optional.of(new long[] {entries.key(n - 1), entries.value(n - 1)});
    }

    synchronized void save(boolean fsync) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(entries.size() * ENTRY_SIZE);
        for (int i = 0; i < entries.size(); i++) {
            buffer.putInt((int) (entries.key(i) - baseOffset));
            buffer.putInt(entries.value(i));
        }
        buffer.flip();
        IndexFile.write(file, buffer, fsync);
    }

    /**
     * Loads the file, replacing the entries in memory.
     *
     * @param segmentBytes size of the segment's log file, which every position must be below
     * @return false when the file is missing or inconsistent (the entries are then empty and must be rebuilt)
     */
    synchronized boolean load(int segmentBytes) throws IOException {
        entries.clear();
        Optional<ByteBuffer> content = IndexFile.read(file);
        if (content.isEmpty() || content.get().remaining() % ENTRY_SIZE != 0) {
            return false;
        }
        ByteBuffer buffer = content.get();
        long previousOffset = -1;
        int previousPosition = -1;
        while (buffer.hasRemaining()) {
            long offset = baseOffset + buffer.getInt();
            int position = buffer.getInt();
            if (offset <= previousOffset || position <= previousPosition || offset < baseOffset
                    || position >= segmentBytes) {
                entries.clear();
                return false;
            }
            entries.add(offset, position);
            previousOffset = offset;
            previousPosition = position;
        }
        return true;
    }
}
