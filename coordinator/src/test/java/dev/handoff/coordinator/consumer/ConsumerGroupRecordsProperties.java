package dev.handoff.coordinator.consumer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.SplittableRandom;

import dev.handoff.coordinator.record.ClassicMemberMetadataValue;
import dev.handoff.coordinator.record.ClassicMemberValue.ProtocolValue;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Bytes;

/**
 * A heartbeat decides whether to write a member's records by comparing the members field by field instead of
 * building both persisted values: the answer must be the one the values give.
 */
class ConsumerGroupRecordsProperties {

    private static final int PAIRS = 200;
    private static final List<Uuid> TOPICS = List.of(new Uuid(0L, 1L), new Uuid(0L, 2L));

    @Property(tries = 20)
    void fieldWiseComparisonsAgreeWithThePersistedValues(@ForAll long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        for (int pair = 0; pair < PAIRS; pair++) {
            // Given
            ConsumerGroupMember a = randomMember(random);
            ConsumerGroupMember b = random.nextBoolean() ? randomMember(random) : changeOneField(a, random);

            // When
            boolean sameMetadata = ConsumerGroupRecords.sameMetadata(a, b);
            boolean sameCurrentAssignment = ConsumerGroupRecords.sameCurrentAssignment(a, b);

            // Then
            assertThat(sameMetadata).as("%s vs %s", a, b)
                .isEqualTo(ConsumerGroupRecords.metadataValue(a).equals(ConsumerGroupRecords.metadataValue(b)));
            assertThat(sameCurrentAssignment).as("%s vs %s", a, b).isEqualTo(
                ConsumerGroupRecords.currentAssignmentValue(a).equals(ConsumerGroupRecords.currentAssignmentValue(b)));
        }
    }

    /** Fields drawn from tiny domains, so that two random members are often equal in some or all of them. */
    private static ConsumerGroupMember randomMember(SplittableRandom random) {
        return ConsumerGroupMember.builder("m")
            .instanceId(random.nextBoolean() ? null : "i" + random.nextInt(2))
            .rackId(random.nextBoolean() ? null : "r" + random.nextInt(2))
            .clientId("c" + random.nextInt(2))
            .clientHost("h" + random.nextInt(2))
            .subscribedTopicNames(random.nextBoolean() ? List.of("a") : List.of("a", "b"))
            .subscribedTopicRegex(random.nextBoolean() ? null : "t.*")
            .serverAssignorName(random.nextBoolean() ? null : "range")
            .rebalanceTimeoutMs(random.nextInt(2))
            .classicMemberMetadata(random.nextBoolean() ? null : classicMetadata(random.nextInt(2)))
            .memberEpoch(random.nextInt(3))
            .previousMemberEpoch(random.nextInt(3))
            .state(MemberState.values()[random.nextInt(MemberState.values().length)])
            .assignedPartitions(partitions(random))
            .partitionsPendingRevocation(partitions(random))
            .build();
    }

    private static ConsumerGroupMember changeOneField(ConsumerGroupMember member, SplittableRandom random) {
        ConsumerGroupMember.Builder builder = member.toBuilder();
        switch (random.nextInt(6)) {
            case 0 -> builder.clientHost(member.clientHost() + "x");
            case 1 -> builder.subscribedTopicNames(List.of("b"));
            case 2 -> builder.classicMemberMetadata(classicMetadata(7));
            case 3 -> builder.memberEpoch(member.memberEpoch() + 1);
            case 4 -> builder.assignedPartitions(partitions(random));
            default -> {
                // An identical member: both comparisons must say "same".
            }
        }
        return builder.build();
    }

    private static ClassicMemberMetadataValue classicMetadata(int variant) {
        return new ClassicMemberMetadataValue(45_000, List.of(
            new ProtocolValue("range", Bytes.wrap(new byte[] {(byte) variant}))));
    }

    private static PartitionEpochs partitions(SplittableRandom random) {
        PartitionEpochs.Builder builder = new PartitionEpochs.Builder();
        for (Uuid topic : TOPICS) {
            for (int partition = 0; partition < 2; partition++) {
                if (random.nextInt(3) == 0) {
                    builder.put(topic, partition, random.nextInt(2));
                }
            }
        }
        return builder.build();
    }
}
