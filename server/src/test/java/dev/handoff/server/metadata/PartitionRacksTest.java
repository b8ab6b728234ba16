package dev.handoff.server.metadata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.handoff.coordinator.consumer.TopicImage;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PartitionRacksTest {

    private static final TopicMetadata ORDERS = new TopicMetadata("orders", new Uuid(1L, 1L), 5, Map.of(), false);
    private static final TopicMetadata OFFSETS =
            new TopicMetadata("__consumer_offsets", new Uuid(2L, 2L), 2, Map.of(), true);

    @Test
    void topicEntryCyclesThroughItsRacksByPartition() {
        // Given
        PartitionRacks racks = PartitionRacks.fromProperties(Map.of("handoff.partition.racks.orders", "r0, r1"));

        // When
        TopicImage image = racks.topicImage(ORDERS);

        // Then
        assertThat(image.partitionRacks())
                .containsExactly(Set.of("r0"), Set.of("r1"), Set.of("r0"), Set.of("r1"), Set.of("r0"));
        assertThat(image.id()).isEqualTo(ORDERS.topicId());
        assertThat(image.partitionCount()).isEqualTo(5);
    }

    @Test
    void entryMayPlacePartitionOnSeveralRacks() {
        // Given
        PartitionRacks racks = PartitionRacks.fromProperties(Map.of("handoff.partition.racks.orders", "r0|r1,r1|r2"));

        // When
        TopicImage image = racks.topicImage(ORDERS);

        // Then
        assertThat(image.racks(0)).containsExactlyInAnyOrder("r0", "r1");
        assertThat(image.racks(1)).containsExactlyInAnyOrder("r1", "r2");
    }

    @Test
    void brokerWideMapAppliesToTopicsWithoutTheirOwnButNotToInternalTopics() {
        // Given
        PartitionRacks racks = PartitionRacks.fromProperties(Map.of(
                "handoff.partition.racks", "a,b,c", "handoff.partition.racks.payments", "z"));
        TopicMetadata payments = new TopicMetadata("payments", new Uuid(3L, 3L), 2, Map.of(), false);

        // When
        List<TopicImage> images = List.of(racks.topicImage(ORDERS), racks.topicImage(payments),
                racks.topicImage(OFFSETS));

        // Then
        assertThat(images.get(0).racks(4)).containsExactly("b");
        assertThat(images.get(1).partitionRacks()).containsExactly(Set.of("z"), Set.of("z"));
        assertThat(images.get(2).partitionRacks()).isEmpty();
    }

    @Test
    void withoutRackMapPartitionsHaveNoRacks() {
        // Given
        PartitionRacks racks = PartitionRacks.fromProperties(Map.of("broker.rack", "r0"));

        // When
        TopicImage image = racks.topicImage(ORDERS);

        // Then
        assertThat(image).isEqualTo(TopicImage.of(ORDERS.topicId(), "orders", 5));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "r0,,r1", "r0|", " , "})
    void emptyEntryOrRackIsAConfigurationError(String value) {
        // When / Then
        assertThatThrownBy(() -> PartitionRacks.fromProperties(Map.of("handoff.partition.racks.orders", value)))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("handoff.partition.racks.orders");
    }
}
