package dev.handoff.lab;

import java.io.PrintWriter;
import java.util.Locale;

/** A one-line progress bar on the terminal, redrawn in place. */
final class ProgressBar {

    private static final int WIDTH = 30;

    private final PrintWriter err;
    private final String label;
    private final long totalMs;
    private long lastSecond = -1;

    ProgressBar(PrintWriter err, String label, long totalMs) {
        this.err = err;
        this.label = label;
        this.totalMs = Math.max(1, totalMs);
    }

    void update(long elapsedMs) {
        if (elapsedMs / 1000 == lastSecond) {
            return;
        }
        lastSecond = elapsedMs / 1000;
        int filled = (int) Math.min(WIDTH, WIDTH * elapsedMs / totalMs);
        err.print(String.format(Locale.ROOT, "\r%-20s [%s%s] %4ds / %ds", label, "#".repeat(filled),
            ".".repeat(WIDTH - filled), elapsedMs / 1000, totalMs / 1000));
        err.flush();
    }

    void done() {
        update(totalMs);
        err.println();
        err.flush();
    }
}
