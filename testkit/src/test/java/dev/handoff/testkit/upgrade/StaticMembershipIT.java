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

    private static int groupEpoch(EmbeddedHandoff broker) throws Exception {
        return UpgradeTestSupport.describe(broker, TOPIC).groupEpoch().orElseThrow();
    }

    private static TrackedConsumer staticMember(EmbeddedHandoff broker, String instanceId) {
        return TrackedConsumer.start(broker, instanceId, TOPIC, List.of(TOPIC), Map.of(
                ConsumerConfig.GROUP_PROTOCOL_CONFIG, "consumer",
                ConsumerConfig.GROUP_INSTANCE_ID_CONFIG, instanceId));
    }
}
