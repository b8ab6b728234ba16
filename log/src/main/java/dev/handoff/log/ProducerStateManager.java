package dev.handoff.log;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.kafka.common.InvalidRecordException;
import org.apache.kafka.common.errors.InvalidProducerEpochException;
import org.apache.kafka.common.errors.OutOfOrderSequenceException;
import org.apache.kafka.common.record.internal.RecordBatch;

/**
 * Idempotent producer state of one partition (KIP-98, with KIP-360 epoch bumps): checks each incoming batch
 * against the producer's epoch and last sequences, and detects re-sent batches. Not thread-safe; the owning
 * log calls it under its append lock.
 */
final class ProducerStateManager {

    private final Map<Long, ProducerEntry> producers = new TreeMap<>();

    /**
     * Applies rules 1–6 of compat matrix §5 in order, without changing any state.
     *
     * @return the original batch when this one is a duplicate of one of the last five, else empty
     * @throws InvalidRecordException       rule 1, negative base sequence
     * @throws InvalidProducerEpochException rule 3, an epoch older than the producer's
     * @throws OutOfOrderSequenceException  rules 4 and 5, a sequence that does not follow on
     */
    Optional<ProducerBatch> check(RecordBatch batch) {
        if (!batch.hasProducerId()) {
            return Optional.empty();
        }
        if (batch.baseSequence() < 0) {
            throw new InvalidRecordException("Idempotent batch with base sequence " + batch.baseSequence());
        }
        ProducerEntry entry = producers.get(batch.producerId());
        if (entry == null) {
            // Rule 6: a new, expired or truncated producer starts at any sequence.
            return Optional.empty();
        }
        short epoch = batch.producerEpoch();
        if (epoch == entry.epoch()) {
            Optional<ProducerBatch> duplicate = entry.find(batch.baseSequence(), batch.lastSequence());
            if (duplicate.isPresent()) {
                return duplicate;
            }
        }
        if (epoch < entry.epoch()) {
            throw new InvalidProducerEpochException("Producer " + batch.producerId() + " epoch " + epoch
                    + " is older than the current epoch " + entry.epoch());
        }
        if (epoch > entry.epoch()) {
            if (batch.baseSequence() != 0) {
                throw new OutOfOrderSequenceException("Producer " + batch.producerId() + " bumped its epoch to "
                        + epoch + " but sent sequence " + batch.baseSequence() + " instead of 0");
            }
            return Optional.empty();
        }
        int expected = nextSequence(entry.lastSequence());
        if (batch.baseSequence() != expected) {
            throw new OutOfOrderSequenceException("Producer " + batch.producerId() + " sent sequence "
                    + batch.baseSequence() + " at epoch " + epoch + ", expected " + expected);
        }
        return Optional.empty();
    }

    /** Records a batch that was appended (or found in the log when rebuilding). */
    void update(RecordBatch batch, long firstOffset, long lastOffset, long timestampMs) {
        if (!batch.hasProducerId()) {
            return;
        }
        producers.computeIfAbsent(batch.producerId(), id -> new ProducerEntry(batch.producerEpoch()))
                .add(batch.producerEpoch(), new ProducerBatch(batch.baseSequence(), batch.lastSequence(),
                        firstOffset, lastOffset, timestampMs));
    }

    /** Forgets producers whose last batch is at least {@code producer.id.expiration.ms} old. */
    int expire(long nowMs, long expirationMs) {
        int before = producers.size();
        producers.values().removeIf(entry -> nowMs - entry.lastTimestampMs() >= expirationMs);
        return before - producers.size();
    }

    Map<Long, ProducerEntry> producers() {
        return producers;
    }

    void restore(Map<Long, ProducerEntry> entries) {
        producers.clear();
        producers.putAll(entries);
    }

    /** Sequences wrap from Integer.MAX_VALUE to 0 (KIP-98). */
    private static int nextSequence(int sequence) {
        return sequence == Integer.MAX_VALUE ? 0 : sequence + 1;
    }
}
