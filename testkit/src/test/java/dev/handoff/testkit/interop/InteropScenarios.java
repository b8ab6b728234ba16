package dev.handoff.testkit.interop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.handoff.testkit.EmbeddedHandoff;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.StreamSupport;

/**
 * What a user of any client does, checked against kafka-clients 4.4: the scenarios KafkaJsIT and SaramaIT share.
 * Each returns the finished client so the caller can check what is particular to it (versions, errors).
 */
final class InteropScenarios {

    static final int PARTITIONS = 3;
    private static final int RECORDS = 30;
    private static final Duration GROUP_TIMEOUT = Duration.ofSeconds(30);

    private InteropScenarios() {
    }

    /** The client produces keyed records with headers; kafka-clients reads back exactly those, where it said. */
    static ExternalClient produceThenReadBackWithKafkaClients(EmbeddedHandoff broker, InteropClient client,
                                                              String topic, String... produceArgs)
            throws Exception {
        // Given
        KafkaClients.createTopic(broker, topic, PARTITIONS);
        List<String> args = new ArrayList<>(List.of(topic));
        args.addAll(List.of(produceArgs));

        // When
        ExternalClient producer = client.run("produce", broker.bootstrapServers(), args.toArray(String[]::new));

        // Then
        assertThat(producer.exitCode()).as("%s", producer).isZero();
        List<InteropRecord> sent = InteropRecord.sent(producer.events("sent"));
        assertThat(sent).as("%s", producer).isNotEmpty();
        assertThat(KafkaClients.readFromBeginning(broker, KafkaClients.partitions(topic, PARTITIONS), sent.size()))
                .containsExactlyElementsOf(sent);
        assertThat(KafkaClients.endOffsets(broker, KafkaClients.partitions(topic, PARTITIONS)).values()
                .stream().mapToLong(Long::longValue).sum())
                .as("nothing written twice").isEqualTo(sent.size());
        return producer;
    }

    /** kafka-clients produces (compressed with {@code compression}); the client reads exactly those records. */
    static ExternalClient produceWithKafkaClientsThenConsume(EmbeddedHandoff broker, InteropClient client,
                                                             String topic, String compression) throws Exception {
        // Given
        KafkaClients.createTopic(broker, topic, PARTITIONS);
        List<InteropRecord> sent = KafkaClients.produce(broker, topic, PARTITIONS, RECORDS, compression);

        // When
        ExternalClient consumer = client.run("consume", broker.bootstrapServers(), topic, Integer.toString(RECORDS));

        // Then
        assertThat(consumer.exitCode()).as("%s", consumer).isZero();
        assertThat(consumer.events("record").stream().map(e -> InteropRecord.of(e, -1))
                .sorted(InteropRecord.BY_POSITION).toList()).containsExactlyElementsOf(sent);
        return consumer;
    }

    /**
     * Two members of a classic group split the partitions and commit what they consumed (visible to kafka-clients'
     * Admin); after both stop, a new member resumes from the committed offsets and reads only what came since.
     * Then the client's admin API lists and describes the group and its committed offsets. Returns the restarted
     * member, which has joined, fetched and committed offsets and left.
     */
    static ExternalClient groupSplitsPartitionsCommitsAndAMemberResumes(EmbeddedHandoff broker,
                                                                        InteropClient client, String topic,
                                                                        String group) throws Exception {
        int partitions = 4;
        KafkaClients.createTopic(broker, topic, partitions);
        List<InteropRecord> first = KafkaClients.produce(broker, topic, partitions, 40, "none");
        Set<Integer> all = IntStream.range(0, partitions).boxed().collect(Collectors.toSet());
        ExternalClient a = client.start("member", broker.bootstrapServers(), topic, group);
        ExternalClient b = client.start("member", broker.bootstrapServers(), topic, group);
        try (a; b) {
            // When
            await().atMost(GROUP_TIMEOUT).untilAsserted(() -> {
                Set<Integer> ofA = lastAssignment(a);
                Set<Integer> ofB = lastAssignment(b);
                assertThat(ofA).as("A: %s", a).isNotEmpty();
                assertThat(ofB).as("B: %s", b).isNotEmpty();
                assertThat(ofA).doesNotContainAnyElementsOf(ofB);
                assertThat(union(ofA, ofB)).isEqualTo(all);
                assertThat(consumedPositions(a, b)).isEqualTo(positions(first));
            });
            await().atMost(GROUP_TIMEOUT).untilAsserted(() -> assertThat(KafkaClients.committedOffsets(broker, group))
                    .isEqualTo(Map.of(0, 10L, 1, 10L, 2, 10L, 3, 10L)));
            a.stop();
            b.stop();

            // Then
            assertThat(a.awaitExit()).as("%s", a).isZero();
            assertThat(b.awaitExit()).as("%s", b).isZero();
        }
        List<InteropRecord> second = KafkaClients.produce(broker, topic, partitions, 8, "none");
        ExternalClient resumed = client.start("member", broker.bootstrapServers(), topic, group);
        try (resumed) {
            await().atMost(GROUP_TIMEOUT).untilAsserted(() -> {
                assertThat(lastAssignment(resumed)).as("%s", resumed).isEqualTo(all);
                assertThat(consumedPositions(resumed)).isEqualTo(positions(second));
            });
            await().atMost(GROUP_TIMEOUT).untilAsserted(() -> assertThat(KafkaClients.committedOffsets(broker, group))
                    .isEqualTo(Map.of(0, 12L, 1, 12L, 2, 12L, 3, 12L)));
            resumed.stop();
            assertThat(resumed.awaitExit()).as("%s", resumed).isZero();
            assertThat(resumed.events("record").stream().map(e -> InteropRecord.of(e, -1))
                    .sorted(InteropRecord.BY_POSITION).toList())
                    .as("the restarted member reads nothing before its committed offsets")
                    .containsExactlyElementsOf(second);
        }
        // The client's own admin API sees the emptied group and its offsets as kafka-clients does.
        ExternalClient admin = client.run("groups", broker.bootstrapServers(), group, topic);
        assertThat(admin.exitCode()).as("%s", admin).isZero();
        assertThat(admin.event("groups").toString()).isEqualTo("{\"committed\":{\"0\":12,\"1\":12,\"2\":12,"
                + "\"3\":12},\"event\":\"groups\",\"protocolType\":\"consumer\",\"state\":\"Empty\"}");
        return resumed;
    }

    private static Set<Integer> lastAssignment(ExternalClient member) {
        List<JsonNode> assignments = member.events("assigned");
        if (assignments.isEmpty()) {
            return Set.of();
        }
        return StreamSupport.stream(assignments.get(assignments.size() - 1).path("partitions").spliterator(), false)
                .map(JsonNode::asInt).collect(Collectors.toSet());
    }

    private static Set<TopicPartitionOffset> consumedPositions(ExternalClient... members) {
        Set<TopicPartitionOffset> positions = new HashSet<>();
        for (ExternalClient member : members) {
            member.events("record").forEach(e -> positions.add(
                    new TopicPartitionOffset(e.path("partition").asInt(), e.path("offset").asLong())));
        }
        return positions;
    }

    private static Set<TopicPartitionOffset> positions(List<InteropRecord> records) {
        return records.stream().map(r -> new TopicPartitionOffset(r.partition(), r.offset()))
                .collect(Collectors.toSet());
    }

    private static Set<Integer> union(Set<Integer> a, Set<Integer> b) {
        Set<Integer> union = new HashSet<>(a);
        union.addAll(b);
        return union;
    }

    private record TopicPartitionOffset(int partition, long offset) {
    }
}
