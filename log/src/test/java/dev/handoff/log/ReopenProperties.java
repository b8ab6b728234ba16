package dev.handoff.log;

import static dev.handoff.log.LogFixture.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.apache.kafka.common.compress.Compression;
import org.apache.kafka.common.record.TimestampType;
import org.apache.kafka.common.record.internal.Records;

class ReopenProperties {

    @Provide
    Arbitrary<List<List<String>>> batches() {
        return Arbitraries.strings().alpha().ofMaxLength(40).list().ofMinSize(1).ofMaxSize(6).list().ofMinSize(1)
                .ofMaxSize(40);
    }

    @Property(tries = 15)
    void randomAppendsReadBackIdenticallyAfterACleanOrUncleanRestart(
            @ForAll("batches") List<List<String>> batches,
            @ForAll @IntRange(min = 200, max = 2000) int segmentBytes,
            @ForAll boolean crash) throws IOException {
        // Given
        Path root = Files.createTempDirectory("reopen-property");
        try {
            LogFixture fixture = new LogFixture(root, Map.of("segment.bytes", String.valueOf(segmentBytes),
                    "index.interval.bytes", "64"));
            FilePartitionLog log = fixture.log();
            for (int i = 0; i < batches.size(); i++) {
                Compression codec = i % 3 == 0 ? Compression.gzip().build() : Compression.NONE;
                log.append(TestBatches.batch(codec, TimestampType.CREATE_TIME, NOW + i,
                        batches.get(i).toArray(String[]::new)), NOW + i);
            }
            List<byte[]> before = readAllBatches(log);

            // When
            FilePartitionLog reopened = crash ? fixture.crashAndReopen(NOW + 1_000) : fixture.reopen(NOW + 1_000);

            // Then
            assertThat(readAllBatches(reopened)).containsExactlyElementsOf(before);
            assertThat(reopened.logEndOffset()).isEqualTo(batches.stream().mapToInt(List::size).sum());
            fixture.close();
        } finally {
            deleteTree(root);
        }
    }

    private static List<byte[]> readAllBatches(PartitionLog log) {
        List<byte[]> batches = new ArrayList<>();
        long next = log.logStartOffset();
        while (next < log.logEndOffset()) {
            Records records = log.read(next, 1, true).records();
            batches.add(TestBatches.bytes(records));
            next = records.batches().iterator().next().nextOffset();
        }
        return batches;
    }

    private static void deleteTree(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
