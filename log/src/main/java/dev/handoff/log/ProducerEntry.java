package dev.handoff.log;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/** The state of one idempotent producer on one partition: its epoch and its last five batches. */
final class ProducerEntry {

    /** Kafka keeps five, matching the client's {@code max.in.flight.requests.per.connection} limit. */
    static final int MAX_CACHED_BATCHES = 5;

    private short epoch;
    private final Deque<ProducerBatch> batches = new ArrayDeque<>();

    ProducerEntry(short epoch) {
        this.epoch = epoch;
    }

    short epoch() {
        return epoch;
    }

    List<ProducerBatch> batches() {
        return List.copyOf(batches);
    }

    int lastSequence() {
        return batches.isEmpty() ? -1 : batches.peekLast().lastSequence();
    }

    long lastTimestampMs() {
        return batches.isEmpty() ? -1 : batches.peekLast().timestampMs();
    }

    Optional<ProducerBatch> find(int firstSequence, int lastSequence) {
        return batches.stream()
                .filter(b -> b.firstSequence() == firstSequence && b.lastSequence() == lastSequence)
                .findFirst();
    }

    /** Records an appended batch; a newer epoch forgets the batches of the old one. */
    void add(short batchEpoch, ProducerBatch batch) {
        if (batchEpoch != epoch) {
            epoch = batchEpoch;
            batches.clear();
        }
        batches.addLast(batch);
        while (batches.size() > MAX_CACHED_BATCHES) {
            batches.removeFirst();
        }
    }
}
