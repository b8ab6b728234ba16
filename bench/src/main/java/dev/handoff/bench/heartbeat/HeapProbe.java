package dev.handoff.bench.heartbeat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The broker's used heap right after a full GC, so that what is read is what the broker still holds. */
interface HeapProbe {

    long usedBytesAfterGc();

    /** The broker runs in this JVM (an embedded broker): its heap is shared with the load generator. */
    static HeapProbe inProcess() {
        return () -> {
            System.gc();
            return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        };
    }

    /** The broker is another JVM on this machine: {@code jcmd <pid> GC.run}, then {@code GC.heap_info}. */
    static HeapProbe ofProcess(long pid) {
        return () -> {
            jcmd(pid, "GC.run");
            return parseHeapInfo(jcmd(pid, "GC.heap_info"));
        };
    }

    /** The {@code used NK} of the first line of {@code GC.heap_info}, which describes the whole heap. */
    static long parseHeapInfo(String heapInfo) {
        Matcher used = Pattern.compile("used (\\d+)K").matcher(heapInfo);
        if (!used.find()) {
            throw new IllegalArgumentException("No heap usage in: " + heapInfo);
        }
        return Long.parseLong(used.group(1)) * 1024;
    }

    private static String jcmd(long pid, String command) {
        try {
            Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(), Long.toString(pid), command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(1, TimeUnit.MINUTES) || process.exitValue() != 0) {
                throw new IllegalStateException("jcmd " + pid + " " + command + " failed: " + output);
            }
            return output;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted running jcmd", e);
        }
    }
}
