package dev.handoff.bench.reliability;

import java.util.List;

/**
 * What a crash loop saw. Every count but {@code cycles}, {@code acknowledged} and {@code commitsChecked} must be 0.
 *
 * @param cycles                    kill-and-restart cycles run
 * @param acknowledged              records acknowledged (acks=all) to the producers
 * @param lost                      acknowledged records missing at their offset, or with other content, after a restart
 * @param corrupt                   reads that failed on a corrupt batch (CRC or structure)
 * @param duplicates                records found more than once in the log (idempotence broken)
 * @param rejected                  sends the broker finally refused (idempotence not restored after recovery)
 * @param endOffsetRegressions      partitions whose log end offset went backwards across a restart
 * @param commitsChecked            offset commits made and read back after a later restart
 * @param committedOffsetRegressions committed offsets that were missing or lower after a restart
 * @param groupsChecked             restarts after which the consumer group was compared with before
 * @param groupProblems             groups that came back without their members, assignments or epoch
 * @param violations                the first few problems, in words
 */
public record CrashLoopTotals(int cycles, long acknowledged, long lost, long corrupt, long duplicates, long rejected,
                              long endOffsetRegressions, long commitsChecked, long committedOffsetRegressions,
                              long groupsChecked, long groupProblems, List<String> violations) {

    public CrashLoopTotals {
        violations = List.copyOf(violations);
    }

    public boolean clean() {
        return lost == 0 && corrupt == 0 && duplicates == 0 && rejected == 0 && endOffsetRegressions == 0
                && committedOffsetRegressions == 0 && groupProblems == 0;
    }

    /** One line per figure, for a report. */
    public String summary() {
        return String.join(System.lineSeparator(),
                "cycles:                         " + cycles,
                "records acknowledged:           " + acknowledged,
                "lost:                           " + lost,
                "corrupt:                        " + corrupt,
                "duplicated:                     " + duplicates,
                "rejected after recovery:        " + rejected,
                "log end offset regressions:     " + endOffsetRegressions,
                "offset commits checked:         " + commitsChecked,
                "committed offset regressions:   " + committedOffsetRegressions,
                "group restores checked:         " + groupsChecked,
                "groups not restored:            " + groupProblems);
    }
}
