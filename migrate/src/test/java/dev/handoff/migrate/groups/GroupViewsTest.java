package dev.handoff.migrate.groups;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberAssignment;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.common.GroupState;
import org.apache.kafka.common.GroupType;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class GroupViewsTest {

    private static final Node COORDINATOR = new Node(1, "broker", 9092);

    @Test
    void consumerGroupMemberShowsItsPendingRevocationAndAssignment() {
        // Given
        MemberDescription member = member("m1", Set.of(tp(0), tp(1)), Optional.of(Set.of(tp(1), tp(2))),
                Optional.of(true));
        ConsumerGroupDescription description = consumerGroup(member);

        // When
        GroupView view = GroupViews.of(description);

        // Then
        assertThat(view.type()).isEqualTo("consumer");
        assertThat(view.groupEpoch()).isEqualTo(7);
        assertThat(view.members()).singleElement().satisfies(m -> {
            assertThat(m.protocol()).isEqualTo(MemberView.CONSUMER);
            assertThat(m.assigned()).containsExactly("orders-0", "orders-1");
            assertThat(m.target()).containsExactly("orders-1", "orders-2");
            assertThat(m.pendingRevocation()).containsExactly("orders-0");
            assertThat(m.pendingAssignment()).containsExactly("orders-2");
        });
    }

    @Test
    void memberThatIsNotUpgradedIsAClassicMemberOfTheConsumerGroup() {
        // Given
        ConsumerGroupDescription description = consumerGroup(
                member("old", Set.of(tp(0)), Optional.of(Set.of(tp(0))), Optional.of(false)),
                member("new", Set.of(tp(1)), Optional.of(Set.of(tp(1))), Optional.of(true)));

        // When
        GroupView view = GroupViews.of(description);

        // Then
        assertThat(view.classicMembers()).extracting(MemberView::memberId).containsExactly("old");
    }

    @Test
    void classicGroupHasNoEpochsAndItsMembersAreClassic() {
        // Given
        ConsumerGroupDescription description = new ConsumerGroupDescription("billing", false,
                List.of(member("c1", Set.of(tp(0)), Optional.empty(), Optional.empty())), "range",
                GroupType.CLASSIC, GroupState.STABLE, COORDINATOR, Set.of(), Optional.empty(), Optional.empty());

        // When
        GroupView view = GroupViews.of(description);

        // Then
        assertThat(view.isClassicGroup()).isTrue();
        assertThat(view.groupEpoch()).isNull();
        assertThat(view.assignor()).isEqualTo("range");
        assertThat(view.members()).singleElement().satisfies(m -> {
            assertThat(m.isClassic()).isTrue();
            assertThat(m.target()).isNull();
            assertThat(m.pendingRevocation()).isEmpty();
        });
    }

    @Test
    void partitionListsAreCompactedPerTopic() {
        // When
        String compact = GroupRenderer.compact(List.of("orders-0", "orders-1", "my-topic-2"));

        // Then
        assertThat(compact).isEqualTo("orders:0,1 my-topic:2");
    }

    @Test
    void topicPartitionNamesParseBackWithDashesInTheTopic() {
        // When
        TopicPartition parsed = GroupInspector.parse("my-topic-12");

        // Then
        assertThat(parsed).isEqualTo(new TopicPartition("my-topic", 12));
    }

    private static ConsumerGroupDescription consumerGroup(MemberDescription... members) {
        return new ConsumerGroupDescription("orders", false, List.of(members), "uniform", GroupType.CONSUMER,
                GroupState.STABLE, COORDINATOR, Set.of(), Optional.of(7), Optional.of(7));
    }

    private static MemberDescription member(String id, Set<TopicPartition> assigned,
                                            Optional<Set<TopicPartition>> target, Optional<Boolean> upgraded) {
        return new MemberDescription(id, Optional.empty(), Optional.empty(), "client-" + id, "/127.0.0.1",
                new MemberAssignment(assigned), target.map(MemberAssignment::new),
                upgraded.isPresent() ? Optional.of(7) : Optional.empty(), upgraded);
    }

    private static TopicPartition tp(int partition) {
        return new TopicPartition("orders", partition);
    }
}
