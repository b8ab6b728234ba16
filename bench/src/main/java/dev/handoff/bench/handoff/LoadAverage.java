package dev.handoff.bench.handoff;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The machine's 1-minute load average, recorded next to every figure because the machine is shared. */
final class LoadAverage {

    private static final Path LOADAVG = Path.of("/proc/loadavg");

    private LoadAverage() {
    }

    /** @return the 1-minute load average as Linux reports it, or {@code ?} where it cannot be read */
    static String oneMinute() {
        try {
            return Files.readString(LOADAVG).split("\\s+")[0];
        } catch (IOException | RuntimeException e) {
            return "?";
        }
    }
}
