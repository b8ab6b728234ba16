package dev.handoff.lab.timeline;

import java.util.BitSet;

/**
 * Which sequence numbers were produced and how often each was processed: missing are produced sequence numbers
 * never processed, duplicated are those processed more than once. Thread-safe: the consumers of a live run share it.
 */
public final class RecordTally {

    private final BitSet produced = new BitSet();
    private final BitSet seen = new BitSet();
    private final BitSet duplicated = new BitSet();
    private long processed;

    /** The broker acknowledged the record with sequence number {@code seq}. */
    public synchronized void produced(long seq) {
        produced.set(Math.toIntExact(seq));
    }

    /** The first {@code count} sequence numbers were produced (simulated runs, where nothing fails to send). */
    public synchronized void producedUpTo(long count) {
        produced.set(0, Math.toIntExact(count));
    }

    public synchronized void processed(long seq) {
        int index = Math.toIntExact(seq);
        processed++;
        if (seen.get(index)) {
            duplicated.set(index);
        } else {
            seen.set(index);
        }
    }

    /** @return whether every produced record has been processed at least once */
    public synchronized boolean allProcessed() {
        BitSet missing = (BitSet) produced.clone();
        missing.andNot(seen);
        return missing.isEmpty();
    }

    public synchronized Counts counts() {
        BitSet missing = (BitSet) produced.clone();
        missing.andNot(seen);
        return new Counts(produced.cardinality(), processed, missing.cardinality(), duplicated.cardinality());
    }

    /**
     * @param produced   records the producer had acknowledged
     * @param processed  records processed, duplicates included
     * @param missing    produced records never processed
     * @param duplicated records processed more than once
     */
    public record Counts(long produced, long processed, long missing, long duplicated) {
    }
}
