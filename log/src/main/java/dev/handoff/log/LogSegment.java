package dev.handoff.log;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.record.internal.FileLogInputStream.FileChannelRecordBatch;
import org.apache.kafka.common.record.internal.FileRecords;
import org.apache.kafka.common.record.internal.MemoryRecords;
import org.apache.kafka.common.record.internal.RecordBatch;
import org.apache.kafka.common.record.internal.Records;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One segment of a partition log: a {@code .log} file of magic-v2 batches as stored, plus its sparse offset and
 * time indexes. Appends are serialised by the owning {@link FilePartitionLog}; reads run concurrently and see
 * only whole batches, because {@link FileRecords} publishes its size after each write and indexes are updated
 * after the batch is written.
 */
final class LogSegment {

    private static final Logger LOGGER = LoggerFactory.getLogger(LogSegment.class);

    private final long baseOffset;
    private final FileRecords log;
    private final OffsetIndex offsetIndex;
    private final TimeIndex timeIndex;

    private volatile long nextOffset;
    /**
     * Bytes readers may see: advanced only after a batch is written (and, when asked, fsynced), so a reader never
     * sees a batch that an append is about to cut off again because the disk failed.
     */
    private volatile int publishedBytes;
    private volatile long maxTimestamp = RecordBatch.NO_TIMESTAMP;
    /** Base offset of the batch holding {@link #maxTimestamp}; the record offset is resolved on demand. */
    private volatile long batchOffsetOfMaxTimestamp = -1;
    private long firstBatchTimestamp = RecordBatch.NO_TIMESTAMP;
    private long createdMs;
    private int bytesSinceLastIndexEntry;

    private LogSegment(Path dir, long baseOffset, int maxIndexBytes, long nowMs) throws IOException {
        this.baseOffset = baseOffset;
        this.log = FileRecords.open(SegmentFiles.file(dir, baseOffset, SegmentFiles.LOG_SUFFIX).toFile());
        this.offsetIndex = new OffsetIndex(SegmentFiles.file(dir, baseOffset, SegmentFiles.INDEX_SUFFIX),
                baseOffset, maxIndexBytes);
        this.timeIndex = new TimeIndex(SegmentFiles.file(dir, baseOffset, SegmentFiles.TIME_INDEX_SUFFIX),
                baseOffset, maxIndexBytes);
        this.createdMs = nowMs;
        this.nextOffset = baseOffset;
    }

    static LogSegment create(Path dir, long baseOffset, LogConfig config) throws IOException {
        return new LogSegment(dir, baseOffset, config.segmentIndexBytes(), RecordBatch.NO_TIMESTAMP);
    }

    /**
     * Opens an existing segment. With {@code recover} the file is scanned batch by batch (size, magic, CRC,
     * offsets), cut at the first bad batch, and the indexes rebuilt; otherwise the index files are loaded and
     * checked against the segment, and rebuilt by a scan when missing or inconsistent.
     */
    static LogSegment open(Path dir, long baseOffset, LogConfig config, boolean recover, long nowMs)
            throws IOException {
        LogSegment segment = new LogSegment(dir, baseOffset, config.segmentIndexBytes(), nowMs);
        try {
            if (recover || !segment.loadIndexes()) {
                segment.recover(config.indexIntervalBytes());
                segment.saveIndexes();
            }
            segment.firstBatchTimestamp = segment.readFirstBatchTimestamp();
            segment.publishedBytes = segment.log.sizeInBytes();
        } catch (IOException | RuntimeException e) {
            segment.closeChannel();
            throw e;
        }
        return segment;
    }

    long baseOffset() {
        return baseOffset;
    }

    /** The offset after the last record in this segment. */
    long nextOffset() {
        return nextOffset;
    }

    int sizeInBytes() {
        return publishedBytes;
    }

    boolean isEmpty() {
        return publishedBytes == 0;
    }

    long maxTimestamp() {
        return maxTimestamp;
    }

    /**
     * The time {@code segment.ms} is measured from: as in Kafka, the largest timestamp of the segment's first
     * batch, or the time the segment was created or opened when that batch has no timestamp.
     */
    long rollBaseTimestamp() {
        return firstBatchTimestamp >= 0 ? firstBatchTimestamp : createdMs;
    }

    boolean isIndexFull() {
        return offsetIndex.isFull() || timeIndex.isFull();
    }

    /**
     * Appends one batch whose offsets are already assigned. When the write or the fsync fails (a full disk, an
     * I/O error) the file is cut back to where it was, so the segment still ends on a whole batch and the next
     * append lands where this one should have.
     *
     * @param batch             the batch as it will be stored
     * @param batchMaxTimestamp its max timestamp (after LogAppendTime or the CreateTime fix)
     * @param fsync             force the batch to stable storage before it becomes visible
     */
    void append(MemoryRecords batch, long batchBaseOffset, long batchNextOffset, long batchMaxTimestamp,
                int indexIntervalBytes, boolean fsync, long nowMs) throws IOException {
        int position = publishedBytes;
        if (log.channel().size() != position) {
            // An earlier failed append could not be cut back; do it now rather than write after its debris.
            log.truncateTo(position);
        }
        int written;
        try {
            written = log.append(batch);
            if (fsync) {
                log.flush();
            }
        } catch (IOException | RuntimeException e) {
            cutBackTo(position, e);
            throw e;
        }
        if (position == 0) {
            firstBatchTimestamp = batchMaxTimestamp;
            createdMs = nowMs;
        }
        track(batchBaseOffset, batchNextOffset, batchMaxTimestamp, position, written, indexIntervalBytes);
        publishedBytes = position + written;
    }

    private void cutBackTo(int position, Exception cause) {
        try {
            log.truncateTo(position);
            // No stack trace: while a disk stays full every retry of every producer ends here.
            LOGGER.warn("Append to {} failed ({}); cut the segment back to {} bytes", log.file(), cause.toString(),
                    position);
        } catch (IOException | RuntimeException e) {
            cause.addSuppressed(e);
            LOGGER.error("Append to {} failed and the segment could not be cut back to {} bytes yet",
                    log.file(), position, cause);
        }
    }

    private void track(long batchBaseOffset, long batchNextOffset, long batchMaxTimestamp, int position, int size,
                       int indexIntervalBytes) {
        if (batchMaxTimestamp > maxTimestamp) {
            maxTimestamp = batchMaxTimestamp;
            batchOffsetOfMaxTimestamp = batchBaseOffset;
        }
        // As Kafka's LogSegment: once more than index.interval.bytes were written since the last entry, the next
        // batch gets an offset entry and the time index the largest timestamp so far.
        if (bytesSinceLastIndexEntry > indexIntervalBytes) {
            offsetIndex.append(batchBaseOffset, position);
            timeIndex.maybeAppend(maxTimestamp, batchOffsetOfMaxTimestamp);
            bytesSinceLastIndexEntry = 0;
        }
        bytesSinceLastIndexEntry += size;
        nextOffset = batchNextOffset;
    }

    /**
     * Batches from the one containing {@code fetchOffset}, whole batches only, at most {@code maxBytes} unless
     * {@code minOneBatch} and the first batch alone is larger.
     *
     * @return empty when no batch of this segment holds {@code fetchOffset} or later
     */
    Optional<Records> read(long fetchOffset, int maxBytes, boolean minOneBatch) {
        FileRecords view = log.slice(0, publishedBytes);
        FileRecords.LogOffsetPosition first = view.searchForOffsetFromPosition(fetchOffset,
                offsetIndex.lookup(fetchOffset));
        if (first == null) {
            return Optional.empty();
        }
        if (first.size > maxBytes) {
            return Optional.of(minOneBatch ? view.slice(first.position, first.size) : MemoryRecords.EMPTY);
        }
        int limit = (int) Math.min((long) first.position + maxBytes, view.sizeInBytes());
        int end = first.position + first.size;
        int scanFrom = Math.max(end, offsetIndex.floorPosition(limit));
        if (scanFrom > end) {
            end = scanFrom;
        }
        for (FileChannelRecordBatch batch : view.batchesFrom(scanFrom)) {
            int batchEnd = batch.position() + batch.sizeInBytes();
            if (batchEnd > limit) {
                break;
            }
            end = batchEnd;
        }
        return Optional.of(view.slice(first.position, end - first.position));
    }

    /** The first record at or after {@code timestampMs} with an offset of at least {@code startingOffset}. */
    Optional<TimestampAndOffset> findByTimestamp(long timestampMs, long startingOffset) {
        int position = offsetIndex.lookup(timeIndex.lookup(timestampMs));
        FileRecords view = log.slice(0, publishedBytes);
        FileRecords.TimestampAndOffset found = view.searchForTimestamp(timestampMs, position, startingOffset,
                Records.SOFT_MAX_ARRAY_LENGTH);
        return found == null ? Optional.empty()
                : Optional.of(new TimestampAndOffset(found.timestamp, found.offset));
    }

    /** The largest timestamp and the offset of the first record carrying it (decompresses one batch). */
    Optional<TimestampAndOffset> maxTimestampAndOffset() {
        long timestamp = maxTimestamp;
        long batchOffset = batchOffsetOfMaxTimestamp;
        if (batchOffset < 0) {
            return Optional.empty();
        }
        FileRecords view = log.slice(0, publishedBytes);
        FileRecords.LogOffsetPosition position = view.searchForOffsetFromPosition(batchOffset,
                offsetIndex.lookup(batchOffset));
        long offset = batchOffset;
        if (position != null) {
            Iterator<FileChannelRecordBatch> batches = view.batchesFrom(position.position).iterator();
            if (batches.hasNext()) {
                offset = batches.next().offsetOfMaxTimestamp(Records.SOFT_MAX_ARRAY_LENGTH).orElse(batchOffset);
            }
        }
        return Optional.of(new TimestampAndOffset(timestamp, offset));
    }

    void flush() throws IOException {
        log.flush();
    }

    /**
     * Called when the segment stops being the active one and at close: records the largest timestamp as the
     * final time-index entry and writes both indexes to disk.
     */
    void saveIndexes() throws IOException {
        if (batchOffsetOfMaxTimestamp >= 0) {
            timeIndex.maybeAppend(maxTimestamp, batchOffsetOfMaxTimestamp);
        }
        offsetIndex.save(true);
        timeIndex.save(true);
    }

    /** Removes the files; the channel stays open for in-flight readers until {@link #closeChannel()}. */
    void deleteFiles() throws IOException {
        Files.deleteIfExists(log.file().toPath());
        Files.deleteIfExists(offsetIndex.file());
        Files.deleteIfExists(timeIndex.file());
    }

    void closeChannel() {
        try {
            log.close();
        } catch (IOException e) {
            LOGGER.warn("Failed to close segment {}", log.file(), e);
        }
    }

    private boolean loadIndexes() throws IOException {
        if (!offsetIndex.load(log.sizeInBytes())) {
            LOGGER.info("Rebuilding missing or inconsistent offset index {}", offsetIndex.file());
            return false;
        }
        // The last entry must point at a batch that starts with the offset it names, and the batches after it must
        // be whole and valid up to the end of the file: bytes written after a clean shutdown (or a tail the marker
        // does not cover) must never be trusted. Only the tail after the last index entry is read.
        Optional<long[]> last = offsetIndex.lastEntry();
        int scanFrom = last.map(entry -> (int) entry[1]).orElse(0);
        long expectedOffset = last.map(entry -> entry[0]).orElse(-1L);
        boolean firstBatch = true;
        int validEnd = scanFrom;
        try {
            for (FileChannelRecordBatch batch : log.batchesFrom(scanFrom)) {
                if (firstBatch && expectedOffset >= 0 && batch.baseOffset() != expectedOffset) {
                    LOGGER.info("Rebuilding offset index {}: it does not match its segment", offsetIndex.file());
                    return false;
                }
                if (batch.magic() != RecordBatch.MAGIC_VALUE_V2 || (!firstBatch && batch.baseOffset() < nextOffset)
                        || !batch.isValid()) {
                    break;
                }
                firstBatch = false;
                nextOffset = batch.nextOffset();
                validEnd = batch.position() + batch.sizeInBytes();
                bytesSinceLastIndexEntry = validEnd - scanFrom;
            }
        } catch (KafkaException e) {
            LOGGER.info("Rebuilding offset index {}: {}", offsetIndex.file(), e.getMessage());
            return false;
        }
        if (expectedOffset >= 0 && firstBatch) {
            return false;
        }
        if (validEnd != log.sizeInBytes()) {
            LOGGER.warn("Segment {} does not end on a complete, valid batch; recovering it", log.file());
            return false;
        }
        if (!timeIndex.load(nextOffset)) {
            LOGGER.info("Rebuilding missing or inconsistent time index {}", timeIndex.file());
            return false;
        }
        timeIndex.lastEntry().ifPresent(entry -> {
            maxTimestamp = entry[0];
            batchOffsetOfMaxTimestamp = entry[1];
        });
        return isEmpty() || batchOffsetOfMaxTimestamp >= 0;
    }

    /**
     * Scans the whole segment, keeping batches while they are well-formed magic-v2 batches with a valid CRC and
     * increasing offsets, truncates the file after the last good one and rebuilds both indexes.
     *
     * @return the number of bytes cut off
     */
    int recover(int indexIntervalBytes) throws IOException {
        offsetIndex.clear();
        timeIndex.clear();
        maxTimestamp = RecordBatch.NO_TIMESTAMP;
        batchOffsetOfMaxTimestamp = -1;
        bytesSinceLastIndexEntry = 0;
        nextOffset = baseOffset;
        int validBytes = 0;
        try {
            for (FileChannelRecordBatch batch : log.batches()) {
                if (batch.magic() != RecordBatch.MAGIC_VALUE_V2 || batch.baseOffset() < nextOffset
                        || !batch.isValid() || batch.lastOffset() < batch.baseOffset()) {
                    break;
                }
                track(batch.baseOffset(), batch.nextOffset(), batch.maxTimestamp(), batch.position(),
                        batch.sizeInBytes(), indexIntervalBytes);
                validBytes = batch.position() + batch.sizeInBytes();
            }
        } catch (KafkaException e) {
            LOGGER.debug("Stopped scanning {} at a malformed batch: {}", log.file(), e.getMessage());
        }
        int truncated = log.sizeInBytes() - validBytes;
        if (truncated > 0) {
            LOGGER.warn("Truncated {} bytes of torn or corrupt data from {} at position {}; log end offset {}",
                    truncated, log.file(), validBytes, nextOffset);
            log.truncateTo(validBytes);
        }
        return truncated;
    }

    private long readFirstBatchTimestamp() {
        Iterator<FileChannelRecordBatch> batches = log.batches().iterator();
        return batches.hasNext() ? batches.next().maxTimestamp() : RecordBatch.NO_TIMESTAMP;
    }

    /** Header-only iteration of the batches at or after {@code fromOffset}, for rebuilding producer state. */
    Iterable<FileChannelRecordBatch> batchesFrom(long fromOffset) {
        FileRecords view = log.slice(0, publishedBytes);
        FileRecords.LogOffsetPosition start = view.searchForOffsetFromPosition(fromOffset,
                offsetIndex.lookup(fromOffset));
        return start == null ? List.of() : view.batchesFrom(start.position);
    }

    @Override
    public String toString() {
        return log.file().toString();
    }
}
