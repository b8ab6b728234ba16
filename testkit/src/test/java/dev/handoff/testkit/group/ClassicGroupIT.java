package dev.handoff.testkit.group;

import static dev.handoff.testkit.group.GroupTestSupport.TIMEOUT;
import static dev.handoff.testkit.group.GroupTestSupport.awaitEachPartitionOwnedOnce;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.handoff.testkit.EmbeddedHandoff;
import dev.handoff.testkit.HandoffExtension;
import dev.handoff.testkit.upgrade.TrackedConsumer;
import dev.handoff.testkit.upgrade.TrackedConsumer.Callback;
import dev.handoff.testkit.upgrade.TrackedConsumer.Callback.Kind;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.CooperativeStickyAssignor;
import org.apache.kafka.clients.consumer.RangeAssignor;
import org.apache.kafka.clients.consumer.RoundRobinAssignor;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Real kafka-clients 4.4 consumers with {@code group.protocol=classic} in groups coordinated by Handoff. */
class ClassicGroupIT {

    private static final int PARTITIONS = 12;

    @RegisterExtension
    static final HandoffExtension HANDOFF = new HandoffExtension()
            .brokerProperty("group.initial.rebalance.delay.ms", "0");

    private final List<TrackedConsumer> members = new ArrayList<>();

    @AfterEach
    void stopMembers() {
        members.forEach(TrackedConsumer::stop);
    }

    @Test
    void fourMembersShareTwelvePartitionsAndConsumeEveryRecordOnce(EmbeddedHandoff broker) throws Exception {
        // Given
        GroupTestSupport.createTopic(broker, "orders", PARTITIONS);
        for (int i = 0; i < 4; i++) {
            join(broker, "orders-app", "orders", RangeAssignor.class);
        }
        awaitEachPartitionOwnedOnce(members, "orders", PARTITIONS);

        // When
        List<String> produced = GroupTestSupport.produce(broker, "orders", PARTITIONS, "order", 600);

        // Then
        await().atMost(TIMEOUT).untilAsserted(() ->
                assertThat(GroupTestSupport.values(members)).containsExactlyInAnyOrderElementsOf(produced));
        assertThat(members).allSatisfy(member -> assertThat(member.assignment()).hasSize(3));
    }

    @ParameterizedTest
    @ValueSource(classes = {RangeAssignor.class, RoundRobinAssignor.class})
    void eagerMembersRevokeEverythingAtEveryMembershipChange(Class<?> assignor, EmbeddedHandoff broker)
            throws Exception {
        // Given
        String topic = "eager-" + assignor.getSimpleName();
        GroupTestSupport.createTopic(broker, topic, PARTITIONS);
        for (int i = 0; i < 3; i++) {
            join(broker, topic, topic, assignor);
        }
        awaitEachPartitionOwnedOnce(members, topic, PARTITIONS);
        Map<TrackedConsumer, Set<TopicPartition>> before = assignments();
        Map<TrackedConsumer, Integer> marks = callbackMarks();

        // When
        join(broker, topic, topic, assignor);
        awaitEachPartitionOwnedOnce(members, topic, PARTITIONS);
        TrackedConsumer leaving = members.remove(0);
        Map<TrackedConsumer, Set<TopicPartition>> beforeLeave = assignments();
        Map<TrackedConsumer, Integer> leaveMarks = callbackMarks();
        leaving.stop();
        awaitEachPartitionOwnedOnce(members, topic, PARTITIONS);

        // Then
        before.forEach((member, owned) -> assertThat(member.callbacks().subList(marks.get(member),
                member.callbacks().size())).contains(new Callback(Kind.REVOKED, owned)));
        beforeLeave.forEach((member, owned) -> assertThat(member.callbacks().subList(leaveMarks.get(member),
                member.callbacks().size())).contains(new Callback(Kind.REVOKED, owned)));
    }

    @Test
    void cooperativeMembersRevokeOnlyThePartitionsThatMove(EmbeddedHandoff broker) throws Exception {
        // Given
        String topic = "cooperative";
        GroupTestSupport.createTopic(broker, topic, PARTITIONS);
        for (int i = 0; i < 3; i++) {
            join(broker, topic, topic, CooperativeStickyAssignor.class);
        }
        awaitEachPartitionOwnedOnce(members, topic, PARTITIONS);
        Map<TrackedConsumer, Set<TopicPartition>> before = assignments();
        Map<TrackedConsumer, Integer> marks = callbackMarks();

        // When
        join(broker, topic, topic, CooperativeStickyAssignor.class);
        awaitEachPartitionOwnedOnce(members, topic, PARTITIONS);
        Map<TrackedConsumer, Set<TopicPartition>> afterJoin = assignments();
        Map<TrackedConsumer, Set<TopicPartition>> revokedOnJoin = new HashMap<>();
        before.keySet().forEach(member -> revokedOnJoin.put(member, member.revokedSince(marks.get(member))));
        Map<TrackedConsumer, Integer> leaveMarks = callbackMarks();
        members.remove(0).stop();
        awaitEachPartitionOwnedOnce(members, topic, PARTITIONS);

        // Then
        before.forEach((member, owned) -> {
            Set<TopicPartition> moved = new HashSet<>(owned);
            moved.removeAll(afterJoin.get(member));
            assertThat(moved).isNotEmpty();
            assertThat(revokedOnJoin.get(member)).isEqualTo(moved);
        });
        members.forEach(member -> assertThat(member.revokedSince(leaveMarks.get(member))).isEmpty());
    }

    private void join(EmbeddedHandoff broker, String groupId, String topic, Class<?> assignor) {
        Map<String, Object> settings = new HashMap<>();
        settings.put(ConsumerConfig.GROUP_PROTOCOL_CONFIG, "classic");
        settings.put(ConsumerConfig.PARTITION_ASSIGNMENT_STRATEGY_CONFIG, assignor.getName());
        settings.put(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, 300);
        settings.put(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, 6_000);
        members.add(TrackedConsumer.start(broker, groupId + "-" + members.size(), groupId, List.of(topic),
                settings));
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
