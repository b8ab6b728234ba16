package dev.handoff.coordinator.record;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/** Reads what {@link BinaryWriter} wrote; lengths are checked against the remaining bytes. */
final class BinaryReader {

    private BinaryReader() {
    }

    static String readString(ByteBuffer buffer) {
        short length = buffer.getShort();
        if (length < 0) {
            return null;
        }
        byte[] bytes = new byte[checkLength(buffer, length)];
        buffer.get(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    static byte[] readBytes(ByteBuffer buffer) {
        int length = buffer.getInt();
        if (length < 0) {
            return null;
        }
        byte[] bytes = new byte[checkLength(buffer, length)];
        buffer.get(bytes);
        return bytes;
    }

    static int readCount(ByteBuffer buffer) {
        int count = buffer.getInt();
        if (count < 0) {
            throw new IllegalArgumentException("Negative count " + count);
        }
        return checkLength(buffer, count);
    }

    private static int checkLength(ByteBuffer buffer, int length) {
        if (length > buffer.remaining()) {
            throw new IllegalArgumentException("Length " + length + " exceeds remaining " + buffer.remaining());
        }
        return length;
    }
}
