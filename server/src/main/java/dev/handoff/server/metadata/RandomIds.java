package dev.handoff.server.metadata;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import org.apache.kafka.common.Uuid;

/**
 * Random identifiers that must not collide (cluster ids, topic ids, the seed of member ids), drawn from the
 * operating system's generator, {@code /dev/urandom}, the source {@link SecureRandom}'s default algorithm reads
 * on Linux. Not through {@link SecureRandom} itself: a JVM's first one sets up the JCA provider framework, about
 * 20-30 ms of CPU on a broker start that needs 24 random bytes. Where there is no {@code /dev/urandom} (Windows),
 * {@link SecureRandom} is used after all.
 */
public final class RandomIds {

    private static final Path SYSTEM_SOURCE = Path.of("/dev/urandom");

    private RandomIds() {
    }

    /** A random 64-bit seed. */
    public static long seed() {
        return ByteBuffer.wrap(randomBytes(SYSTEM_SOURCE, Long.BYTES)).getLong();
    }

    /**
     * A random id under {@link Uuid#randomUuid()}'s rules: a version-4 UUID, never one of {@link Uuid#RESERVED},
     * never one whose string form starts with '-' (it would read as a command-line option).
     */
    public static Uuid uuid() {
        return uuid(SYSTEM_SOURCE);
    }

    static Uuid uuid(Path source) {
        while (true) {
            ByteBuffer random = ByteBuffer.wrap(randomBytes(source, 2 * Long.BYTES));
            // The version (4) and variant (IETF) bits, as java.util.UUID.randomUUID sets them.
            long mostSignificant = (random.getLong() & ~0xF000L) | 0x4000L;
            long leastSignificant = (random.getLong() & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L;
            Uuid id = new Uuid(mostSignificant, leastSignificant);
            if (!Uuid.RESERVED.contains(id) && !id.toString().startsWith("-")) {
                return id;
            }
        }
    }

    static byte[] randomBytes(Path source, int count) {
        byte[] bytes = new byte[count];
        if (Files.isReadable(source)) {
            try (InputStream in = Files.newInputStream(source)) {
                if (in.readNBytes(bytes, 0, count) == count) {
                    return bytes;
                }
            } catch (IOException unreadable) {
                // Fall back to SecureRandom below.
            }
        }
        new SecureRandom().nextBytes(bytes);
        return bytes;
    }
}
