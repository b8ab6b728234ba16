package dev.handoff.migrate.doctor;

import java.util.Comparator;
import java.util.List;

/**
 * The doctor's verdict: the findings, worst first, and the exit code (0 ok or info only, 1 warnings, 2 errors).
 *
 * @param windowMs how long the groups were observed
 * @param samples  how many times they were described
 */
public record DoctorReport(ProtocolSupport protocol, long windowMs, int samples, int groups, List<Finding> findings,
                           int exitCode) {

    static DoctorReport of(DoctorSnapshot snapshot, List<Finding> findings) {
        List<Finding> ordered = findings.stream()
                .sorted(Comparator.comparing(Finding::severity).reversed()
                        .thenComparing(Finding::subject)
                        .thenComparing(Finding::code))
                .toList();
        int exitCode = ordered.stream().mapToInt(f -> f.severity().exitCode()).max().orElse(0);
        return new DoctorReport(snapshot.protocol(), snapshot.windowMs(), snapshot.samples().size(),
                snapshot.latestGroups().size(), ordered, exitCode);
    }

    /** The text for people. */
    public String render() {
        StringBuilder text = new StringBuilder();
        text.append("Consumer protocol: ").append(protocol.status()).append(" (").append(protocol.evidence())
                .append(")\n");
        text.append("Observed ").append(groups).append(" group(s) in ").append(samples).append(" sample(s) over ")
                .append(windowMs / 1000).append(" s\n");
        if (findings.isEmpty()) {
            text.append("No findings.\n");
        }
        for (Finding finding : findings) {
            text.append('\n').append(finding.severity()).append(' ').append(finding.code())
                    .append("  ").append(finding.subject()).append('\n')
                    .append("  problem: ").append(finding.problem()).append('\n')
                    .append("  fix:     ").append(finding.fix()).append('\n');
        }
        text.append("\nExit status ").append(exitCode).append('\n');
        return text.toString();
    }
}
