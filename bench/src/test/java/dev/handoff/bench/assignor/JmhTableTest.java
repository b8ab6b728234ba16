package dev.handoff.bench.assignor;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JmhTableTest {

    @TempDir
    Path dir;

    @Test
    void pairsHandoffWithKafkaOnTheSameParametersAndPrintsTheRatio() throws IOException {
        // Given
        Path json = dir.resolve("result.json");
        Files.writeString(json, "[" + result("KAFKA", "JOIN", 2.0, 0.5) + "," + result("HANDOFF", "FULL", 1.5, 0.1)
                + "," + result("HANDOFF", "JOIN", 0.5, 0.05) + "]");
        StringWriter out = new StringWriter();

        // When
        JmhTable.read(List.of(json)).print(new PrintWriter(out));

        // Then
        assertThat(out.toString().lines()).containsExactly(
                "| assignor | members | partitions/member | topics | subscriptions | change | racks "
                        + "| Handoff ms | Kafka ms | Handoff/Kafka |",
                "|---|---:|---:|---:|---|---|---:|---:|---:|---:|",
                "| uniform | 10000 | 10 | 100 | homogeneous | full | 0 | 1.50 ± 0.100 | - | - |",
                "| uniform | 10000 | 10 | 100 | homogeneous | one joins | 0 | 0.500 ± 0.050 | 2.00 ± 0.500 | 0.25× |");
    }

    private static String result(String implementation, String change, double score, double error) {
        return """
                {"benchmark": "dev.handoff.bench.assignor.ServerAssignorBenchmark.assign",
                 "params": {"assignor": "uniform", "change": "%s", "implementation": "%s", "members": "10000",
                            "partitionsPerMember": "10", "racks": "0", "subscription": "HOMOGENEOUS", "topics": "100"},
                 "primaryMetric": {"score": %s, "scoreError": %s, "scoreUnit": "ms/op"}}
                """.formatted(change, implementation, score, error);
    }
}
