package dev.handoff.migrate.groups;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.handoff.migrate.CommandRun;
import dev.handoff.migrate.Json;
import dev.handoff.migrate.PollingMember;
import dev.handoff.migrate.TestClients;
import dev.handoff.migrate.TestCluster;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code groups list | describe | offsets} against a live broker. */
class GroupsCommandIT {

    private static final Duration ASSIGNED = Duration.ofSeconds(60);

    private static TestCluster cluster;

    @BeforeAll
    static void startCluster() {
        cluster = TestCluster.start("old");
    }

    @AfterAll
    static void stopCluster() {
        cluster.close();
    }

    @Test
    void describeShowsEachMembersProtocolInAGroupBeingUpgraded() throws Exception {
        // Given
        String topic = topic(4);
        String group = TestClients.uniqueName("describe");
        try (PollingMember upgraded = PollingMember.idle(cluster.bootstrapServers(), group, "consumer", topic);
             PollingMember classic = PollingMember.idle(cluster.bootstrapServers(), group, "classic", topic)) {
            await().atMost(ASSIGNED).until(() -> upgraded.hasAssignment() && classic.hasAssignment());

            // When
            CommandRun json = CommandRun.of(new GroupsCommand(), "describe", "--bootstrap",
                    cluster.bootstrapServers(), group, "--json");
            CommandRun table = CommandRun.of(new GroupsCommand(), "describe", "--bootstrap",
                    cluster.bootstrapServers(), group);

            // Then
            assertThat(json.exitCode()).as(json.err()).isZero();
            List<GroupView> groups = Json.mapper().readValue(json.out(), new TypeReference<List<GroupView>>() { });
            assertThat(groups).singleElement().satisfies(g -> {
                assertThat(g.type()).isEqualTo("consumer");
                assertThat(g.groupEpoch()).isPositive();
                assertThat(g.members()).extracting(MemberView::protocol)
                        .containsExactlyInAnyOrder(MemberView.CONSUMER, MemberView.CLASSIC);
            });
            assertThat(table.out()).contains("Group " + group + " (consumer, ").contains("PROTOCOL")
                    .contains("classic").contains(topic + ":");
        }
    }

    @Test
    void listShowsClassicAndConsumerGroupsWithTheirTypes() throws Exception {
        // Given
        String topic = topic(2);
        String classicGroup = TestClients.uniqueName("list-classic");
        String consumerGroup = TestClients.uniqueName("list-consumer");
        try (PollingMember classic = PollingMember.idle(cluster.bootstrapServers(), classicGroup, "classic", topic);
             PollingMember upgraded = PollingMember.idle(cluster.bootstrapServers(), consumerGroup, "consumer",
                     topic)) {
            await().atMost(ASSIGNED).until(() -> classic.hasAssignment() && upgraded.hasAssignment());

            // When
            CommandRun run = CommandRun.of(new GroupsCommand(), "list", "--bootstrap", cluster.bootstrapServers());

            // Then
            assertThat(run.exitCode()).as(run.err()).isZero();
            assertThat(run.out()).containsPattern(classicGroup + "\\s+classic\\s+Stable")
                    .containsPattern(consumerGroup + "\\s+consumer\\s+Stable");
        }
    }

    @Test
    void offsetsShowCommittedEndAndLagPerPartition() throws Exception {
        // Given
        String topic = topic(2);
        String group = TestClients.uniqueName("offsets");
        try (KafkaProducer<String, byte[]> producer = TestClients.producer(cluster.bootstrapServers())) {
            for (int i = 0; i < 10; i++) {
                producer.send(new ProducerRecord<>(topic, i % 2, "k", new byte[1])).get();
            }
        }
        try (KafkaConsumer<String, byte[]> committer =
                     TestClients.groupConsumer(cluster.bootstrapServers(), group, "classic")) {
            committer.commitSync(Map.of(new TopicPartition(topic, 0), new OffsetAndMetadata(2)));
        }

        // When
        CommandRun run = CommandRun.of(new GroupsCommand(), "offsets", "--bootstrap", cluster.bootstrapServers(),
                group, "--json");

        // Then
        assertThat(run.exitCode()).as(run.err()).isZero();
        GroupOffsetsView offsets = Json.mapper().readValue(run.out(), GroupOffsetsView.class);
        assertThat(offsets.totalLag()).isEqualTo(3);
        assertThat(offsets.partitions()).singleElement().isEqualTo(
                new PartitionOffsetView(topic, 0, 2L, 5, 3L, null));
    }

    private static String topic(int partitions) {
        String topic = TestClients.uniqueName("groups");
        TestClients.createTopic(cluster.bootstrapServers(), topic, partitions, Map.of());
        return topic;
    }
}
