package dev.handoff.migrate.groups;

import dev.handoff.migrate.Futures;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListGroupsOptions;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * Reads groups through the Admin client only, so it works against any Kafka-compatible cluster. Classic groups
 * come back through the same call: the Admin client falls back from ConsumerGroupDescribe to DescribeGroups.
 */
public final class GroupInspector {

    private static final Comparator<TopicPartition> PARTITION_ORDER =
            Comparator.comparing(TopicPartition::topic).thenComparingInt(TopicPartition::partition);

    private final Admin admin;

    public GroupInspector(Admin admin) {
        this.admin = admin;
    }

    /** Classic and consumer groups of the {@code consumer} protocol type, by group id. */
    public List<GroupListingView> list() {
        return Futures.get(admin.listGroups(ListGroupsOptions.forConsumerGroups()).all()).stream()
                .map(GroupViews::of)
                .sorted(Comparator.comparing(GroupListingView::groupId))
                .toList();
    }

    public List<GroupView> describe(Collection<String> groupIds) {
        if (groupIds.isEmpty()) {
            return List.of();
        }
        return Futures.get(admin.describeConsumerGroups(groupIds).all()).values().stream()
                .map(GroupViews::of)
                .sorted(Comparator.comparing(GroupView::groupId))
                .toList();
    }

    public List<GroupView> describeAll() {
        return describe(list().stream().map(GroupListingView::groupId).toList());
    }

    /**
     * The group's committed offsets with the end offsets and lag; partitions a member owns without a commit yet
     * are listed too, with no lag.
     */
    public GroupOffsetsView offsets(String groupId) {
        Map<TopicPartition, OffsetAndMetadata> committed = new HashMap<>(
                Futures.get(admin.listConsumerGroupOffsets(groupId).partitionsToOffsetAndMetadata()));
        Map<TopicPartition, String> owners = owners(describe(List.of(groupId)));
        Map<TopicPartition, Long> ends = endOffsets(union(committed.keySet(), owners.keySet()));
        List<PartitionOffsetView> partitions = ends.entrySet().stream()
                .map(entry -> {
                    TopicPartition tp = entry.getKey();
                    OffsetAndMetadata commit = committed.get(tp);
                    Long offset = commit == null ? null : commit.offset();
                    Long lag = offset == null ? null : Math.max(0, entry.getValue() - offset);
                    return new PartitionOffsetView(tp.topic(), tp.partition(), offset, entry.getValue(), lag,
                            owners.get(tp));
                })
                .toList();
        return GroupOffsetsView.of(groupId, partitions);
    }

    /** Latest offsets, in partition order. */
    public Map<TopicPartition, Long> endOffsets(Collection<TopicPartition> partitions) {
        if (partitions.isEmpty()) {
            return new TreeMap<>(PARTITION_ORDER);
        }
        Map<TopicPartition, OffsetSpec> request = partitions.stream()
                .collect(Collectors.toMap(Function.identity(), tp -> OffsetSpec.latest()));
        Map<TopicPartition, ListOffsetsResultInfo> result = Futures.get(admin.listOffsets(request).all());
        Map<TopicPartition, Long> ends = new TreeMap<>(PARTITION_ORDER);
        result.forEach((tp, info) -> ends.put(tp, info.offset()));
        return ends;
    }

    private static Map<TopicPartition, String> owners(List<GroupView> groups) {
        Map<TopicPartition, String> owners = new HashMap<>();
        for (GroupView group : groups) {
            for (MemberView member : group.members()) {
                for (String name : member.assigned()) {
                    owners.put(parse(name), member.memberId());
                }
            }
        }
        return owners;
    }

    private static List<TopicPartition> union(Collection<TopicPartition> a, Collection<TopicPartition> b) {
        return Stream.concat(a.stream(), b.stream()).distinct().toList();
    }

    /** Reverses {@link TopicPartition#toString()}: the partition follows the last dash. */
    static TopicPartition parse(String name) {
        int dash = name.lastIndexOf('-');
        return new TopicPartition(name.substring(0, dash), Integer.parseInt(name.substring(dash + 1)));
    }
}
