package dev.handoff.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A process's resident memory as Linux reports it in {@code /proc/<pid>/status}.
 *
 * @param rssBytes     {@code VmRSS}, the resident set size now
 * @param peakRssBytes {@code VmHWM}, the largest resident set size the process has had
 */
public record MemoryUsage(long rssBytes, long peakRssBytes) {

    private static final String RSS = "VmRSS:";
    private static final String PEAK_RSS = "VmHWM:";

    /** Reads the resident memory of a live process. */
    static MemoryUsage ofProcess(long pid) {
        try {
            return parse(Files.readString(Path.of("/proc", Long.toString(pid), "status")));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the memory of process " + pid, e);
        }
    }

    /** Parses the text of {@code /proc/<pid>/status}; the kernel writes both figures in kB (KiB). */
    static MemoryUsage parse(String procStatus) {
        return new MemoryUsage(kibField(procStatus, RSS) * 1024, kibField(procStatus, PEAK_RSS) * 1024);
    }

    private static long kibField(String procStatus, String field) {
        return procStatus.lines()
                .filter(line -> line.startsWith(field))
                .map(line -> line.substring(field.length()).trim())
                .map(value -> value.endsWith("kB") ? value.substring(0, value.length() - 2).trim() : value)
                .mapToLong(Long::parseLong)
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No " + field + " line in the process status"));
    }
}
