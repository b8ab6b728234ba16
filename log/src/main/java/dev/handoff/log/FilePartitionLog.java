package dev.handoff.log;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentNavigableMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Stream;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.KafkaStorageException;
import org.apache.kafka.common.errors.OffsetOutOfRangeException;
import org.apache.kafka.common.record.TimestampType;
import org.apache.kafka.common.record.internal.FileLogInputStream.FileChannelRecordBatch;
import org.apache.kafka.common.record.internal.MemoryRecords;
import org.apache.kafka.common.record.internal.MutableRecordBatch;
import org.apache.kafka.common.record.internal.Records;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A partition log stored as segment files in one directory, the way Kafka lays it out. Appends, rolls,
 * retention and flushes are serialised by one lock; reads take no lock and rely on each segment publishing
 * only whole batches, and on deleted segments keeping their channel open for a while ({@link RetiredSegments}).
 */
final class FilePartitionLog implements PartitionLog {

    private static final Logger LOGGER = LoggerFactory.getLogger(FilePartitionLog.class);

    /** Leader epoch written into every batch: a single node is always the leader of epoch 0. */
    static final int LEADER_EPOCH = 0;

    private final TopicPartition topicPartition;
    private final Path dir;
    private final LogStoreSettings settings;
    private final RetiredSegments retired;
    private final ConcurrentNavigableMap<Long, LogSegment> segments = new ConcurrentSkipListMap<>();
    private final ProducerStateManager producers = new ProducerStateManager();
    private final ReentrantLock lock = new ReentrantLock();

    private volatile LogConfig config;
    private volatile long logStartOffset;
    private volatile long logEndOffset;
    private volatile long recoveryPoint;
    private volatile long flushCount;
    private long unflushedMessages;
    private long lastFlushMs;
    private long lastSeenMs;

    private FilePartitionLog(TopicPartition topicPartition, Path dir, LogConfig config, LogStoreSettings settings,
                             RetiredSegments retired, long nowMs) {
        this.topicPartition = topicPartition;
        this.dir = dir;
        this.config = config;
        this.settings = settings;
        this.retired = retired;
        this.lastFlushMs = nowMs;
        this.lastSeenMs = nowMs;
    }

    /**
     * Opens the log in {@code dir}, creating it when absent.
     *
     * @param cleanShutdown whether the store was closed cleanly; if not, the last segment is scanned and
     *                      truncated at the first torn or corrupt batch
     */
    static FilePartitionLog open(Path dir, TopicPartition topicPartition, LogConfig config, boolean cleanShutdown,
                                 LogStoreSettings settings, RetiredSegments retired, long nowMs) throws IOException {
        Files.createDirectories(dir);
        FilePartitionLog log = new FilePartitionLog(topicPartition, dir, config, settings, retired, nowMs);
        try {
            log.loadSegments(cleanShutdown, nowMs);
            log.loadProducerState(nowMs);
        } catch (IOException | RuntimeException e) {
            log.segments.values().forEach(LogSegment::closeChannel);
            throw e;
        }
        return log;
    }

    private void loadSegments(boolean cleanShutdown, long nowMs) throws IOException {
        List<Long> baseOffsets = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*" + SegmentFiles.LOG_SUFFIX)) {
            for (Path file : files) {
                SegmentFiles.offsetOf(file, SegmentFiles.LOG_SUFFIX).ifPresent(baseOffsets::add);
            }
        }
        Collections.sort(baseOffsets);
        for (int i = 0; i < baseOffsets.size(); i++) {
            boolean active = i == baseOffsets.size() - 1;
            long baseOffset = baseOffsets.get(i);
            segments.put(baseOffset, LogSegment.open(dir, baseOffset, config, active && !cleanShutdown, nowMs));
        }
        if (segments.isEmpty()) {
            segments.put(0L, LogSegment.create(dir, 0L, config));
        }
        logStartOffset = segments.firstKey();
        logEndOffset = activeSegment().nextOffset();
        recoveryPoint = logEndOffset;
    }

    /** Restores the newest snapshot and replays the batch headers written after it (KIP-98 state rebuild). */
    private void loadProducerState(long nowMs) throws IOException {
        Optional<ProducerSnapshots.Loaded> snapshot = ProducerSnapshots.loadLatest(dir, logEndOffset);
        snapshot.ifPresent(loaded -> producers.restore(loaded.producers()));
        long from = Math.max(logStartOffset, snapshot.map(ProducerSnapshots.Loaded::offset).orElse(logStartOffset));
        int replayed = 0;
        for (LogSegment segment : segments.tailMap(segments.floorKey(from)).values()) {
            for (FileChannelRecordBatch batch : segment.batchesFrom(Math.max(from, segment.baseOffset()))) {
                if (batch.baseOffset() >= from && batch.hasProducerId()) {
                    producers.update(batch, batch.baseOffset(), batch.lastOffset(), batch.maxTimestamp());
                    replayed++;
                }
            }
        }
        producers.expire(nowMs, settings.producerIdExpirationMs());
        LOGGER.debug("Loaded {}: offsets [{}, {}), {} producers, {} idempotent batches replayed", topicPartition,
                logStartOffset, logEndOffset, producers.producers().size(), replayed);
    }

    @Override
    public TopicPartition topicPartition() {
        return topicPartition;
    }

    @Override
    public LogConfig config() {
        return config;
    }

    void updateConfig(LogConfig newConfig) {
        this.config = newConfig;
    }

    @Override
    public AppendResult append(MemoryRecords records, long nowMs) {
        MutableRecordBatch batch = BatchValidator.checkStructure(records);
        lock.lock();
        try {
            lastSeenMs = nowMs;
            LogConfig c = config;
            boolean logAppendTime = c.timestampType() == TimestampType.LOG_APPEND_TIME;
            Optional<ProducerBatch> duplicate = producers.check(batch);
            if (duplicate.isPresent()) {
                ProducerBatch original = duplicate.get();
                return new AppendResult(original.firstOffset(), original.lastOffset(),
                        logAppendTime ? original.timestampMs() : -1, logStartOffset, true);
            }
            long maxRecordTimestamp = BatchValidator.checkContent(batch, c, nowMs);
            long baseOffset = logEndOffset;
            long lastOffset = baseOffset + (batch.lastOffset() - batch.baseOffset());
            long maxTimestamp = assignOffsetsAndTimestamp(batch, lastOffset, logAppendTime, maxRecordTimestamp, nowMs);

            LogSegment active = maybeRoll(batch.sizeInBytes(), lastOffset, c, nowMs);
            // flush.messages: the fsync happens inside the append, before the batch is visible or acknowledged, so
            // with log.flush.interval.messages=1 every acknowledged batch survives a power loss.
            long messages = lastOffset - baseOffset + 1;
            boolean flushNow = unflushedMessages >= c.flushMessages() - messages;
            active.append(records, baseOffset, lastOffset + 1, maxTimestamp, c.indexIntervalBytes(), flushNow, nowMs);
            logEndOffset = lastOffset + 1;
            producers.update(batch, baseOffset, lastOffset, maxTimestamp);
            if (flushNow) {
                markFlushed(nowMs);
            } else {
                unflushedMessages += messages;
            }
            return new AppendResult(baseOffset, lastOffset, logAppendTime ? nowMs : -1, logStartOffset, false);
        } catch (IOException e) {
            throw new KafkaStorageException("Append to " + topicPartition + " failed", e);
        } finally {
            lock.unlock();
        }
    }

    /**
     * The broker's header updates (compat matrix §6): base offset = log end offset (record offsets are deltas),
     * partition leader epoch, and the max timestamp — broker time on LogAppendTime topics, the true record
     * maximum on CreateTime topics. Only the timestamp change recomputes the CRC.
     *
     * @return the max timestamp as stored
     */
    private static long assignOffsetsAndTimestamp(MutableRecordBatch batch, long lastOffset, boolean logAppendTime,
                                                  long maxRecordTimestamp, long nowMs) {
        batch.setLastOffset(lastOffset);
        batch.setPartitionLeaderEpoch(LEADER_EPOCH);
        if (logAppendTime) {
            batch.setMaxTimestamp(TimestampType.LOG_APPEND_TIME, nowMs);
            return nowMs;
        }
        if (batch.maxTimestamp() != maxRecordTimestamp) {
            batch.setMaxTimestamp(TimestampType.CREATE_TIME, maxRecordTimestamp);
        }
        return maxRecordTimestamp;
    }

    /** Rolls like Kafka: when the batch would overflow segment.bytes, segment.ms has passed or an index is full. */
    private LogSegment maybeRoll(int batchBytes, long lastOffset, LogConfig c, long nowMs) throws IOException {
        LogSegment active = activeSegment();
        if (active.isEmpty()) {
            return active;
        }
        boolean roll = active.sizeInBytes() > c.segmentBytes() - batchBytes
                || nowMs - active.rollBaseTimestamp() > c.segmentMs()
                || active.isIndexFull()
                || lastOffset - active.baseOffset() > Integer.MAX_VALUE;
        if (!roll) {
            return active;
        }
        // Every step that can fail (a full disk) comes before the new segment is published, so a failed roll
        // changes nothing and the next append simply tries it again.
        flushLocked(nowMs);
        active.saveIndexes();
        ProducerSnapshots.write(dir, logEndOffset, producers.producers());
        LogSegment next = LogSegment.create(dir, logEndOffset, c);
        segments.put(logEndOffset, next);
        LOGGER.debug("Rolled {} to a new segment at offset {}", topicPartition, logEndOffset);
        return next;
    }

    private LogSegment activeSegment() {
        return segments.lastEntry().getValue();
    }

    @Override
    public ReadResult read(long fetchOffset, int maxBytes, boolean minOneBatch) {
        long startOffset = logStartOffset;
        long endOffset = logEndOffset;
        if (fetchOffset < startOffset || fetchOffset > endOffset) {
            throw new OffsetOutOfRangeException("Offset " + fetchOffset + " is outside [" + startOffset + ", "
                    + endOffset + "] of " + topicPartition);
        }
        if (fetchOffset == endOffset) {
            return new ReadResult(MemoryRecords.EMPTY, endOffset, startOffset);
        }
        Map.Entry<Long, LogSegment> entry = segments.floorEntry(fetchOffset);
        if (entry == null) {
            throw new OffsetOutOfRangeException("Offset " + fetchOffset + " was deleted from " + topicPartition);
        }
        for (LogSegment segment : segments.tailMap(entry.getKey()).values()) {
            Optional<Records> records = segment.read(fetchOffset, maxBytes, minOneBatch);
            if (records.isPresent()) {
                return new ReadResult(records.get(), logEndOffset, startOffset);
            }
        }
        return new ReadResult(MemoryRecords.EMPTY, logEndOffset, startOffset);
    }

    @Override
    public long logStartOffset() {
        return logStartOffset;
    }

    @Override
    public long logEndOffset() {
        return logEndOffset;
    }

    @Override
    public long highWatermark() {
        return logEndOffset;
    }

    /** Offsets below this are on stable storage: advanced only after an fsync returned. */
    long recoveryPoint() {
        return recoveryPoint;
    }

    /** Number of fsyncs of the log so far (flush.messages, flush.ms, roll, explicit flush). */
    long flushCount() {
        return flushCount;
    }

    int segmentCount() {
        return segments.size();
    }

    @Override
    public Optional<TimestampAndOffset> offsetForTimestamp(long timestampMs) {
        long startOffset = logStartOffset;
        for (LogSegment segment : segments.values()) {
            if (segment.maxTimestamp() >= timestampMs) {
                Optional<TimestampAndOffset> found = segment.findByTimestamp(timestampMs, startOffset);
                if (found.isPresent()) {
                    return found;
                }
            }
        }
        return Optional.empty();
    }

    @Override
    public Optional<TimestampAndOffset> maxTimestampAndOffset() {
        return segments.values().stream()
                .filter(segment -> segment.maxTimestamp() >= 0)
                .max(Comparator.comparingLong(LogSegment::maxTimestamp)
                        .thenComparing(Comparator.comparingLong(LogSegment::baseOffset).reversed()))
                .flatMap(LogSegment::maxTimestampAndOffset);
    }

    @Override
    public long sizeInBytes() {
        return segments.values().stream().mapToLong(LogSegment::sizeInBytes).sum();
    }

    @Override
    public void flush() {
        lock.lock();
        try {
            flushLocked(lastSeenMs);
        } catch (IOException e) {
            throw new KafkaStorageException("Flush of " + topicPartition + " failed", e);
        } finally {
            lock.unlock();
        }
    }

    private void flushLocked(long nowMs) throws IOException {
        activeSegment().flush();
        markFlushed(nowMs);
    }

    private void markFlushed(long nowMs) {
        recoveryPoint = logEndOffset;
        unflushedMessages = 0;
        lastFlushMs = nowMs;
        flushCount++;
    }

    @Override
    public int runHousekeeping(long nowMs) {
        lock.lock();
        try {
            lastSeenMs = nowMs;
            LogConfig c = config;
            int deleted = deleteSegmentsPastRetentionTime(c, nowMs) + deleteSegmentsPastRetentionBytes(c, nowMs);
            if (unflushedMessages > 0 && nowMs - lastFlushMs >= c.flushMs()) {
                flushLocked(nowMs);
            }
            producers.expire(nowMs, settings.producerIdExpirationMs());
            retired.closeDue(nowMs);
            return deleted;
        } catch (IOException e) {
            throw new KafkaStorageException("Housekeeping of " + topicPartition + " failed", e);
        } finally {
            lock.unlock();
        }
    }

    /** retention.ms: a segment goes when its largest timestamp is older than that (never the active one). */
    private int deleteSegmentsPastRetentionTime(LogConfig c, long nowMs) throws IOException {
        int deleted = 0;
        while (c.retentionMs() >= 0 && segments.size() > 1
                && nowMs - segments.firstEntry().getValue().maxTimestamp() > c.retentionMs()) {
            deleteOldestSegment(nowMs, "retention.ms");
            deleted++;
        }
        return deleted;
    }

    /** retention.bytes: delete the oldest segments while the log stays at or above the limit without them. */
    private int deleteSegmentsPastRetentionBytes(LogConfig c, long nowMs) throws IOException {
        int deleted = 0;
        if (c.retentionBytes() < 0) {
            return 0;
        }
        long excess = sizeInBytes() - c.retentionBytes();
        while (segments.size() > 1 && excess >= segments.firstEntry().getValue().sizeInBytes()) {
            excess -= segments.firstEntry().getValue().sizeInBytes();
            deleteOldestSegment(nowMs, "retention.bytes");
            deleted++;
        }
        return deleted;
    }

    private void deleteOldestSegment(long nowMs, String reason) throws IOException {
        LogSegment oldest = segments.firstEntry().getValue();
        Long next = segments.higherKey(oldest.baseOffset());
        // Readers check the start offset before finding a segment, so move it before the segment goes.
        logStartOffset = next;
        segments.remove(oldest.baseOffset());
        oldest.deleteFiles();
        retired.retire(oldest, nowMs);
        LOGGER.info("Deleted segment {} of {} by {}; log start offset is now {}", oldest, topicPartition, reason,
                next);
    }

    /** Flushes, writes the indexes of the active segment and a producer snapshot, and closes every channel. */
    void close() {
        lock.lock();
        try {
            flushLocked(lastSeenMs);
            activeSegment().saveIndexes();
            ProducerSnapshots.write(dir, logEndOffset, producers.producers());
        } catch (IOException e) {
            throw new KafkaStorageException("Close of " + topicPartition + " failed", e);
        } finally {
            segments.values().forEach(LogSegment::closeChannel);
            lock.unlock();
        }
    }

    /** Removes the log's directory; channels stay open for in-flight reads as after retention. */
    void deleteAll() {
        lock.lock();
        try {
            for (LogSegment segment : segments.values()) {
                retired.retire(segment, lastSeenMs);
            }
            segments.clear();
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(file);
                }
            }
        } catch (IOException e) {
            throw new KafkaStorageException("Deleting " + dir + " failed", e);
        } finally {
            lock.unlock();
        }
    }
}
