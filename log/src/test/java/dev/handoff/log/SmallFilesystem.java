package dev.handoff.log;

import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.TimeUnit;

/**
 * A size-limited tmpfs mounted over a directory, to make a real disk run full. Mounting needs root (as on CI);
 * where it is not permitted the test is skipped, never failed.
 */
final class SmallFilesystem implements AutoCloseable {

    private static final int CHUNK = 4096;

    private final Path mountPoint;

    private SmallFilesystem(Path mountPoint) {
        this.mountPoint = mountPoint;
    }

    static SmallFilesystem mount(Path mountPoint, int sizeKib) throws IOException, InterruptedException {
        Files.createDirectories(mountPoint);
        int exit = run("mount", "-t", "tmpfs", "-o", "size=" + sizeKib + "k", "tmpfs", mountPoint.toString());
        assumeThat(exit).as("mounting a %d KiB tmpfs at %s needs root; skipping the disk-full test", sizeKib,
                mountPoint).isZero();
        return new SmallFilesystem(mountPoint);
    }

    Path root() {
        return mountPoint;
    }

    /** Writes a filler file until the filesystem refuses more, then gives back {@code leaveBytes} of it. */
    Path fillLeaving(long leaveBytes) throws IOException {
        Path filler = mountPoint.resolve("filler");
        byte[] chunk = new byte[CHUNK];
        try (OutputStream out = Files.newOutputStream(filler)) {
            while (true) {
                out.write(chunk);
                out.flush();
            }
        } catch (IOException noSpaceLeft) {
            long size = Files.size(filler);
            try (FileChannel channel = FileChannel.open(filler, StandardOpenOption.WRITE)) {
                channel.truncate(Math.max(0, size - leaveBytes));
            }
        }
        return filler;
    }

    @Override
    public void close() throws IOException, InterruptedException {
        run("umount", "-l", mountPoint.toString());
    }

    private static int run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            return -1;
        }
        return process.exitValue();
    }
}
