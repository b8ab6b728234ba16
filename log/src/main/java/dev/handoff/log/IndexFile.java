package dev.handoff.log;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

/** Whole-file reads and writes of the small index and snapshot files. */
final class IndexFile {

    private IndexFile() {
    }

    /** The file's bytes, or empty when it does not exist. */
    static Optional<ByteBuffer> read(Path file) throws IOException {
        try {
            return Optional.of(ByteBuffer.wrap(Files.readAllBytes(file)));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
    }

    /** Replaces the file's content; with {@code fsync} the bytes are on stable storage when this returns. */
    static void write(Path file, ByteBuffer content, boolean fsync) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            while (content.hasRemaining()) {
                channel.write(content);
            }
            if (fsync) {
                channel.force(true);
            }
        }
    }

    /** Writes to a temporary file and renames it into place, so a crash leaves the old or the new file whole. */
    static void writeAtomically(Path file, ByteBuffer content) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        write(tmp, content, true);
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }
}
