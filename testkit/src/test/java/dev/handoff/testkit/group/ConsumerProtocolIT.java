package dev.handoff.testkit.group;

import static dev.handoff.testkit.group.GroupTestSupport.TIMEOUT;
import static dev.handoff.testkit.group.GroupTestSupport.awaitBalancedOwnership;
import static dev.handoff.testkit.group.GroupTestSupport.awaitEachPartitionOwnedOnce;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.handoff.testkit.EmbeddedHandoff;
import dev.handoff.testkit.HandoffExtension;
import dev.handoff.testkit.upgrade.TrackedConsumer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.GroupType;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Real kafka-clients 4.4 consumers with {@code group.protocol=consumer} (KIP-848). Session timeouts and heartbeat
 * intervals are lowered, together with their minimum bounds, so a crashed member is noticed in seconds.
 */
class ConsumerProtocolIT {

    private static final int PARTITIONS = 12;

    @RegisterExtension
    static final HandoffExtension HANDOFF = new HandoffExtension()
            .brokerProperty("group.consumer.session.timeout.ms", "6000")
            .brokerProperty("group.consumer.min.session.timeout.ms", "6000")
            .brokerProperty("group.consumer.heartbeat.interval.ms", "500")
            .brokerProperty("group.consumer.min.heartbeat.interval.ms", "500");

    private final List<TrackedConsumer> members = new ArrayList<>();

    @AfterEach
    void stopMembers() {
        members.forEach(TrackedConsumer::stop);
    }

    @Test
    void membersKeepTheirPartitionsWhileOthersJoinAndLeave(EmbeddedHandoff broker) throws Exception {
        // Given
        String topic = "incremental";
        GroupTestSupport.createTopic(broker, topic, PARTITIONS);
        List<String> produced = new ArrayList<>(GroupTestSupport.produce(broker, topic, PARTITIONS, "a", 300));
        for (int i = 0; i < 3; i++) {
            join(broker, topic);
        }
        awaitBalancedOwnership(members, topic, PARTITIONS);
        Map<TrackedConsumer, Integer> marks = callbackMarks();

        // When
        join(broker, topic);
        awaitBalancedOwnership(members, topic, PARTITIONS);
        Map<TrackedConsumer, Set<TopicPartition>> afterJoin = assignments();
        Map<TrackedConsumer, Set<TopicPartition>> revokedOnJoin = new HashMap<>();
        marks.forEach((member, mark) -> revokedOnJoin.put(member, member.revokedSince(mark)));
        produced.addAll(GroupTestSupport.produce(broker, topic, PARTITIONS, "b", 300));
        TrackedConsumer leaving = members.remove(0);
        leaving.stop();
        awaitBalancedOwnership(members, topic, PARTITIONS);
        TrackedConsumer crashing = members.remove(0);
        crashing.crash();
        awaitBalancedOwnership(members, topic, PARTITIONS);
        produced.addAll(GroupTestSupport.produce(broker, topic, PARTITIONS, "c", 300));

        // Then
        revokedOnJoin.forEach((member, revoked) -> {
            Set<TopicPartition> kept = new HashSet<>(afterJoin.get(member));
            kept.retainAll(revoked);
            assertThat(kept).as("partitions %s kept but revoked", member.name()).isEmpty();
        });
        List<TrackedConsumer> everyone = new ArrayList<>(members);
        everyone.add(leaving);
        everyone.add(crashing);
        await().atMost(TIMEOUT).untilAsserted(() ->
                assertThat(GroupTestSupport.values(everyone)).containsAll(produced));
    }

    @Test
    void adminDescribesAConsumerGroupWithAssignmentsAndEpochs(EmbeddedHandoff broker) throws Exception {
        // Given
        String topic = "described";
        GroupTestSupport.createTopic(broker, topic, PARTITIONS);
        for (int i = 0; i < 3; i++) {
            join(broker, topic);
        }
        awaitEachPartitionOwnedOnce(members, topic, PARTITIONS);

        // When
        ConsumerGroupDescription described;
        try (Admin admin = GroupTestSupport.admin(broker)) {
            described = admin.describeConsumerGroups(List.of(topic)).all()
                    .get(TIMEOUT.toSeconds(), TimeUnit.SECONDS).get(topic);
        }

        // Then
        assertThat(described.type()).isEqualTo(GroupType.CONSUMER);
        assertThat(described.groupEpoch()).hasValueSatisfying(epoch -> assertThat(epoch).isPositive());
        assertThat(described.members()).hasSize(3).allSatisfy(member ->
                assertThat(member.memberEpoch()).hasValueSatisfying(epoch -> assertThat(epoch).isPositive()));
        assertThat(described.members().stream().flatMap(m -> m.assignment().topicPartitions().stream()))
                .containsExactlyInAnyOrderElementsOf(GroupTestSupport.partitions(topic, PARTITIONS));
    }

    @Test
    void aBrokerRestartInTheMiddleLosesNothing(EmbeddedHandoff broker) throws Exception {
        // Given
        String topic = "restarted";
        GroupTestSupport.createTopic(broker, topic, PARTITIONS);
        List<String> produced = new ArrayList<>(GroupTestSupport.produce(broker, topic, PARTITIONS, "before", 300));
        for (int i = 0; i < 3; i++) {
            join(broker, topic);
        }
        awaitEachPartitionOwnedOnce(members, topic, PARTITIONS);

        // When
        broker.restart();
        produced.addAll(GroupTestSupport.produce(broker, topic, PARTITIONS, "after", 300));

        // Then
        await().atMost(TIMEOUT).untilAsserted(() ->
                assertThat(GroupTestSupport.values(members)).containsAll(produced));
        awaitEachPartitionOwnedOnce(members, topic, PARTITIONS);
    }

    private void join(EmbeddedHandoff broker, String topic) {
        members.add(TrackedConsumer.start(broker, topic + "-" + members.size(), topic, List.of(topic),
                Map.of(ConsumerConfig.GROUP_PROTOCOL_CONFIG, "consumer")));
    }

    private Map<TrackedConsumer, Set<TopicPartition>> assignments() {
        Map<TrackedConsumer, Set<TopicPartition>> assignments = new HashMap<>();
        members.forEach(member -> assignments.put(member, member.assignment()));
        return assignments;
    }

    private Map<TrackedConsumer, Integer> callbackMarks() {
        Map<TrackedConsumer, Integer> marks = new HashMap<>();
        members.forEach(member -> marks.put(member, member.callbacks().size()));
        return marks;
    }
}
