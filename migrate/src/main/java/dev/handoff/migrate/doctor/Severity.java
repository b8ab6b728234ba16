package dev.handoff.migrate.doctor;

/** How bad a finding is; the doctor exits with the worst one's code so it can gate a deploy pipeline. */
public enum Severity {
    /** Worth knowing, nothing to fix: exit 0. */
    INFO(0),
    /** The upgrade is not finished or will need care: exit 1. */
    WARNING(1),
    /** Consumption is harmed now, or the upgrade cannot proceed: exit 2. */
    ERROR(2);

    private final int exitCode;

    Severity(int exitCode) {
        this.exitCode = exitCode;
    }

    public int exitCode() {
        return exitCode;
    }
}
