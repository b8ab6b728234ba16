package dev.handoff.coordinator.assignor;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.Uuid;

/** Assertions and measures shared by the assignor properties. */
final class AssignmentChecks {

    private AssignmentChecks() {
    }

    /** Every partition of a subscribed topic is owned by exactly one of its subscribers, and nothing else is owned. */
    static void assertExactCover(GroupSpec group, TopicDescriber topics, GroupAssignment result) {
        assertThat(result.members()).hasSize(group.size());
        Map<TopicPartition, String> owners = owners(result);
        int expected = 0;
        Set<Uuid> subscribed = new HashSet<>();
        group.subscriptions().forEach(subscribed::addAll);
        for (Uuid topic : subscribed) {
            expected += topics.numPartitions(topic);
            for (int p = 0; p < topics.numPartitions(topic); p++) {
                assertThat(owners).as("owner of %s-%d", topic, p).containsKey(tp(topic, p));
            }
        }
        assertThat(owners).hasSize(expected);
        for (MemberSpec member : group.members()) {
            assertThat(member.subscribedTopicIds())
                    .containsAll(result.member(member.memberId()).partitions().keySet());
        }
    }

    static Map<TopicPartition, String> owners(GroupAssignment result) {
        Map<TopicPartition, String> owners = new HashMap<>();
        result.members().forEach((memberId, assignment) -> assignment.partitions().forEach((topic, partitions) ->
                partitions.forEach(p -> assertThat(owners.put(tp(topic, p), memberId))
                        .as("second owner of %s-%d", topic, p).isNull())));
        return owners;
    }

    static int spread(GroupAssignment result) {
        int max = Integer.MIN_VALUE;
        int min = Integer.MAX_VALUE;
        for (MemberAssignment assignment : result.members().values()) {
            max = Math.max(max, assignment.totalPartitions());
            min = Math.min(min, assignment.totalPartitions());
        }
        return result.members().isEmpty() ? 0 : max - min;
    }

    /** Partitions that a member held before and another member holds now. */
    static int moved(GroupAssignment before, GroupAssignment after) {
        Map<TopicPartition, String> now = owners(after);
        int moved = 0;
        for (Map.Entry<TopicPartition, String> previous : owners(before).entrySet()) {
            String owner = now.get(previous.getKey());
            if (owner != null && after.members().containsKey(previous.getValue()) && !owner.equals(previous.getValue())) {
                moved++;
            }
        }
        return moved;
    }

    private static TopicPartition tp(Uuid topic, int partition) {
        return new TopicPartition(topic.toString(), partition);
    }
}
