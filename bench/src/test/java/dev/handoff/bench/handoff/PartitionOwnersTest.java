package dev.handoff.bench.handoff;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class PartitionOwnersTest {

    @Test
    void isSettledWhenEveryPartitionIsOwnedInBalancedShares() {
        // Given
        PartitionOwners owners = new PartitionOwners(5);
        owners.assigned("a", partitions(0, 1, 2), 1);
        owners.assigned("b", partitions(3, 4), 2);

        // When
        boolean settled = owners.settled(List.of("a", "b"));

        // Then
        assertThat(settled).isTrue();
    }

    @Test
    void aJoinerWithoutItsShareIsNotSettledYet() {
        // Given
        PartitionOwners owners = new PartitionOwners(4);
        owners.assigned("a", partitions(0, 1), 1);
        owners.assigned("b", partitions(2, 3), 2);

        // When
        boolean settled = owners.settled(List.of("a", "b", "c"));

        // Then
        assertThat(settled).isFalse();
    }

    @Test
    void aPartitionStillHeldByALeaverIsNotSettled() {
        // Given
        PartitionOwners owners = new PartitionOwners(4);
        owners.assigned("a", partitions(0, 1), 1);
        owners.assigned("leaver", partitions(2, 3), 2);

        // When
        boolean settled = owners.settled(List.of("a"));

        // Then
        assertThat(settled).isFalse();
    }

    @Test
    void remembersOnlyChangesAsTheLastChange() {
        // Given
        PartitionOwners owners = new PartitionOwners(2);
        owners.assigned("a", partitions(0, 1), 10);

        // When
        owners.assigned("a", partitions(0), 20);
        owners.released("b", partitions(1), 30);

        // Then
        assertThat(owners.lastChangeNanos()).isEqualTo(10);
    }

    private static List<TopicPartition> partitions(int... numbers) {
        return IntStream.of(numbers).mapToObj(p -> new TopicPartition("t", p)).toList();
    }
}
