package dev.handoff.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Random bytes after the last complete batch of the active segment, as a crash during a write leaves them: the
 * broker recovers every acknowledged record and keeps accepting produce.
 */
class TornTailIT {

    private static final TopicPartition PARTITION = new TopicPartition("torn", 0);
    private static final int RECORDS = 500;

    @TempDir
    Path tempDir;

    @Test
    void recoversAfterGarbageIsAppendedToTheActiveSegmentOfAStoppedBroker() throws Exception {
        try (EmbeddedHandoff broker = EmbeddedHandoff.startDefault()) {
            // Given
            TestClients.createTopic(broker, PARTITION.topic(), 1, Map.of());
            List<Row> acknowledged = produce(broker, 0, RECORDS);
            broker.stop();
            appendGarbage(activeSegment(broker.dataDir()));

            // When
            broker.start();
            List<Row> more = produce(broker, RECORDS, 10);

            // Then
            assertAllReadable(broker, acknowledged, more);
        }
    }

    @Test
    void recoversATornTailFromACrashImageOfTheDataDirectory() throws Exception {
        // Given
        Path crashImage = tempDir.resolve("crash-image");
        List<Row> acknowledged;
        try (EmbeddedHandoff broker = EmbeddedHandoff.startDefault()) {
            TestClients.createTopic(broker, PARTITION.topic(), 1, Map.of());
            acknowledged = produce(broker, 0, RECORDS);
            // Copied while running: no clean-shutdown marker, as after a power cut.
            copyRecursively(broker.dataDir(), crashImage);
        }
        appendGarbage(activeSegment(crashImage));

        // When
        try (EmbeddedHandoff restarted = EmbeddedHandoff.builder().dataDir(crashImage).start()) {
            List<Row> more = produce(restarted, RECORDS, 10);

            // Then
            assertAllReadable(restarted, acknowledged, more);
        }
    }

    private static void assertAllReadable(EmbeddedHandoff broker, List<Row> acknowledged, List<Row> more) {
        List<Row> expected = new ArrayList<>(acknowledged);
        expected.addAll(more);
        assertThat(more.get(0).offset()).as("new records follow the recovered ones").isEqualTo(RECORDS);
        assertThat(Row.consumed(TestClients.readFromBeginning(broker, List.of(PARTITION), expected.size())))
                .isEqualTo(expected);
    }

    /** acks=all and waiting for every acknowledgement before the broker goes down. */
    private static List<Row> produce(EmbeddedHandoff broker, int from, int count) throws Exception {
        List<Row> sent = new ArrayList<>();
        long timestamp = System.currentTimeMillis();
        try (KafkaProducer<byte[], byte[]> producer = TestClients.producer(broker, Map.of("acks", "all"))) {
            for (int i = from; i < from + count; i++) {
                ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(PARTITION.topic(), 0, timestamp + i,
                        ("key-" + i).getBytes(StandardCharsets.UTF_8), ("value-" + i).getBytes(StandardCharsets.UTF_8));
                sent.add(Row.sent(record, producer.send(record).get()));
            }
        }
        return sent;
    }

    /** The segment files are named after their base offset, so the active one sorts last. */
    private static Path activeSegment(Path dataDir) throws IOException {
        try (Stream<Path> files = Files.walk(dataDir)) {
            return files.filter(f -> f.getParent().getFileName().toString().equals(PARTITION.toString()))
                    .filter(f -> f.getFileName().toString().endsWith(".log"))
                    .max(Comparator.comparing(f -> f.getFileName().toString()))
                    .orElseThrow(() -> new AssertionError("No segment of " + PARTITION + " under " + dataDir));
        }
    }

    private static void appendGarbage(Path segment) throws IOException {
        byte[] garbage = new byte[97];
        new Random(7).nextBytes(garbage);
        Files.write(segment, garbage, StandardOpenOption.APPEND);
    }

    private static void copyRecursively(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path source : paths.toList()) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }
}
