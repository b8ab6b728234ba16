package dev.handoff.migrate.playbook;

import dev.handoff.migrate.Futures;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.GroupListing;
import org.apache.kafka.clients.admin.ListGroupsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.GroupType;
import org.apache.kafka.common.TopicPartition;

/**
 * Carries group positions across a direct cutover. Offsets on two clusters are unrelated numbers, so a source
 * offset is never copied. What does carry over is the fact that a group was consuming a partition: on the target
 * it starts at the start of the log of a topic {@code copy-topics} created, which holds only what producers wrote
 * after the cutover. Without this, a consumer with {@code auto.offset.reset=latest} skips whatever was produced
 * to the target before it first joined. Groups that already committed on the target are left alone.
 */
public final class OffsetTranslator {

    /**
     * @param groupId  the group
     * @param offsets  what was committed on the target, by partition
     * @param skipped  why nothing was committed, or {@code null}
     */
    public record Translation(String groupId, Map<String, Long> offsets, String skipped) {
    }

    private final Admin source;
    private final Admin target;

    public OffsetTranslator(Admin source, Admin target) {
        this.source = source;
        this.target = target;
    }

    /** Commits the target's log start offsets for every source group that committed on {@code createdTopics}. */
    public List<Translation> translate(Collection<String> createdTopics) {
        Set<String> topics = Set.copyOf(createdTopics);
        List<String> groups = Futures.get(source.listGroups(ListGroupsOptions.forConsumerGroups()
                        .withTypes(Set.of(GroupType.CLASSIC, GroupType.CONSUMER))).all()).stream()
                .map(GroupListing::groupId).sorted().toList();
        List<Translation> translations = new ArrayList<>();
        for (String groupId : groups) {
            Set<TopicPartition> consumed = Futures.get(source.listConsumerGroupOffsets(groupId)
                            .partitionsToOffsetAndMetadata()).keySet().stream()
                    .filter(tp -> topics.contains(tp.topic()))
                    .collect(Collectors.toSet());
            if (!consumed.isEmpty()) {
                translations.add(translate(groupId, consumed));
            }
        }
        return translations;
    }

    private Translation translate(String groupId, Set<TopicPartition> partitions) {
        Map<TopicPartition, OffsetAndMetadata> already =
                Futures.get(target.listConsumerGroupOffsets(groupId).partitionsToOffsetAndMetadata());
        if (already.values().stream().anyMatch(o -> o != null)) {
            return new Translation(groupId, Map.of(), "already has committed offsets on the target");
        }
        Map<TopicPartition, OffsetSpec> request = partitions.stream()
                .collect(Collectors.toMap(Function.identity(), tp -> OffsetSpec.earliest()));
        Map<TopicPartition, OffsetAndMetadata> starts = new HashMap<>();
        Futures.get(target.listOffsets(request).all())
                .forEach((tp, info) -> starts.put(tp, new OffsetAndMetadata(info.offset(), "handoff migrate")));
        Futures.get(target.alterConsumerGroupOffsets(groupId, starts).all());
        Map<String, Long> committed = new TreeMap<>();
        starts.forEach((tp, offset) -> committed.put(tp.toString(), offset.offset()));
        return new Translation(groupId, committed, null);
    }
}
