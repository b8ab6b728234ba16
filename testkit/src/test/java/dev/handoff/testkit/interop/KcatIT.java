package dev.handoff.testkit.interop;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.handoff.testkit.EmbeddedHandoff;
import dev.handoff.testkit.HandoffExtension;
import dev.handoff.testkit.TestClients;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.internal.CompressionType;
import org.apache.kafka.common.record.internal.RecordBatch;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** kcat 1.7 (librdkafka 2.0) lists, produces and consumes against Handoff, with kafka-clients on the other end. */
class KcatIT {

    private static final Duration KCAT_TIMEOUT = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension
    static final HandoffExtension HANDOFF = new HandoffExtension();

    @BeforeAll
    static void requireKcat() {
        Assumptions.assumeTrue(RdkafkaTools.kcatInstalled(), "kcat is not installed");
    }

    @Test
    void listsTheBrokerAndEveryTopicWithItsPartitions(EmbeddedHandoff broker) throws Exception {
        // Given
        TestClients.createTopic(broker, "listed-three", 3, Map.of());
        TestClients.createTopic(broker, "listed-one", 1, Map.of());

        // When
        JsonNode metadata = JSON.readTree(kcat(broker, "", "-L", "-J").stdout());

        // Then
        assertThat(metadata.get("brokers")).hasSize(1);
        assertThat(metadata.get("brokers").get(0).get("name").asText()).isEqualTo(broker.bootstrapServers());
        int brokerId = metadata.get("brokers").get(0).get("id").asInt();
        assertThat(metadata.get("controllerid").asInt()).isEqualTo(brokerId);
        Map<String, JsonNode> topics = new HashMap<>();
        metadata.get("topics").forEach(topic -> topics.put(topic.get("topic").asText(), topic));
        assertThat(topics).containsKeys("listed-three", "listed-one");
        assertThat(topics.get("listed-three").get("partitions")).extracting(p -> p.get("partition").asInt())
                .containsExactly(0, 1, 2);
        assertThat(topics.get("listed-one").get("partitions")).hasSize(1);
        topics.get("listed-three").get("partitions").forEach(partition -> {
            assertThat(partition.get("leader").asInt()).isEqualTo(brokerId);
            assertThat(partition.get("isrs")).extracting(isr -> isr.get("id").asInt()).containsExactly(brokerId);
        });
    }

    @Test
    void recordsProducedByKcatComeBackExactlyThroughKafkaClients(EmbeddedHandoff broker) throws Exception {
        // Given
        String topic = "from-kcat";
        TestClients.createTopic(broker, topic, 3, Map.of());

        // When: one kcat run per partition, each with its own headers; -Z turns the empty value into a null one
        for (int partition = 0; partition < 3; partition++) {
            String input = "k" + partition + "-a:v" + partition + "-a\nk" + partition + "-b:\n";
            kcat(broker, input, "-P", "-t", topic, "-p", Integer.toString(partition), "-K", ":", "-Z",
                    "-H", "source=kcat", "-H", "partition=" + partition);
        }

        // Then
        List<ConsumerRecord<byte[], byte[]>> records = TestClients.readFromBeginning(broker,
                IntStream.range(0, 3).mapToObj(p -> new TopicPartition(topic, p)).toList(), 6);
        assertThat(records).extracting(KcatIT::describe).containsExactlyInAnyOrder(
                "p0 o0 k0-a=v0-a [source=kcat, partition=0]", "p0 o1 k0-b=null [source=kcat, partition=0]",
                "p1 o0 k1-a=v1-a [source=kcat, partition=1]", "p1 o1 k1-b=null [source=kcat, partition=1]",
                "p2 o0 k2-a=v2-a [source=kcat, partition=2]", "p2 o1 k2-b=null [source=kcat, partition=2]");
    }

    @Test
    void recordsProducedByKafkaClientsComeBackExactlyThroughKcat(EmbeddedHandoff broker) throws Exception {
        // Given
        String topic = "to-kcat";
        TestClients.createTopic(broker, topic, 2, Map.of());
        long timestamp = System.currentTimeMillis() - 60_000;
        try (KafkaProducer<byte[], byte[]> producer = TestClients.producer(broker, Map.of())) {
            for (int i = 0; i < 4; i++) {
                RecordHeaders headers = new RecordHeaders();
                headers.add("index", bytes(Integer.toString(i)));
                headers.add("empty", new byte[0]);
                producer.send(new ProducerRecord<>(topic, i % 2, timestamp + i, bytes("key-" + i),
                        i == 3 ? null : bytes("value-" + i), headers)).get();
            }
        }

        // When
        List<JsonNode> consumed = jsonLines(kcat(broker, "", "-C", "-t", topic, "-o", "beginning", "-e", "-J")
                .stdout());

        // Then
        assertThat(consumed).extracting(record -> record.get("partition").asInt() + " " + record.get("offset")
                + " " + record.get("ts") + " " + record.get("key").asText() + "=" + record.get("payload")
                + " " + record.get("headers")).containsExactlyInAnyOrder(
                "0 0 " + timestamp + " key-0=\"value-0\" [\"index\",\"0\",\"empty\",\"\"]",
                "1 0 " + (timestamp + 1) + " key-1=\"value-1\" [\"index\",\"1\",\"empty\",\"\"]",
                "0 1 " + (timestamp + 2) + " key-2=\"value-2\" [\"index\",\"2\",\"empty\",\"\"]",
                "1 1 " + (timestamp + 3) + " key-3=null [\"index\",\"3\",\"empty\",\"\"]");
    }

    @ParameterizedTest
    @ValueSource(strings = {"gzip", "snappy", "lz4", "zstd"})
    void batchesCompressedByKcatAreStoredAsSentAndReadBackByBothClients(String codec, EmbeddedHandoff broker)
            throws Exception {
        // Given
        String topic = "compressed-" + codec;
        TestClients.createTopic(broker, topic, 1, Map.of());
        List<String> values = IntStream.range(0, 200).mapToObj(i -> "value-" + i + "-" + "x".repeat(i % 50))
                .toList();

        // When
        kcat(broker, String.join("\n", values) + "\n", "-P", "-t", topic, "-p", "0", "-z", codec);

        // Then
        TopicPartition partition = new TopicPartition(topic, 0);
        assertThat(TestClients.readFromBeginning(broker, List.of(partition), values.size()))
                .extracting(record -> new String(record.value(), StandardCharsets.UTF_8))
                .containsExactlyElementsOf(values);
        assertThat(kcat(broker, "", "-C", "-t", topic, "-o", "beginning", "-e", "-q", "-f", "%s\\n").stdout()
                .lines()).containsExactlyElementsOf(values);
        assertThat(StoredBatches.of(broker, partition, RecordBatch::compressionType))
                .containsOnly(CompressionType.forName(codec));
    }

    @Test
    void logAppendTimeTopicsHandKcatBrokerTimestampsInBatchesWhoseChecksumsHold(EmbeddedHandoff broker)
            throws Exception {
        // Given
        String topic = "log-append-time";
        TestClients.createTopic(broker, topic, 1, Map.of("message.timestamp.type", "LogAppendTime"));
        long before = System.currentTimeMillis();

        // When: the broker stamps the batches, rewriting the compressed one's header and checksum
        kcat(broker, "plain-1\nplain-2\n", "-P", "-t", topic, "-p", "0");
        kcat(broker, "gzipped-1\ngzipped-2\n", "-P", "-t", topic, "-p", "0", "-z", "gzip");
        long after = System.currentTimeMillis();

        // Then: librdkafka checks each batch's CRC-32C and drops a batch that fails it
        List<JsonNode> consumed = jsonLines(kcat(broker, "", "-C", "-t", topic, "-o", "beginning", "-e", "-J",
                "-X", "check.crcs=true").stdout());
        assertThat(consumed).extracting(record -> record.get("payload").asText())
                .containsExactly("plain-1", "plain-2", "gzipped-1", "gzipped-2");
        assertThat(consumed).allSatisfy(record -> {
            assertThat(record.get("tstype").asText()).isEqualTo("logappend");
            assertThat(record.get("ts").asLong()).isBetween(before, after);
        });
    }

    private static RdkafkaTools.ToolRun kcat(EmbeddedHandoff broker, String stdin, String... args) {
        List<String> command = new ArrayList<>(List.of("kcat", "-b", broker.bootstrapServers()));
        command.addAll(Arrays.asList(args));
        return RdkafkaTools.runSuccessfully(command, stdin, KCAT_TIMEOUT);
    }

    private static String describe(ConsumerRecord<byte[], byte[]> record) {
        String headers = Arrays.stream(record.headers().toArray())
                .map(header -> header.key() + "=" + text(header))
                .collect(Collectors.joining(", ", "[", "]"));
        return "p" + record.partition() + " o" + record.offset() + " " + new String(record.key(),
                StandardCharsets.UTF_8) + "=" + (record.value() == null ? "null"
                : new String(record.value(), StandardCharsets.UTF_8)) + " " + headers;
    }

    private static String text(Header header) {
        return header.value() == null ? "null" : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static List<JsonNode> jsonLines(String output) {
        return output.lines().filter(line -> !line.isBlank()).map(line -> {
            try {
                return JSON.readTree(line);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }).toList();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
