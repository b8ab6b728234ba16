package dev.handoff.testkit.upgrade;

import static dev.handoff.testkit.upgrade.UpgradeTestSupport.TIMEOUT;
import static dev.handoff.testkit.upgrade.UpgradeTestSupport.awaitBalanced;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.handoff.testkit.EmbeddedHandoff;
import dev.handoff.testkit.HandoffExtension;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.CooperativeStickyAssignor;
import org.apache.kafka.common.GroupType;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Static members (KIP-345 with KIP-848, spec §9) using real kafka-clients 4.4 consumers with
 * {@code group.protocol=consumer}. Closing a static member makes it leave temporarily (epoch -2): its partitions stay
 * reserved for its instance id until the session timeout, so a bounce inside it moves nothing. The session timeout
 * is set well above the time a bounce takes on a busy machine, and the heartbeat interval is low so the members
 * settle quickly.
 */
class StaticMembershipIT {

    private static final String TOPIC = "static-orders";
    private static final int PARTITIONS = 9;

    @RegisterExtension
    static final HandoffExtension HANDOFF = new HandoffExtension()
            .brokerProperty("group.initial.rebalance.delay.ms", "0")
            .brokerProperty("group.consumer.session.timeout.ms", "30000")
            .brokerProperty("group.consumer.min.session.timeout.ms", "30000")
            .brokerProperty("group.consumer.heartbeat.interval.ms", "500")
            .brokerProperty("group.consumer.min.heartbeat.interval.ms", "500");

    private final List<TrackedConsumer> members = new ArrayList<>();

    @AfterEach
    void stopMembers() {
        members.forEach(TrackedConsumer::stop);
    }

    @Test
    void bouncedStaticMemberGetsItsPartitionsBackAndNobodyElseRebalances(EmbeddedHandoff broker) throws Exception {
        // Given
        UpgradeTestSupport.createTopic(broker, TOPIC, PARTITIONS);
        for (int i = 0; i < 3; i++) {
            members.add(staticMember(broker, "instance-" + i));
        }
        awaitBalanced(members, TOPIC, PARTITIONS);
        TrackedConsumer bounced = members.remove(0);
        Set<TopicPartition> bouncedPartitions = bounced.assignment();
        Map<TrackedConsumer, Set<TopicPartition>> others = UpgradeTestSupport.assignments(members);
        Map<TrackedConsumer, Integer> marks = UpgradeTestSupport.callbackMarks(members);
        int epochBefore = groupEpoch(broker);

        // When
        bounced.stop();
        TrackedConsumer restarted = staticMember(broker, "instance-0");
        members.add(restarted);

        // Then
        await().atMost(TIMEOUT).untilAsserted(() ->
                assertThat(restarted.assignment()).isEqualTo(bouncedPartitions));
        assertThat(restarted.failure()).isEmpty();
        others.forEach((member, owned) -> {
            assertThat(member.assignment()).as("%s's partitions", member.name()).isEqualTo(owned);
            assertThat(member.revokedSince(marks.get(member))).as("%s's revocations", member.name()).isEmpty();
            assertThat(member.lostSince(marks.get(member))).as("%s's lost partitions", member.name()).isEmpty();
        });
        ConsumerGroupDescription group = UpgradeTestSupport.describe(broker, TOPIC);
        assertThat(group.groupEpoch()).hasValue(epochBefore);
        assertThat(group.members()).extracting(MemberDescription::groupInstanceId)
                .containsExactlyInAnyOrder(Optional.of("instance-0"), Optional.of("instance-1"),
                        Optional.of("instance-2"));
    }

    /**
     * A classic static member does not leave the group when closed (KIP-345), so its consumer-protocol successor with
     * the same instance id replaces it inside the session timeout and takes over its assignment (spec §9, §17).
     */
    @Test
    void staticClassicMembersRestartedOnTheConsumerProtocolKeepTheirPartitions(EmbeddedHandoff broker)
            throws Exception {
        // Given
        String topic = "static-upgrade";
        UpgradeTestSupport.createTopic(broker, topic, PARTITIONS);
        List<TrackedConsumer> classic = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            classic.add(staticClassicMember(broker, topic, "upgrade-instance-" + i));
        }
        members.addAll(classic);
        awaitBalanced(members, topic, PARTITIONS);
        Map<TrackedConsumer, Set<TopicPartition>> before = UpgradeTestSupport.assignments(classic);
        Map<TrackedConsumer, Integer> marks = UpgradeTestSupport.callbackMarks(classic);
        List<Set<TopicPartition>> revokedWhileOthersUpgraded = new ArrayList<>();

        // When
        for (int i = 0; i < 3; i++) {
            TrackedConsumer old = classic.get(i);
            // Taken before closing: a closing classic consumer revokes everything it owns locally.
            revokedWhileOthersUpgraded.add(old.revokedSince(marks.get(old)));
            members.remove(old);
            old.stop();
            TrackedConsumer upgraded = TrackedConsumer.start(broker, "upgrade-instance-" + i, topic, List.of(topic),
                    Map.of(ConsumerConfig.GROUP_PROTOCOL_CONFIG, "consumer",
                            ConsumerConfig.GROUP_INSTANCE_ID_CONFIG, "upgrade-instance-" + i));
            members.add(upgraded);
            await().atMost(TIMEOUT).untilAsserted(() ->
                    assertThat(upgraded.assignment()).isEqualTo(before.get(old)));
        }

        // Then
        assertThat(revokedWhileOthersUpgraded).allSatisfy(revoked -> assertThat(revoked).isEmpty());
        assertThat(members).allSatisfy(member -> {
            assertThat(member.failure()).isEmpty();
            assertThat(member.revokedSince(0)).isEmpty();
        });
        ConsumerGroupDescription group = UpgradeTestSupport.describe(broker, topic);
        assertThat(group.type()).isEqualTo(GroupType.CONSUMER);
        assertThat(group.members()).hasSize(3).allSatisfy(member -> assertThat(member.upgraded()).hasValue(true));
    }

    private static TrackedConsumer staticClassicMember(EmbeddedHandoff broker, String topic, String instanceId) {
        return TrackedConsumer.start(broker, instanceId, topic, List.of(topic), Map.of(
                ConsumerConfig.GROUP_PROTOCOL_CONFIG, "classic",
                ConsumerConfig.PARTITION_ASSIGNMENT_STRATEGY_CONFIG, CooperativeStickyAssignor.class.getName(),
                ConsumerConfig.GROUP_INSTANCE_ID_CONFIG, instanceId,
                ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, 300,
                ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, 30_000));
    }

    private static int groupEpoch(EmbeddedHandoff broker) throws Exception {
        return UpgradeTestSupport.describe(broker, TOPIC).groupEpoch().orElseThrow();
    }

    private static TrackedConsumer staticMember(EmbeddedHandoff broker, String instanceId) {
        return TrackedConsumer.start(broker, instanceId, TOPIC, List.of(TOPIC), Map.of(
                ConsumerConfig.GROUP_PROTOCOL_CONFIG, "consumer",
                ConsumerConfig.GROUP_INSTANCE_ID_CONFIG, instanceId));
    }
}
