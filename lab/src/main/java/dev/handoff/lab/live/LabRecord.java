package dev.handoff.lab.live;

import java.nio.ByteBuffer;

/**
 * The value the lab's producer writes: its sequence number and its produce time (microseconds on the run's clock),
 * 16 bytes big-endian.
 */
record LabRecord(long seq, long producedAtMicros) {

    static final int SIZE = 2 * Long.BYTES;

    byte[] toBytes() {
        return ByteBuffer.allocate(SIZE).putLong(seq).putLong(producedAtMicros).array();
    }

    static LabRecord fromBytes(byte[] value) {
        ByteBuffer buffer = ByteBuffer.wrap(value);
        return new LabRecord(buffer.getLong(), buffer.getLong());
    }
}
