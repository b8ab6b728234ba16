package dev.handoff.coordinator.consumer;

import static dev.handoff.coordinator.consumer.ConsumerGroupTestContext.join;
import static dev.handoff.coordinator.consumer.ConsumerGroupTestContext.leave;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import dev.handoff.coordinator.record.ConsumerGroupMetadataRecord;
import dev.handoff.coordinator.record.CoordinatorRecord;
import org.junit.jupiter.api.Test;

/** The group's subscribed topics, counted per member by replay (joins and leaves cost O(the member's topics)). */
class ConsumerGroupSubscriptionsTest {

    private final ConsumerGroupTestContext ctx = ConsumerGroupTestContext.create();

    @Test
    void topicStaysSubscribedUntilItsLastSubscriberLeaves() {
        // Given
        ctx.createTopic("foo", 2);
        ctx.createTopic("bar", 3);
        ctx.heartbeat(join("m1", "foo"));
        ctx.heartbeat(join("m2", "foo", "bar"));
        ctx.heartbeat(join("m3", "bar"));

        // When
        ctx.heartbeat(leave("m2"));
        ctx.heartbeat(leave("m3"));

        // Then
        assertThat(ctx.group().subscribedTopicNames()).containsExactly("foo");
        assertThat(ctx.group().subscribedPartitionCount()).isEqualTo(2);
    }

    @Test
    void joinOnAConsumedTopicKeepsTheGroupEpochsMetadataHash() {
        // Given
        ctx.createTopic("foo", 2);
        ctx.heartbeat(join("m1", "foo"));
        long hash = ctx.group().metadataHash();

        // When
        ctx.heartbeat(join("m2", "foo"));

        // Then
        assertThat(ctx.group().metadataHash()).isEqualTo(hash).isEqualTo(ctx.group().subscribedMetadataHash());
        assertThat(ctx.group().subscribedPartitionCount()).isEqualTo(2);
    }

    @Test
    void countsFollowTheTopicsImageAndSurviveARestart() {
        // Given
        ctx.createTopic("foo", 2);
        ctx.heartbeat(join("m1", "foo", "bar"));
        ctx.heartbeat(join("m2", "bar"));
        ctx.createTopic("bar", 4);
        ctx.heartbeat(leave("m1"));

        // When
        ctx.restart();

        // Then
        assertThat(ctx.group().subscribedTopicNames()).containsExactly("bar");
        assertThat(ctx.group().subscribedPartitionCount()).isEqualTo(4);
    }

    @Test
    void leaveOfATopicsLastSubscriberChangesTheMetadataHash() {
        // Given
        ctx.createTopic("foo", 2);
        ctx.createTopic("bar", 3);
        ctx.heartbeat(join("m1", "foo"));
        ctx.heartbeat(join("m2", "foo", "bar"));
        long hashWithBar = ctx.group().metadataHash();

        // When
        ctx.heartbeat(leave("m2"));

        // Then
        long hashAfter = epochRecordHash(ctx.lastRecords());
        assertThat(hashAfter).isNotEqualTo(hashWithBar)
            .isEqualTo(ctx.resolver().metadataHash(List.of("foo")))
            .isEqualTo(ctx.group().metadataHash());
        assertThat(ctx.group().subscribedTopicNames()).containsExactly("foo");
    }

    @Test
    void leaveOfAMemberWhoseTopicsOthersStillConsumeKeepsTheMetadataHash() {
        // Given
        ctx.createTopic("foo", 2);
        ctx.createTopic("bar", 3);
        ctx.heartbeat(join("m1", "foo", "bar"));
        ctx.heartbeat(join("m2", "bar"));
        long hash = ctx.group().metadataHash();
        int epoch = ctx.group().groupEpoch();

        // When
        ctx.heartbeat(leave("m2"));

        // Then
        assertThat(epochRecordHash(ctx.lastRecords())).isEqualTo(hash);
        assertThat(ctx.group().groupEpoch()).isEqualTo(epoch + 1);
        assertThat(ctx.group().subscribedTopicNames()).containsExactly("bar", "foo");
    }

    @Test
    void subscriptionChangeThatKeepsTheUnionKeepsTheMetadataHash() {
        // Given
        ctx.createTopic("foo", 2);
        ctx.createTopic("bar", 3);
        ctx.heartbeat(join("m1", "foo", "bar"));
        ctx.heartbeat(join("m2", "foo"));
        long hash = ctx.group().metadataHash();

        // When
        ctx.heartbeat(ConsumerGroupTestContext.heartbeat("m2", ctx.member("m2").memberEpoch())
            .setSubscribedTopicNames(List.of("bar")));

        // Then
        assertThat(epochRecordHash(ctx.lastRecords())).isEqualTo(hash);
        assertThat(ctx.group().subscribedTopicNames()).containsExactly("bar", "foo");
    }

    private static long epochRecordHash(List<CoordinatorRecord> records) {
        return records.stream()
            .filter(ConsumerGroupMetadataRecord.class::isInstance)
            .map(ConsumerGroupMetadataRecord.class::cast)
            .reduce((first, second) -> second)
            .orElseThrow(() -> new AssertionError("no group epoch record in " + records))
            .value().metadataHash();
    }
}
