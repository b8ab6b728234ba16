package dev.handoff.migrate.groups;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.GroupListing;
import org.apache.kafka.clients.admin.MemberAssignment;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.common.GroupType;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.TopicPartition;

/** Pure conversions from the Admin client's descriptions to the views the tools print and reason about. */
public final class GroupViews {

    private static final Comparator<TopicPartition> PARTITION_ORDER =
            Comparator.comparing(TopicPartition::topic).thenComparingInt(TopicPartition::partition);

    private GroupViews() {
    }

    public static GroupListingView of(GroupListing listing) {
        return new GroupListingView(
                listing.groupId(),
                listing.type().map(GroupViews::typeName).orElse("unknown"),
                listing.groupState().map(Object::toString).orElse("Unknown"),
                listing.protocol().isEmpty() ? null : listing.protocol());
    }

    public static GroupView of(ConsumerGroupDescription description) {
        boolean consumerGroup = description.type() == GroupType.CONSUMER;
        List<MemberView> members = description.members().stream()
                .map(member -> of(member, consumerGroup))
                .sorted(Comparator.comparing(MemberView::memberId))
                .toList();
        String assignor = description.partitionAssignor();
        return new GroupView(
                description.groupId(),
                typeName(description.type()),
                description.groupState() == null ? "Unknown" : description.groupState().toString(),
                description.groupEpoch().orElse(null),
                description.targetAssignmentEpoch().orElse(null),
                assignor == null || assignor.isEmpty() ? null : assignor,
                describe(description.coordinator()),
                members);
    }

    static MemberView of(MemberDescription member, boolean inConsumerGroup) {
        // upgraded() is false only for a classic member inside a consumer group (ConsumerGroupDescribe v1).
        boolean classic = !inConsumerGroup || !member.upgraded().orElse(true);
        Set<TopicPartition> assigned = member.assignment() == null
                ? Set.of() : member.assignment().topicPartitions();
        Set<TopicPartition> target = member.targetAssignment().map(MemberAssignment::topicPartitions).orElse(null);
        return new MemberView(
                member.consumerId(),
                member.groupInstanceId().orElse(null),
                member.clientId(),
                member.host(),
                classic ? MemberView.CLASSIC : MemberView.CONSUMER,
                member.memberEpoch().orElse(null),
                names(assigned),
                target == null ? null : names(target),
                target == null ? List.of() : names(minus(assigned, target)),
                target == null ? List.of() : names(minus(target, assigned)));
    }

    static String typeName(GroupType type) {
        return type == null ? "unknown" : type.toString().toLowerCase(Locale.ROOT);
    }

    private static Set<TopicPartition> minus(Set<TopicPartition> left, Set<TopicPartition> right) {
        Set<TopicPartition> result = new TreeSet<>(PARTITION_ORDER);
        result.addAll(left);
        result.removeAll(right);
        return result;
    }

    private static List<String> names(Collection<TopicPartition> partitions) {
        return partitions.stream().sorted(PARTITION_ORDER).map(TopicPartition::toString).toList();
    }

    private static String describe(Node node) {
        return node == null || node.isEmpty() ? null : node.host() + ":" + node.port() + " (id: " + node.id() + ")";
    }
}
