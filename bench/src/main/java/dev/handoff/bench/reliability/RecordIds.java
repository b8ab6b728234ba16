package dev.handoff.bench.reliability;

import org.apache.kafka.common.KafkaException;

/**
 * A crash-loop record's content: its unique id (producer index in the high bits, that producer's sequence in the
 * low bits) in decimal, padded so batches have some weight and segments roll.
 */
final class RecordIds {

    private static final int PRODUCER_SHIFT = 40;
    private static final String PADDING = "|" + ".".repeat(80);

    private RecordIds() {
    }

    static long id(int producer, long sequence) {
        return ((long) producer << PRODUCER_SHIFT) | sequence;
    }

    static String value(long id) {
        return id + PADDING;
    }

    /**
     * @throws org.apache.kafka.common.KafkaException if the value is not one this loop wrote (a corrupt record)
     */
    static long idOf(String value) {
        int end = value.indexOf('|');
        try {
            if (end < 0 || !value.substring(end).equals(PADDING)) {
                throw new NumberFormatException("no padding");
            }
            return Long.parseLong(value.substring(0, end));
        } catch (NumberFormatException e) {
            throw new KafkaException("record content is not one the loop wrote: "
                    + value.substring(0, Math.min(40, value.length())));
        }
    }
}
