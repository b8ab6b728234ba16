package dev.handoff.testkit.upgrade;

import static dev.handoff.testkit.upgrade.UpgradeTestSupport.TIMEOUT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.handoff.testkit.EmbeddedHandoff;
import dev.handoff.testkit.HandoffExtension;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.SubscriptionPattern;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.InvalidRegularExpression;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Broker-side regex subscriptions (KIP-848, spec §10) with real kafka-clients 4.4 consumers: with
 * {@code group.protocol=consumer}, {@code subscribe(SubscriptionPattern)} sends the RE2/J pattern as
 * SubscribedTopicRegex and the coordinator resolves it against the topics it knows, whereas
 * {@code subscribe(java.util.regex.Pattern)} is still resolved by the client and sent as topic names.
 */
class RegexSubscriptionIT {

    private static final Logger LOGGER = LoggerFactory.getLogger(RegexSubscriptionIT.class);

    private static final int PARTITIONS = 3;

    @RegisterExtension
    static final HandoffExtension HANDOFF = new HandoffExtension()
            .brokerProperty("group.consumer.session.timeout.ms", "10000")
            .brokerProperty("group.consumer.min.session.timeout.ms", "10000")
            .brokerProperty("group.consumer.heartbeat.interval.ms", "500")
            .brokerProperty("group.consumer.min.heartbeat.interval.ms", "500");

    private final List<TrackedConsumer> members = new ArrayList<>();

    @AfterEach
    void stopMembers() {
        members.forEach(TrackedConsumer::stop);
    }

    @Test
    void aMatchingTopicCreatedLaterJoinsTheAssignmentAndIsConsumed(EmbeddedHandoff broker)
            throws Exception {
        // Given
        UpgradeTestSupport.createTopic(broker, "regex-events-a", PARTITIONS);
        UpgradeTestSupport.createTopic(broker, "regex-other", PARTITIONS);
        for (int i = 0; i < 2; i++) {
            members.add(regexMember(broker, "regex-group-" + i, "regex-group", "regex-events-.*"));
        }
        awaitOwnedTogether(Set.of("regex-events-a"));

        // When
        long createdAt = System.nanoTime();
        UpgradeTestSupport.createTopic(broker, "regex-events-b", PARTITIONS);
        awaitOwnedTogether(Set.of("regex-events-a", "regex-events-b"));
        Duration pickedUpAfter = Duration.ofNanos(System.nanoTime() - createdAt);
        Set<String> produced;
        try (SequenceProducer producer = SequenceProducer.start(broker, "regex-events-b", PARTITIONS, "b", 2)) {
            await().atMost(TIMEOUT).until(() -> producer.acknowledged().size() >= 50);
            produced = producer.stop();
        }

        // Then
        await().atMost(TIMEOUT).untilAsserted(() ->
                assertThat(UpgradeTestSupport.consumed(members)).containsAll(produced));
        LOGGER.info("A new topic matching the regex was assigned {} ms after its creation", pickedUpAfter.toMillis());
    }

    @Test
    void aDeletedMatchingTopicLeavesTheAssignmentAndTheOtherTopicStaysOwned(EmbeddedHandoff broker)
            throws Exception {
        // Given
        UpgradeTestSupport.createTopic(broker, "regex-deleted-a", PARTITIONS);
        UpgradeTestSupport.createTopic(broker, "regex-deleted-b", PARTITIONS);
        for (int i = 0; i < 2; i++) {
            members.add(regexMember(broker, "regex-deleted-" + i, "regex-deleted-group", "regex-deleted-.*"));
        }
        awaitOwnedTogether(Set.of("regex-deleted-a", "regex-deleted-b"));

        // When
        long deletedAt = System.nanoTime();
        deleteTopic(broker, "regex-deleted-b");

        // Then
        awaitOwnedTogether(Set.of("regex-deleted-a"));
        LOGGER.info("A deleted topic left the assignment {} ms after its deletion",
                Duration.ofNanos(System.nanoTime() - deletedAt).toMillis());
    }

    @Test
    void anInvalidRegexIsFatalToTheConsumer(EmbeddedHandoff broker) {
        // Given
        TrackedConsumer member = regexMember(broker, "regex-invalid", "regex-invalid-group", "regex-[");
        members.add(member);

        // When
        await().atMost(TIMEOUT).until(() -> member.failure().isPresent());

        // Then
        assertThat(member.failure()).get().isInstanceOf(InvalidRegularExpression.class);
    }

    private void awaitOwnedTogether(Set<String> topics) {
        Set<TopicPartition> expected = new HashSet<>();
        topics.forEach(topic -> expected.addAll(UpgradeTestSupport.partitions(topic, PARTITIONS)));
        await().atMost(TIMEOUT).untilAsserted(() -> {
            assertThat(members).allSatisfy(m -> assertThat(m.failure()).isEmpty());
            assertThat(members.stream().flatMap(m -> m.assignment().stream()).toList())
                    .containsExactlyInAnyOrderElementsOf(expected);
        });
    }

    private static void deleteTopic(EmbeddedHandoff broker, String topic) throws Exception {
        try (Admin admin = UpgradeTestSupport.admin(broker)) {
            admin.deleteTopics(List.of(topic)).all().get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        }
    }

    private static TrackedConsumer regexMember(EmbeddedHandoff broker, String name, String groupId, String regex) {
        return TrackedConsumer.start(broker, name, groupId, new SubscriptionPattern(regex),
                Map.of(ConsumerConfig.GROUP_PROTOCOL_CONFIG, "consumer"));
    }
}
