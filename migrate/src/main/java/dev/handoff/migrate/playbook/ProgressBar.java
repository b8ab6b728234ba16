package dev.handoff.migrate.playbook;

import java.io.PrintWriter;

/**
 * A one-line text progress bar redrawn in place with a carriage return. Only for terminals: with
 * {@code enabled=false} (output not a TTY, or {@code --json}) it prints nothing, so logs and pipes stay clean.
 */
public final class ProgressBar {

    private static final int WIDTH = 30;

    private final PrintWriter out;
    private final boolean enabled;
    private int lastLength;

    public ProgressBar(PrintWriter out, boolean enabled) {
        this.out = out;
        this.enabled = enabled;
    }

    /** Redraws the bar at {@code fraction} (clamped to 0..1) with a short status after it. */
    public void update(double fraction, String status) {
        if (!enabled) {
            return;
        }
        String line = render(fraction, status);
        out.print("\r" + line + " ".repeat(Math.max(0, lastLength - line.length())));
        out.flush();
        lastLength = line.length();
    }

    /** Ends the bar's line so the next output starts on a fresh one. */
    public void finish() {
        if (enabled && lastLength > 0) {
            out.println();
            out.flush();
            lastLength = 0;
        }
    }

    static String render(double fraction, String status) {
        double clamped = Math.max(0, Math.min(1, fraction));
        int filled = (int) Math.round(clamped * WIDTH);
        return "[" + "#".repeat(filled) + ".".repeat(WIDTH - filled) + "] "
                + String.format("%3d%%", Math.round(clamped * 100)) + " " + status;
    }
}
