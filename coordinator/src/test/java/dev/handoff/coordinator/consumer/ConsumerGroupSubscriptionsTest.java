package dev.handoff.coordinator.consumer;

import static dev.handoff.coordinator.consumer.ConsumerGroupTestContext.join;
import static dev.handoff.coordinator.consumer.ConsumerGroupTestContext.leave;
import static org.assertj.core.api.Assertions.assertThat;

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
}
