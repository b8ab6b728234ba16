package dev.handoff.cli.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.handoff.bench.reliability.BrokerUnderTest;
import dev.handoff.bench.reliability.CrashLoop;
import dev.handoff.bench.reliability.CrashLoopSettings;
import dev.handoff.bench.reliability.CrashLoopTotals;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bounded CI mode of the crash loop (the long mode is {@code ./bench.sh crash-loop}): the real broker jar,
 * killed with SIGKILL ten times under idempotent acks=all producers and restarted on the same data.
 */
class CrashLoopIT {

    private static final Path JAR = Path.of("target", "handoff.jar");

    @TempDir
    Path dir;

    @Test
    void acknowledgedRecordsCommittedOffsetsAndGroupsSurviveTenSigkillsWithNothingLostCorruptedOrDuplicated()
            throws Exception {
        // Given
        CrashLoopSettings settings = new CrashLoopSettings(10, 8, 2, 3, 1000, 200, 1200, 64 * 1024);
        StringWriter progress = new StringWriter();
        try (BrokerUnderTest broker = new BrokerUnderTest(JAR, dir, List.of("-Xmx256m"),
                Map.of("log.flush.interval.messages", "1"))) {

            // When
            CrashLoopTotals totals = new CrashLoop(broker, settings, new PrintWriter(progress, true)).run();

            // Then
            assertThat(totals.violations()).as(progress.toString()).isEmpty();
            assertThat(totals.cycles()).isEqualTo(10);
            assertThat(totals.acknowledged()).isPositive();
            assertThat(totals.lost()).isZero();
            assertThat(totals.corrupt()).isZero();
            assertThat(totals.duplicates()).isZero();
            assertThat(totals.rejected()).isZero();
            assertThat(totals.endOffsetRegressions()).isZero();
            assertThat(totals.commitsChecked()).as(progress.toString()).isPositive();
            assertThat(totals.committedOffsetRegressions()).isZero();
            assertThat(totals.groupsChecked()).isEqualTo(11);
            assertThat(totals.groupProblems()).isZero();
            assertThat(broker.starts()).isEqualTo(12);
        }
    }
}
