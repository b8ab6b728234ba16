package dev.handoff.cli.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import dev.handoff.bench.reliability.BrokerUnderTest;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.KafkaStorageException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real broker with its data on an 8 MiB tmpfs that runs full: producers get KAFKA_STORAGE_ERROR, nothing
 * acknowledged is lost, and once space is freed the same broker process takes writes again. Needs root to mount
 * (as on CI); skipped otherwise.
 */
class DiskFullIT {

    private static final Path JAR = Path.of("target", "handoff.jar");
    private static final String TOPIC = "full";
    private static final TopicPartition TP = new TopicPartition(TOPIC, 0);
    private static final int BIG = 256 * 1024;
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    @TempDir
    Path dir;

    private Path mountPoint;

    @AfterEach
    void unmount() throws Exception {
        if (mountPoint != null) {
            run("umount", "-l", mountPoint.toString());
        }
    }

    @Test
    void aFullDiskAnswersKafkaStorageErrorLosesNothingAndRecoversWhenSpaceReturns() throws Exception {
        // Given
        mountPoint = dir.resolve("disk");
        Files.createDirectories(mountPoint);
        assumeThat(run("mount", "-t", "tmpfs", "-o", "size=8m", "tmpfs", mountPoint.toString()))
                .as("mounting a tmpfs needs root; skipping the disk-full IT").isZero();
        try (BrokerUnderTest broker = new BrokerUnderTest(JAR, dir.resolve("work"), List.of("-Xmx256m"),
                Map.of("log.dirs", mountPoint.toString(), "log.flush.interval.messages", "1"))) {
            broker.start();
            createTopic(broker);
            List<String> acknowledged = new ArrayList<>();
            try (KafkaProducer<byte[], byte[]> producer = producer(broker)) {
                for (int i = 0; i < 3; i++) {
                    send(producer, "before-" + i);
                    acknowledged.add("before-" + i);
                }
                Path filler = fillLeaving(mountPoint.resolve("filler"), 64 * 1024);

                // When
                assertThatThrownBy(() -> send(producer, "while-full"))
                        .isInstanceOf(ExecutionException.class).hasCauseInstanceOf(KafkaStorageException.class);
                Files.delete(filler);
                send(producer, "after");
                acknowledged.add("after");
            }

            // Then
            assertThat(broker.isAlive()).isTrue();
            assertThat(broker.starts()).isEqualTo(1);
            assertThat(readAll(broker)).containsExactlyElementsOf(acknowledged);
        }
    }

    private static void send(KafkaProducer<byte[], byte[]> producer, String tag) throws Exception {
        byte[] value = new byte[BIG];
        byte[] name = tag.getBytes();
        System.arraycopy(name, 0, value, 0, name.length);
        producer.send(new ProducerRecord<>(TOPIC, 0, tag.getBytes(), value)).get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    }

    private static List<String> readAll(BrokerUnderTest broker) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        List<String> keys = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props)) {
            consumer.assign(List.of(TP));
            consumer.seekToBeginning(List.of(TP));
            long end = consumer.endOffsets(List.of(TP), TIMEOUT).get(TP);
            long deadline = System.nanoTime() + TIMEOUT.toNanos();
            while (consumer.position(TP) < end && System.nanoTime() < deadline) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    keys.add(new String(record.key()));
                }
            }
        }
        return keys;
    }

    /** No retries and no idempotence, so the broker's answer to a full disk reaches the test as it is. */
    private static KafkaProducer<byte[], byte[]> producer(BrokerUnderTest broker) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "false");
        props.put(ProducerConfig.RETRIES_CONFIG, "0");
        props.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, Integer.toString(2 * BIG));
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        return new KafkaProducer<>(props);
    }

    private static void createTopic(BrokerUnderTest broker) throws Exception {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        try (Admin admin = Admin.create(props)) {
            admin.createTopics(List.of(new NewTopic(TOPIC, 1, (short) 1))).all()
                    .get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        }
    }

    private static Path fillLeaving(Path filler, long leaveBytes) throws IOException {
        byte[] chunk = new byte[4096];
        try (OutputStream out = Files.newOutputStream(filler)) {
            while (true) {
                out.write(chunk);
                out.flush();
            }
        } catch (IOException noSpaceLeft) {
            try (FileChannel channel = FileChannel.open(filler, StandardOpenOption.WRITE)) {
                channel.truncate(Math.max(0, Files.size(filler) - leaveBytes));
            }
        }
        return filler;
    }

    private static int run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        return process.waitFor(30, TimeUnit.SECONDS) ? process.exitValue() : -1;
    }
}
