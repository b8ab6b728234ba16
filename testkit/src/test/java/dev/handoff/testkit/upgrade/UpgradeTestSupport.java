package dev.handoff.testkit.upgrade;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.handoff.testkit.EmbeddedHandoff;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IntSummaryStatistics;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.TopicPartition;

/** Topics, admin calls and group assertions shared by the ITs of issue 5. */
final class UpgradeTestSupport {

    static final Duration TIMEOUT = Duration.ofSeconds(45);

    private UpgradeTestSupport() {
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

    static ConsumerGroupDescription describe(EmbeddedHandoff broker, String groupId) throws Exception {
        try (Admin admin = admin(broker)) {
            return admin.describeConsumerGroups(List.of(groupId)).all()
                    .get(TIMEOUT.toSeconds(), TimeUnit.SECONDS).get(groupId);
        }
    }

    static Set<TopicPartition> partitions(String topic, int count) {
        return IntStream.range(0, count).mapToObj(p -> new TopicPartition(topic, p)).collect(Collectors.toSet());
    }

    /**
     * Waits until the members own every partition of the topic between them, each exactly once, and evenly (counts
     * differ by one at most): partitions move one revocation at a time, so a complete but uneven ownership is a
     * rebalance still in progress.
     */
    static void awaitBalanced(Collection<TrackedConsumer> members, String topic, int partitions) {
        await().atMost(TIMEOUT).untilAsserted(() -> {
            assertThat(members).allSatisfy(m -> assertThat(m.failure()).isEmpty());
            List<Set<TopicPartition>> assignments = members.stream().map(TrackedConsumer::assignment).toList();
            assertThat(assignments.stream().flatMap(Set::stream).toList())
                    .containsExactlyInAnyOrderElementsOf(partitions(topic, partitions));
            IntSummaryStatistics sizes = assignments.stream().mapToInt(Set::size).summaryStatistics();
            assertThat(sizes.getMax() - sizes.getMin()).as("assignment sizes %s", sizes).isLessThanOrEqualTo(1);
        });
    }

    /** The values consumed by the members together. */
    static Set<String> consumed(Collection<TrackedConsumer> members) {
        Set<String> values = new HashSet<>();
        members.forEach(member -> values.addAll(member.consumed()));
        return values;
    }

    /** Each member's current assignment. */
    static Map<TrackedConsumer, Set<TopicPartition>> assignments(Collection<TrackedConsumer> members) {
        Map<TrackedConsumer, Set<TopicPartition>> assignments = new HashMap<>();
        members.forEach(member -> assignments.put(member, member.assignment()));
        return assignments;
    }

    /** Each member's callback count, to look at the callbacks made after this point. */
    static Map<TrackedConsumer, Integer> callbackMarks(Collection<TrackedConsumer> members) {
        Map<TrackedConsumer, Integer> marks = new HashMap<>();
        members.forEach(member -> marks.put(member, member.callbackCount()));
        return marks;
    }

    /**
     * The partitions a member owned both {@code before} and now but revoked in between: with incremental
     * (KIP-848 or cooperative) rebalancing there are none, because only partitions that move are revoked.
     */
    static Set<TopicPartition> keptButRevoked(TrackedConsumer member, Set<TopicPartition> before, int mark) {
        Set<TopicPartition> kept = new HashSet<>(before);
        kept.retainAll(member.assignment());
        kept.retainAll(member.revokedSince(mark));
        return kept;
    }
}
