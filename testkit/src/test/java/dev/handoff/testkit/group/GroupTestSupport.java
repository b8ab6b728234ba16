package dev.handoff.testkit.group;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.handoff.testkit.EmbeddedHandoff;
import dev.handoff.testkit.upgrade.TrackedConsumer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IntSummaryStatistics;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/** Topics, producers and group assertions shared by the group ITs. */
final class GroupTestSupport {

    static final Duration TIMEOUT = Duration.ofSeconds(45);

    private GroupTestSupport() {
    }

    static Admin admin(EmbeddedHandoff broker) {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        return Admin.create(props);
    }

    static void createTopic(EmbeddedHandoff broker, String topic, int partitions) throws Exception {
        try (Admin admin = admin(broker)) {
            admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1)))
                    .all().get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        }
    }

    /** Produces {@code count} records with values {@code prefix-i}, spread round-robin over the partitions. */
    static List<String> produce(EmbeddedHandoff broker, String topic, int partitions, String prefix, int count) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        List<String> values = new ArrayList<>(count);
        try (KafkaProducer<byte[], byte[]> producer =
                     new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer())) {
            for (int i = 0; i < count; i++) {
                String value = prefix + "-" + i;
                values.add(value);
                producer.send(new ProducerRecord<>(topic, i % partitions, null, value.getBytes(StandardCharsets.UTF_8)));
            }
            producer.flush();
        }
        return values;
    }

    static Set<TopicPartition> partitions(String topic, int count) {
        return IntStream.range(0, count).mapToObj(p -> new TopicPartition(topic, p)).collect(Collectors.toSet());
    }

    /** Waits until the members own every partition of the topic between them, each partition exactly once. */
    static void awaitEachPartitionOwnedOnce(Collection<TrackedConsumer> members, String topic, int partitions) {
        await().atMost(TIMEOUT).untilAsserted(() -> {
            List<TopicPartition> owned = members.stream().flatMap(m -> m.assignment().stream()).toList();
            assertThat(owned).containsExactlyInAnyOrderElementsOf(partitions(topic, partitions));
            assertThat(members).allSatisfy(m -> assertThat(m.assignment()).isNotEmpty());
        });
    }

    /**
     * Waits until the members own every partition once and evenly (counts differ by at most one), as a settled
     * uniform assignment of one topic does. Ownership alone is also met midway through a reconciliation, when the
     * new member owns its first partition while others still hold the partitions they are about to revoke.
     */
    static void awaitBalancedOwnership(Collection<TrackedConsumer> members, String topic, int partitions) {
        await().atMost(TIMEOUT).untilAsserted(() -> {
            List<TopicPartition> owned = members.stream().flatMap(m -> m.assignment().stream()).toList();
            assertThat(owned).containsExactlyInAnyOrderElementsOf(partitions(topic, partitions));
            IntSummaryStatistics counts = members.stream().mapToInt(m -> m.assignment().size()).summaryStatistics();
            assertThat(counts.getMax() - counts.getMin()).as("partitions per member %s", counts).isLessThanOrEqualTo(1);
        });
    }

    /** Values consumed by all the members together, duplicates included. */
    static List<String> values(Collection<TrackedConsumer> members) {
        return members.stream()
                .flatMap(m -> m.consumedValues().stream())
                .toList();
    }
}
