package dev.handoff.testkit.upgrade;

import static dev.handoff.testkit.upgrade.UpgradeTestSupport.TIMEOUT;
import static dev.handoff.testkit.upgrade.UpgradeTestSupport.awaitBalanced;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.handoff.testkit.EmbeddedHandoff;
import dev.handoff.testkit.HandoffExtension;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.CooperativeStickyAssignor;
import org.apache.kafka.clients.consumer.RangeAssignor;
import org.apache.kafka.common.GroupType;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Online migration between the classic and the consumer group protocol (KIP-848, spec §17) with real kafka-clients
 * 4.4 consumers under a steady producer: a rolling restart of a live classic group onto {@code group.protocol=consumer}
 * and the downgrade when the last consumer-protocol member leaves a mixed group. Classic and consumer sessions are
 * short so a member that is not cleanly handed over is noticed within the test.
 */
class OnlineMigrationIT {

    private static final int PARTITIONS = 12;

    @RegisterExtension
    static final HandoffExtension HANDOFF = new HandoffExtension()
            .brokerProperty("group.initial.rebalance.delay.ms", "0")
            .brokerProperty("group.consumer.session.timeout.ms", "6000")
            .brokerProperty("group.consumer.min.session.timeout.ms", "6000")
            .brokerProperty("group.consumer.heartbeat.interval.ms", "500")
            .brokerProperty("group.consumer.min.heartbeat.interval.ms", "500");

    private final List<TrackedConsumer> members = new ArrayList<>();
    private final List<TrackedConsumer> stopped = new ArrayList<>();
    private final Set<TrackedConsumer> consumerProtocol = new HashSet<>();

    @AfterEach
    void stopMembers() {
        members.forEach(TrackedConsumer::stop);
    }

    /**
     * "No group-wide pause" is asserted through revocations rather than timings: a member that has to stop processing
     * a partition it keeps revokes it in a callback. Consumer-protocol members must never do that, at any step. Classic
     * members inside the consumer group revoke the way their assignor dictates: cooperative ones only what moves (so
     * they are held to the same rule), eager ones everything on every rejoin (Kafka's eager semantics, which the
     * coordinator cannot change), so the rule is not applied to them and the upgraded members keep processing.
     */
    @ParameterizedTest
    @ValueSource(classes = {CooperativeStickyAssignor.class, RangeAssignor.class})
    void rollingUpgradeUnderLoadLosesNothingAndUpgradedMembersKeepTheirPartitions(Class<?> assignor,
                                                                                  EmbeddedHandoff broker)
            throws Exception {
        // Given
        String topic = "upgrade-" + assignor.getSimpleName();
        UpgradeTestSupport.createTopic(broker, topic, PARTITIONS);
        for (int i = 0; i < 3; i++) {
            members.add(classicMember(broker, topic, "classic-" + i, assignor));
        }
        awaitBalanced(members, topic, PARTITIONS);
        boolean cooperative = assignor == CooperativeStickyAssignor.class;
        Map<String, Set<TopicPartition>> keptButRevoked = new HashMap<>();
        Set<String> acknowledged;

        // When
        try (SequenceProducer producer = SequenceProducer.start(broker, topic, PARTITIONS, "seq", 5)) {
            for (int i = 0; i < 3; i++) {
                Map<TrackedConsumer, Set<TopicPartition>> before = UpgradeTestSupport.assignments(members);
                Map<TrackedConsumer, Integer> marks = UpgradeTestSupport.callbackMarks(members);
                TrackedConsumer classic = members.remove(0);
                classic.stop();
                stopped.add(classic);
                members.add(consumerMember(broker, topic, "consumer-" + i));
                awaitBalanced(members, topic, PARTITIONS);
                String step = " at step " + i;
                before.forEach((member, owned) -> {
                    if (member != classic && (cooperative || consumerProtocol.contains(member))) {
                        keptButRevoked.put(member.name() + step,
                                UpgradeTestSupport.keptButRevoked(member, owned, marks.get(member)));
                    }
                });
            }
            acknowledged = producer.stop();
        }

        // Then
        List<TrackedConsumer> everyone = new ArrayList<>(members);
        everyone.addAll(stopped);
        await().atMost(TIMEOUT).untilAsserted(() ->
                assertThat(UpgradeTestSupport.consumed(everyone)).containsAll(acknowledged));
        assertThat(keptButRevoked).allSatisfy((step, revoked) -> assertThat(revoked).as(step).isEmpty());
        assertThat(members).allSatisfy(member -> assertThat(member.lostSince(0)).as(member.name()).isEmpty());
        ConsumerGroupDescription group = UpgradeTestSupport.describe(broker, topic);
        assertThat(group.type()).isEqualTo(GroupType.CONSUMER);
        assertThat(group.members()).hasSize(3).extracting(MemberDescription::upgraded)
                .allSatisfy(upgraded -> assertThat(upgraded).hasValue(true));
    }

    @Test
    void groupTurnsClassicAgainWhenItsLastConsumerProtocolMemberLeaves(EmbeddedHandoff broker) throws Exception {
        // Given
        String topic = "downgrade";
        UpgradeTestSupport.createTopic(broker, topic, PARTITIONS);
        for (int i = 0; i < 2; i++) {
            members.add(classicMember(broker, topic, "classic-" + i, RangeAssignor.class));
        }
        awaitBalanced(members, topic, PARTITIONS);
        TrackedConsumer upgraded = consumerMember(broker, topic, "consumer-0");
        members.add(upgraded);
        awaitBalanced(members, topic, PARTITIONS);
        assertThat(UpgradeTestSupport.describe(broker, topic).type()).isEqualTo(GroupType.CONSUMER);

        // When
        members.remove(upgraded);
        upgraded.stop();

        // Then
        await().atMost(TIMEOUT).untilAsserted(() ->
                assertThat(UpgradeTestSupport.describe(broker, topic).type()).isEqualTo(GroupType.CLASSIC));
        awaitBalanced(members, topic, PARTITIONS);
        Set<String> acknowledged;
        try (SequenceProducer producer = SequenceProducer.start(broker, topic, PARTITIONS, "after", 2)) {
            await().atMost(TIMEOUT).until(() -> producer.acknowledged().size() >= 120);
            acknowledged = producer.stop();
        }
        await().atMost(TIMEOUT).untilAsserted(() ->
                assertThat(UpgradeTestSupport.consumed(members)).containsAll(acknowledged));
        assertThat(UpgradeTestSupport.describe(broker, topic).type()).isEqualTo(GroupType.CLASSIC);
    }

    private static TrackedConsumer classicMember(EmbeddedHandoff broker, String groupId, String name,
                                                 Class<?> assignor) {
        return TrackedConsumer.start(broker, groupId + "-" + name, groupId, List.of(groupId), Map.of(
                ConsumerConfig.GROUP_PROTOCOL_CONFIG, "classic",
                ConsumerConfig.PARTITION_ASSIGNMENT_STRATEGY_CONFIG, assignor.getName(),
                ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, 300,
                ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, 6_000));
    }

    private TrackedConsumer consumerMember(EmbeddedHandoff broker, String groupId, String name) {
        TrackedConsumer member = TrackedConsumer.start(broker, groupId + "-" + name, groupId, List.of(groupId),
                Map.of(ConsumerConfig.GROUP_PROTOCOL_CONFIG, "consumer"));
        consumerProtocol.add(member);
        return member;
    }
}
