package dev.handoff.testkit.group;

import static dev.handoff.testkit.group.GroupTestSupport.TIMEOUT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.handoff.testkit.EmbeddedHandoff;
import dev.handoff.testkit.HandoffExtension;
import dev.handoff.testkit.upgrade.TrackedConsumer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.ConsumerGroupListing;
import org.apache.kafka.clients.admin.MemberToRemove;
import org.apache.kafka.clients.admin.RemoveMembersFromConsumerGroupOptions;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.GroupState;
import org.apache.kafka.common.GroupType;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.utils.internals.Exit;
import org.apache.kafka.tools.consumer.group.ConsumerGroupCommand;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The Admin client's group operations, and Kafka's own kafka-consumer-groups tool, against Handoff. */
class GroupAdminIT {

    private static final int PARTITIONS = 4;

    @RegisterExtension
    static final HandoffExtension HANDOFF = new HandoffExtension()
            .brokerProperty("group.initial.rebalance.delay.ms", "0");

    private static Admin admin;
    private final List<TrackedConsumer> members = new ArrayList<>();

    @BeforeAll
    static void connect(EmbeddedHandoff broker) {
        admin = GroupTestSupport.admin(broker);
    }

    @AfterAll
    static void disconnect() {
        admin.close();
    }

    @AfterEach
    void stopMembers() {
        members.forEach(TrackedConsumer::stop);
    }

    @Test
    void listsDescribesAndReadsTheOffsetsOfAClassicGroup(EmbeddedHandoff broker) throws Exception {
        // Given
        consumeEverything(broker, "listed", 2);

        // When
        List<ConsumerGroupListing> listed = get(admin.listConsumerGroups().all()).stream()
                .filter(listing -> listing.groupId().equals("listed"))
                .toList();
        ConsumerGroupDescription described = get(admin.describeConsumerGroups(List.of("listed")).all()).get("listed");
        Map<TopicPartition, OffsetAndMetadata> offsets =
                get(admin.listConsumerGroupOffsets("listed").partitionsToOffsetAndMetadata());

        // Then
        assertThat(listed).singleElement().satisfies(listing -> {
            assertThat(listing.type()).contains(GroupType.CLASSIC);
            assertThat(listing.groupState()).contains(GroupState.STABLE);
        });
        assertThat(described.type()).isEqualTo(GroupType.CLASSIC);
        assertThat(described.groupState()).isEqualTo(GroupState.STABLE);
        assertThat(described.partitionAssignor()).isEqualTo("range");
        assertThat(described.members()).hasSize(2);
        assertThat(described.members().stream().flatMap(m -> m.assignment().topicPartitions().stream()))
                .containsExactlyInAnyOrderElementsOf(GroupTestSupport.partitions("listed", PARTITIONS));
        assertThat(offsets).hasSize(PARTITIONS);
        assertThat(offsets.values()).allSatisfy(offset -> assertThat(offset.offset()).isEqualTo(10));
    }

    @Test
    void removesAStaticMemberDeletesOffsetsAndDeletesTheEmptyGroup(EmbeddedHandoff broker) throws Exception {
        // Given
        consumeEverything(broker, "removable", 1);
        members.remove(0).crash();
        TopicPartition first = new TopicPartition("removable", 0);

        // When
        get(admin.removeMembersFromConsumerGroup("removable",
                new RemoveMembersFromConsumerGroupOptions(List.of(new MemberToRemove("removable-0")))).all());
        get(admin.deleteConsumerGroupOffsets("removable", Set.of(first)).all());
        Map<TopicPartition, OffsetAndMetadata> remaining =
                get(admin.listConsumerGroupOffsets("removable").partitionsToOffsetAndMetadata());
        get(admin.deleteConsumerGroups(List.of("removable")).all());

        // Then
        assertThat(remaining).hasSize(PARTITIONS - 1).doesNotContainKey(first);
        assertThat(get(admin.listConsumerGroups().all())).extracting(ConsumerGroupListing::groupId)
                .doesNotContain("removable");
    }

    @Test
    void kafkaConsumerGroupsToolListsAndDescribesGroups(EmbeddedHandoff broker) throws Exception {
        // Given
        consumeEverything(broker, "tooled", 1);

        // When
        String list = runTool("--bootstrap-server", broker.bootstrapServers(), "--list");
        String describe = runTool("--bootstrap-server", broker.bootstrapServers(), "--describe", "--group", "tooled");

        // Then
        assertThat(list.lines()).contains("tooled");
        List<String> partitionLines = describe.lines().filter(line -> line.startsWith("tooled ")).toList();
        assertThat(partitionLines).hasSize(PARTITIONS).allSatisfy(line -> assertThat(line)
                .contains("tooled-0").contains(" 10 "));
    }

    /** Static members (instance id = client id) consume 10 records per partition and commit them all. */
    private void consumeEverything(EmbeddedHandoff broker, String name, int memberCount) throws Exception {
        GroupTestSupport.createTopic(broker, name, PARTITIONS);
        List<String> produced = GroupTestSupport.produce(broker, name, PARTITIONS, name, 10 * PARTITIONS);
        for (int i = 0; i < memberCount; i++) {
            members.add(TrackedConsumer.start(broker, name + "-" + i, name, List.of(name), Map.of(
                    ConsumerConfig.GROUP_PROTOCOL_CONFIG, "classic",
                    ConsumerConfig.GROUP_INSTANCE_ID_CONFIG, name + "-" + i,
                    ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, 300,
                    ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, 6_000)));
        }
        GroupTestSupport.awaitEachPartitionOwnedOnce(members, name, PARTITIONS);
        await().atMost(TIMEOUT).untilAsserted(() -> {
            assertThat(GroupTestSupport.values(members)).containsAll(produced);
            Map<TopicPartition, OffsetAndMetadata> committed =
                    get(admin.listConsumerGroupOffsets(name).partitionsToOffsetAndMetadata());
            assertThat(committed.values().stream().map(OffsetAndMetadata::offset).collect(Collectors.toList()))
                    .hasSize(PARTITIONS).containsOnly(10L);
        });
    }

    /** Runs kafka-consumer-groups in this JVM and returns what it printed; an exit call fails the test. */
    private static String runTool(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream original = System.out;
        Exit.setExitProcedure((status, message) -> {
            throw new AssertionError("kafka-consumer-groups exited with " + status + ": " + message);
        });
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            ConsumerGroupCommand.main(args);
        } finally {
            System.setOut(original);
            Exit.resetExitProcedure();
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private static <T> T get(KafkaFuture<T> future) throws Exception {
        return future.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    }
}
