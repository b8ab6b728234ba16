package dev.handoff.coordinator.record;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** Big-endian primitives for {@link RecordSerde}. */
final class BinaryWriter {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    void writeShort(short v) {
        out.write(v >>> 8);
        out.write(v);
    }

    void writeInt(int v) {
        writeShort((short) (v >>> 16));
        writeShort((short) v);
    }

    void writeLong(long v) {
        writeInt((int) (v >>> 32));
        writeInt((int) v);
    }

    void writeString(String s) {
        if (s == null) {
            writeShort((short) -1);
            return;
        }
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        if (bytes.length > Short.MAX_VALUE) {
            throw new IllegalArgumentException("String longer than " + Short.MAX_VALUE + " bytes");
        }
        writeShort((short) bytes.length);
        out.writeBytes(bytes);
    }

    void writeBytes(byte[] bytes) {
        if (bytes == null) {
            writeInt(-1);
            return;
        }
        writeInt(bytes.length);
        out.writeBytes(bytes);
    }

    byte[] toByteArray() {
        return out.toByteArray();
    }
}
