package dev.handoff.testkit.interop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.handoff.testkit.EmbeddedHandoff;
import dev.handoff.testkit.HandoffExtension;
import dev.handoff.testkit.TestClients;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.record.internal.RecordBatch;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Python's confluent-kafka 1.7 (librdkafka 2.0.2) as a producer, admin client and classic-group consumer against
 * Handoff, checked through kafka-clients. The scripts it runs live in {@code src/test/interop/rdkafka}.
 */
class ConfluentKafkaPythonIT {

    private static final Duration SCRIPT_TIMEOUT = Duration.ofSeconds(60);
    private static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension
    static final HandoffExtension HANDOFF = new HandoffExtension()
            .brokerProperty("group.initial.rebalance.delay.ms", "0");

    private static String python;

    @BeforeAll
    static void requireConfluentKafka() {
        Optional<String> found = RdkafkaTools.pythonWithConfluentKafka();
        Assumptions.assumeTrue(found.isPresent(), "no python3 with confluent_kafka is installed");
        python = found.get();
    }

    @Test
    void idempotentProducerWritesEveryRecordOnceAndInOrderPerPartition(EmbeddedHandoff broker) throws Exception {
        // Given
        String topic = "idempotent";
        int partitions = 3;
        int count = 3000;
        TestClients.createTopic(broker, topic, partitions, Map.of());

        // When
        List<JsonNode> events = jsonLines(script(broker, "idempotent_producer.py", topic,
                Integer.toString(partitions), Integer.toString(count)));

        // Then
        assertEveryRecordStoredOnceInSendOrder(broker, topic, partitions, count, events);
    }

    @Test
    void idempotentProducerKeepsEveryRecordOnceAcrossABrokerRestart(EmbeddedHandoff broker) throws Exception {
        // Given
        String topic = "idempotent-restart";
        int partitions = 2;
        int count = 3000;
        TestClients.createTopic(broker, topic, partitions, Map.of());
        TopicPartition first = new TopicPartition(topic, 0);
        CompletableFuture<String> output = CompletableFuture.supplyAsync(() -> script(broker,
                "idempotent_producer.py", topic, Integer.toString(partitions), Integer.toString(count), "100"));

        // When: the broker restarts while the producer is sending, so in-flight batches are retried
        await().atMost(Duration.ofSeconds(30)).until(() -> endOffset(broker, first) > 100);
        long storedBeforeRestart = endOffset(broker, first);
        broker.restart();

        // Then
        List<JsonNode> events = jsonLines(output.get(SCRIPT_TIMEOUT.toSeconds(), TimeUnit.SECONDS));
        assertThat(storedBeforeRestart).as("the restart came before the last record").isLessThan(count / partitions);
        assertEveryRecordStoredOnceInSendOrder(broker, topic, partitions, count, events);
    }

    /** The producer printed one delivery per record and the log holds each record once, densely, in send order. */
    private static void assertEveryRecordStoredOnceInSendOrder(EmbeddedHandoff broker, String topic, int partitions,
                                                               int count, List<JsonNode> events) throws Exception {
        assertThat(events).as("a delivery report per record and the summary").hasSize(count + 1);
        JsonNode done = events.get(events.size() - 1);
        assertThat(done.get("undelivered").asInt()).isZero();
        assertThat(done.get("failures")).isEmpty();
        List<TopicPartition> all = IntStream.range(0, partitions).mapToObj(p -> new TopicPartition(topic, p)).toList();
        Map<Integer, List<String>> stored = TestClients.readFromBeginning(broker, all, count).stream()
                .collect(Collectors.groupingBy(ConsumerRecord::partition, TreeMap::new, Collectors.mapping(
                        record -> record.offset() + ":" + new String(record.value(), StandardCharsets.UTF_8),
                        Collectors.toList())));
        for (int partition = 0; partition < partitions; partition++) {
            int p = partition;
            List<String> expected = IntStream.range(0, count / partitions)
                    .mapToObj(offset -> offset + ":" + (offset * partitions + p)).toList();
            assertThat(stored.get(partition)).as("partition %d: each value once, in send order", partition)
                    .containsExactlyElementsOf(expected);
            assertThat(endOffset(broker, all.get(partition))).as("nothing after them").isEqualTo(count / partitions);
            assertThat(StoredBatches.of(broker, all.get(partition), RecordBatch::producerId))
                    .as("batches of partition %d carry the producer id", partition)
                    .isNotEmpty().allMatch(producerId -> producerId >= 0);
        }
        assertThat(events.subList(0, events.size() - 1)).allMatch(event -> {
            int value = Integer.parseInt(event.get("value").asText());
            return event.get("partition").asInt() == value % partitions
                    && event.get("offset").asLong() == value / partitions;
        });
    }

    @Test
    void adminClientCreatesListsDescribesGrowsAndDeletesTopics(EmbeddedHandoff broker) throws Exception {
        // When
        JsonNode created = admin(broker, "create", "admin-made", "3", "retention.ms=3600000",
                "cleanup.policy=compact");
        JsonNode createdAgain = admin(broker, "create", "admin-made", "3");
        JsonNode listed = admin(broker, "list");
        JsonNode described = admin(broker, "describe-configs", "admin-made");
        JsonNode grown = admin(broker, "create-partitions", "admin-made", "5");

        // Then
        assertThat(created.get("error").asText()).isEqualTo("NONE");
        assertThat(createdAgain.get("error").asText()).isEqualTo("TOPIC_ALREADY_EXISTS");
        assertThat(listed.get("topics").get("admin-made").asInt()).isEqualTo(3);
        assertThat(listed.get("brokers")).hasSize(1);
        assertThat(described.get("configs").get("retention.ms").asText()).isEqualTo("3600000");
        assertThat(described.get("configs").get("cleanup.policy").asText()).isEqualTo("compact");
        assertThat(described.get("defaults")).extracting(JsonNode::asText)
                .contains("segment.bytes").doesNotContain("retention.ms", "cleanup.policy");
        assertThat(grown.get("error").asText()).isEqualTo("NONE");
        try (Admin admin = TestClients.admin(broker)) {
            TopicDescription description = admin.describeTopics(List.of("admin-made")).allTopicNames()
                    .get(30, TimeUnit.SECONDS).get("admin-made");
            assertThat(description.partitions()).hasSize(5);
            ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, "admin-made");
            assertThat(admin.describeConfigs(List.of(resource)).all().get(30, TimeUnit.SECONDS).get(resource)
                    .get("retention.ms").value()).isEqualTo("3600000");
        }

        // When
        JsonNode deleted = admin(broker, "delete", "admin-made");
        JsonNode deletedAgain = admin(broker, "delete", "admin-made");

        // Then
        assertThat(deleted.get("error").asText()).isEqualTo("NONE");
        assertThat(deletedAgain.get("error").asText()).isEqualTo("UNKNOWN_TOPIC_OR_PART");
        try (Admin admin = TestClients.admin(broker)) {
            assertThat(admin.listTopics().names().get(30, TimeUnit.SECONDS)).doesNotContain("admin-made");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"range", "cooperative-sticky"})
    void twoGroupMembersSplitThePartitionsCommitAndARestartedMemberResumes(String strategy, EmbeddedHandoff broker)
            throws Exception {
        // Given
        String topic = "grouped-" + strategy;
        String group = "rdkafka-" + strategy;
        int partitions = 4;
        TestClients.createTopic(broker, topic, partitions, Map.of());
        List<String> firstRound;
        try (RdkafkaGroupMember first = member(broker, group, topic, strategy);
             RdkafkaGroupMember second = member(broker, group, topic, strategy)) {
            // When
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertSplit(first, second, partitions));
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(describeGroup(broker, group))
                    .isEqualTo(group + " error=null Stable consumer/" + strategy
                            + " members=[\"rdkafka\",\"rdkafka\"]"));
            firstRound = produce(broker, topic, partitions, "first", 5);

            // Then
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(Stream.concat(
                    first.records().stream(), second.records().stream()).map(ConfluentKafkaPythonIT::value))
                    .containsExactlyInAnyOrderElementsOf(firstRound));
            assertThat(first.records()).allMatch(record -> first.assignment().contains(partitionOf(record)));
            assertThat(second.records()).allMatch(record -> second.assignment().contains(partitionOf(record)));
            second.leave();
            first.leave();
        }
        assertThat(KafkaClients.committedOffsets(broker, group)).isEqualTo(offsetsPerPartition(partitions, 5));

        // When
        List<String> secondRound = produce(broker, topic, partitions, "second", 2);
        try (RdkafkaGroupMember restarted = member(broker, group, topic, strategy)) {
            // Then: it starts at the committed offsets, so it reads the second round only
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(restarted.records())
                    .map(ConfluentKafkaPythonIT::value).containsExactlyInAnyOrderElementsOf(secondRound));
            assertThat(restarted.records()).allMatch(record -> offsetOf(record) >= 5);
            restarted.leave();
        }
        assertThat(KafkaClients.committedOffsets(broker, group)).isEqualTo(offsetsPerPartition(partitions, 7));
    }

    @Test
    void aStaticMemberThatComesBackInTimeGetsItsPartitionsWithoutARebalance(EmbeddedHandoff broker)
            throws Exception {
        // Given
        String topic = "static-members";
        String group = "rdkafka-static";
        TestClients.createTopic(broker, topic, 4, Map.of());
        try (RdkafkaGroupMember stays = staticMember(broker, group, topic, "stays")) {
            List<Integer> assignedBefore;
            try (RdkafkaGroupMember bounces = staticMember(broker, group, topic, "bounces")) {
                await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertSplit(stays, bounces, 4));
                assignedBefore = bounces.assignment();
                bounces.leave();
            }
            long staysAssignments = stays.assignmentCount();

            // When
            try (RdkafkaGroupMember back = staticMember(broker, group, topic, "bounces")) {
                await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(back.assignment())
                        .as(back.diagnostics()).isNotEmpty());

                // Then
                assertThat(back.assignment()).isEqualTo(assignedBefore);
                // a rebalance would reach the other member (revoke and assign) at about the same time
                await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5))
                        .until(() -> stays.assignmentCount() == staysAssignments);
                back.leave();
            }
            stays.leave();
        }
    }

    @Test
    void offsetsForTimesFindsTheFirstOffsetAtOrAfterEachTimestamp(EmbeddedHandoff broker) throws Exception {
        // Given: partition p holds ten records one second apart from base + p minutes
        String topic = "by-time";
        TestClients.createTopic(broker, topic, 2, Map.of());
        long base = System.currentTimeMillis() - 600_000;
        try (KafkaProducer<byte[], byte[]> producer = TestClients.producer(broker, Map.of())) {
            for (int partition = 0; partition < 2; partition++) {
                for (int i = 0; i < 10; i++) {
                    producer.send(new ProducerRecord<>(topic, partition, base + partition * 60_000L + i * 1000L,
                            null, ("v" + i).getBytes(StandardCharsets.UTF_8))).get();
                }
            }
        }

        // When: one timestamp per partition per request, as librdkafka keys its answers by partition
        List<JsonNode> answers = new ArrayList<>();
        for (long offsetIntoPartition : new long[] {-1, 0, 3000, 3500, 9000, 9001}) {
            answers.add(offsetsForTimes(broker, topic, "0:" + (base + offsetIntoPartition),
                    "1:" + (base + 60_000 + offsetIntoPartition)));
        }

        // Then
        assertThat(answers).extracting(answer -> answer.get("offsets").toString()).containsExactly(
                "[0,0]", "[0,0]", "[3,3]", "[4,4]", "[9,9]", "[-1,-1]");
        assertThat(answers).allMatch(answer -> answer.get("errors").isEmpty());
        assertThat(answers.get(0).get("watermarks").toString()).isEqualTo("[[0,10],[0,10]]");
    }

    private static long endOffset(EmbeddedHandoff broker, TopicPartition partition) {
        return KafkaClients.endOffsets(broker, List.of(partition)).get(partition.partition());
    }

    /** Asks with "partition:timestamp" queries, all in one offsets_for_times call. */
    private static JsonNode offsetsForTimes(EmbeddedHandoff broker, String topic, String... queries) {
        List<JsonNode> lines = jsonLines(script(broker, "offsets_for_times.py",
                Stream.concat(Stream.of(topic), Stream.of(queries)).toArray(String[]::new)));
        return lines.get(lines.size() - 1);
    }

    private RdkafkaGroupMember member(EmbeddedHandoff broker, String group, String topic, String strategy) {
        return RdkafkaGroupMember.start(python, broker.bootstrapServers(), group, topic, strategy);
    }

    private RdkafkaGroupMember staticMember(EmbeddedHandoff broker, String group, String topic, String instanceId) {
        return RdkafkaGroupMember.startStatic(python, broker.bootstrapServers(), group, topic, "range", instanceId);
    }

    private static void assertSplit(RdkafkaGroupMember first, RdkafkaGroupMember second, int partitions) {
        List<Integer> both = new ArrayList<>(first.assignment());
        both.addAll(second.assignment());
        assertThat(first.assignment()).as("first member, " + first.diagnostics()).isNotEmpty();
        assertThat(second.assignment()).as("second member, " + second.diagnostics()).isNotEmpty();
        assertThat(both).containsExactlyInAnyOrderElementsOf(IntStream.range(0, partitions).boxed().toList());
    }

    /** Sends {@code perPartition} records to each partition; returns their values. */
    private static List<String> produce(EmbeddedHandoff broker, String topic, int partitions, String round,
                                        int perPartition) throws Exception {
        List<String> values = new ArrayList<>();
        try (KafkaProducer<byte[], byte[]> producer = TestClients.producer(broker, Map.of())) {
            for (int partition = 0; partition < partitions; partition++) {
                for (int i = 0; i < perPartition; i++) {
                    String value = round + "-" + partition + "-" + i;
                    producer.send(new ProducerRecord<>(topic, partition, null,
                            value.getBytes(StandardCharsets.UTF_8))).get();
                    values.add(value);
                }
            }
        }
        return values;
    }

    /** Partition index to {@code offset}, for each partition, as {@link KafkaClients#committedOffsets} reports. */
    private static Map<Integer, Long> offsetsPerPartition(int partitions, long offset) {
        return IntStream.range(0, partitions).boxed().collect(Collectors.toMap(p -> p, p -> offset));
    }

    private static String value(String record) {
        return record.substring(record.indexOf('=') + 1);
    }

    private static int partitionOf(String record) {
        return Integer.parseInt(record.substring(0, record.indexOf('/')));
    }

    private static long offsetOf(String record) {
        return Long.parseLong(record.substring(record.indexOf('/') + 1, record.indexOf('=')));
    }

    /** The only group librdkafka's list_groups finds by that name, in one line. */
    private static String describeGroup(EmbeddedHandoff broker, String group) {
        JsonNode groups = jsonArray(script(broker, "describe_group.py", group));
        assertThat(groups).hasSize(1);
        JsonNode found = groups.get(0);
        return found.get("group").asText() + " error=" + found.get("error") + " " + found.get("state").asText() + " "
                + found.get("protocol_type").asText() + "/" + found.get("protocol").asText() + " members="
                + found.get("members");
    }

    private static JsonNode jsonArray(String output) {
        try {
            return JSON.readTree(output);
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + output, e);
        }
    }

    private static JsonNode admin(EmbeddedHandoff broker, String... args) {
        List<JsonNode> lines = jsonLines(script(broker, "admin_topics.py", args));
        return lines.get(lines.size() - 1);
    }

    private static String script(EmbeddedHandoff broker, String script, String... args) {
        String[] withBootstrap = Stream.concat(Stream.of(broker.bootstrapServers()), Stream.of(args))
                .toArray(String[]::new);
        return RdkafkaTools.runSuccessfully(RdkafkaTools.pythonScript(python, script, withBootstrap), "",
                SCRIPT_TIMEOUT).stdout();
    }

    private static List<JsonNode> jsonLines(String output) {
        List<JsonNode> lines = new ArrayList<>();
        for (String line : output.lines().filter(line -> line.startsWith("{")).toList()) {
            try {
                lines.add(JSON.readTree(line));
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + line, e);
            }
        }
        assertThat(lines).as("JSON lines in: %s", output).isNotEmpty();
        return lines;
    }
}
