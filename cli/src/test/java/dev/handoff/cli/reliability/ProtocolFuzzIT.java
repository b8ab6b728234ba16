package dev.handoff.cli.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.handoff.bench.reliability.BrokerUnderTest;
import dev.handoff.bench.reliability.FuzzSettings;
import dev.handoff.bench.reliability.FuzzTotals;
import dev.handoff.bench.reliability.ProtocolFuzzer;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bounded CI mode of the protocol fuzzer (the long mode is {@code ./bench.sh fuzz}): 20,000 valid and mutated
 * requests of every API against the real broker jar with a 256 MiB heap.
 */
class ProtocolFuzzIT {

    private static final Path JAR = Path.of("target", "handoff.jar");
    private static final long HEAP_LIMIT = 256L * 1024 * 1024;

    @TempDir
    Path dir;

    @Test
    void malformedRequestsOfEveryApiNeverTakeTheBrokerDownNorStopItServingAWellBehavedClient() throws Exception {
        // Given
        FuzzSettings settings = new FuzzSettings(20_000, 8, 8, 2_500, 200);
        StringWriter progress = new StringWriter();
        try (BrokerUnderTest broker = new BrokerUnderTest(JAR, dir, List.of("-Xmx256m"), Map.of())) {

            // When
            FuzzTotals totals = new ProtocolFuzzer(broker, settings, new PrintWriter(progress, true)).run();

            // Then
            assertThat(totals.problems()).as(progress.toString()).isEmpty();
            assertThat(totals.requests()).isEqualTo(20_000);
            assertThat(totals.apis()).isGreaterThanOrEqualTo(20);
            assertThat(totals.answered()).isPositive();
            assertThat(totals.closedByBroker()).isPositive();
            assertThat(totals.brokerRestarts()).isZero();
            assertThat(totals.healthFailures()).isZero();
            assertThat(totals.validUnanswered()).isZero();
            assertThat(totals.maxHeapUsedBytes()).isPositive().isLessThan(HEAP_LIMIT);
            assertThat(broker.isAlive()).isTrue();
        }
    }
}
