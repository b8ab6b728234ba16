package dev.handoff.coordinator.recorder;

import java.util.List;
import java.util.Map;

import org.apache.kafka.common.message.ConsumerGroupHeartbeatRequestData;
import org.junit.jupiter.api.Test;

import static dev.handoff.coordinator.recorder.RecorderTestContext.GROUP;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FlightRecorderBoundsTest {

    @Test
    void keepsOnlyTheNewestEventsOfAGroup() {
        // Given
        RecorderTestContext context = RecorderTestContext.create(new FlightRecorderConfig(true, 3, 10), 4);

        // When
        context.join("a");

        // Then
        Timeline timeline = context.recorder().timeline(GROUP, 0).orElseThrow();
        assertThat(timeline.events()).extracting(RebalanceEvent::sequence).containsExactly(2L, 3L, 4L);
        assertThat(timeline.dropped()).isEqualTo(1);
        assertThat(timeline.lastSequence()).isEqualTo(4);
    }

    @Test
    void dropsTheGroupWhoseNewestEventIsOldestWhenTooManyGroupsAreRecorded() {
        // Given
        RecorderTestContext context = RecorderTestContext.create(new FlightRecorderConfig(true, 100, 1), 4);
        context.join("a");

        // When
        context.heartbeat(new ConsumerGroupHeartbeatRequestData()
            .setGroupId("other").setMemberId("x").setMemberEpoch(0).setRebalanceTimeoutMs(1_000)
            .setSubscribedTopicNames(List.of(RecorderTestContext.TOPIC)).setTopicPartitions(List.of()));

        // Then
        assertThat(context.recorder().groups()).extracting(GroupSummary::groupId).containsExactly("other");
        assertThat(context.recorder().timeline(GROUP, 0)).isEmpty();
    }

    @Test
    void aTimelineAfterASequenceHoldsOnlyNewerEvents() {
        // Given
        RecorderTestContext context = RecorderTestContext.create();
        context.join("a");

        // When
        Timeline newer = context.recorder().timeline(GROUP, 2).orElseThrow();

        // Then
        assertThat(newer.events()).extracting(RebalanceEvent::sequence).containsExactly(3L, 4L);
    }

    @Test
    void configReadsHandoffPropertiesWithDefaults() {
        // Given
        Map<String, String> properties = Map.of(FlightRecorderConfig.ENABLE, "false",
            FlightRecorderConfig.EVENTS_PER_GROUP, "50");

        // When
        FlightRecorderConfig config = FlightRecorderConfig.fromProperties(properties);

        // Then
        assertThat(config).isEqualTo(new FlightRecorderConfig(false, 50, 1_000));
    }

    @Test
    void configRejectsAZeroBound() {
        // Given
        Map<String, String> properties = Map.of(FlightRecorderConfig.GROUPS, "0");

        // When / Then
        assertThatThrownBy(() -> FlightRecorderConfig.fromProperties(properties))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining(FlightRecorderConfig.GROUPS);
    }
}
