package dev.handoff.bench.reliability;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Random;

/**
 * Turns a valid request frame into a hostile one. A frame here is what follows the 4-byte size field (header and
 * body); the {@link Frame} says which size to declare and whether the whole frame is sent.
 */
final class FrameMutator {

    /** The mutations, drawn with equal odds. */
    enum Mutation {
        NONE, BIT_FLIPS, TRUNCATED, LYING_FRAME_SIZE, HUGE_COUNT, WRONG_VERSION, GARBAGE_HEADER, HALF_SENT,
        RANDOM_BYTES
    }

    /**
     * @param bytes        the bytes after the size field
     * @param declaredSize what the size field says
     * @param sendBytes    how many of {@code bytes} are sent before the connection is closed or a response awaited
     * @param awaitAnswer  whether to wait for a response (false when the frame is incomplete on purpose)
     */
    record Frame(byte[] bytes, int declaredSize, int sendBytes, boolean awaitAnswer) {
    }

    /** Size fields that lie: beyond any limit, negative, or just past {@code socket.request.max.bytes}. */
    private static final int[] LYING_SIZES = {Integer.MAX_VALUE, -1, Integer.MIN_VALUE, 104_857_601, 0x7ffffff0};
    /** Array and string lengths a reader might allocate for: int32 and unsigned-varint encodings. */
    private static final byte[][] HUGE_COUNTS = {
        {0x7f, (byte) 0xff, (byte) 0xff, (byte) 0xff},
        {0x7f, (byte) 0xff},
        {(byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff, 0x07},
        {(byte) 0xfe, (byte) 0xff, (byte) 0xff, (byte) 0xff, 0x0f},
    };

    private FrameMutator() {
    }

    static Frame mutate(Mutation mutation, byte[] valid, int headerBytes, Random random) {
        byte[] bytes = valid.clone();
        return switch (mutation) {
            case NONE -> whole(bytes);
            case BIT_FLIPS -> {
                int flips = 1 + random.nextInt(8);
                for (int i = 0; i < flips; i++) {
                    int bit = random.nextInt(bytes.length * 8);
                    bytes[bit / 8] ^= (byte) (1 << (bit % 8));
                }
                yield whole(bytes);
            }
            case TRUNCATED -> whole(Arrays.copyOf(bytes, random.nextInt(bytes.length)));
            case LYING_FRAME_SIZE -> new Frame(bytes, LYING_SIZES[random.nextInt(LYING_SIZES.length)], bytes.length,
                    false);
            case HUGE_COUNT -> {
                byte[] count = HUGE_COUNTS[random.nextInt(HUGE_COUNTS.length)];
                int from = Math.min(headerBytes, Math.max(0, bytes.length - count.length));
                int at = from + random.nextInt(Math.max(1, bytes.length - count.length - from + 1));
                for (int i = 0; i < count.length && at + i < bytes.length; i++) {
                    bytes[at + i] = count[i];
                }
                yield whole(bytes);
            }
            case WRONG_VERSION -> {
                short[] versions = {-1, Short.MAX_VALUE, Short.MIN_VALUE, (short) (20 + random.nextInt(100)),
                    (short) random.nextInt()};
                ByteBuffer.wrap(bytes).putShort(2, versions[random.nextInt(versions.length)]);
                yield whole(bytes);
            }
            case GARBAGE_HEADER -> {
                byte[] garbage = new byte[Math.min(bytes.length, 4 + random.nextInt(Math.max(1, headerBytes)))];
                random.nextBytes(garbage);
                System.arraycopy(garbage, 0, bytes, 0, garbage.length);
                yield whole(bytes);
            }
            case HALF_SENT -> new Frame(bytes, bytes.length, random.nextInt(bytes.length), false);
            case RANDOM_BYTES -> {
                byte[] noise = new byte[random.nextInt(256)];
                random.nextBytes(noise);
                yield whole(noise);
            }
        };
    }

    private static Frame whole(byte[] bytes) {
        return new Frame(bytes, bytes.length, bytes.length, true);
    }
}
