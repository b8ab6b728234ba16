package dev.handoff.server.group;

import dev.handoff.server.handler.ApiHandler;
import dev.handoff.server.handler.RequestContext;
import dev.handoff.server.metadata.TopicMetadata;
import dev.handoff.server.metadata.TopicService;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import org.apache.kafka.common.message.OffsetFetchRequestData;
import org.apache.kafka.common.message.OffsetFetchRequestData.OffsetFetchRequestGroup;
import org.apache.kafka.common.message.OffsetFetchRequestData.OffsetFetchRequestTopics;
import org.apache.kafka.common.message.OffsetFetchResponseData;
import org.apache.kafka.common.message.OffsetFetchResponseData.OffsetFetchResponseGroup;
import org.apache.kafka.common.message.OffsetFetchResponseData.OffsetFetchResponsePartitions;
import org.apache.kafka.common.message.OffsetFetchResponseData.OffsetFetchResponseTopics;
import org.apache.kafka.common.protocol.ApiKeys;
import org.apache.kafka.common.protocol.Errors;
import org.apache.kafka.common.requests.OffsetFetchResponse;

/**
 * OffsetFetch v1-10. The coordinator sees the v8+ shape (a batch of groups, KIP-709); v1-7 name one group and get
 * its answer in the old layout (group errors per partition before v2, when there is no top-level error). v10
 * names topics by id (KIP-848): ids are resolved to names, an unknown id gets UNKNOWN_TOPIC_ID, and when every
 * committed topic is asked for, topics that no longer exist are left out.
 */
final class OffsetFetchHandler implements ApiHandler<OffsetFetchRequestData, OffsetFetchResponseData> {

    private static final short FIRST_VERSION_WITH_TOP_LEVEL_ERROR = 2;
    private static final short FIRST_BATCHED_VERSION = 8;
    private static final short FIRST_VERSION_WITH_TOPIC_IDS = 10;

    private final GroupCoordinatorService coordinator;
    private final TopicService topics;

    OffsetFetchHandler(GroupCoordinatorService coordinator, TopicService topics) {
        this.coordinator = coordinator;
        this.topics = topics;
    }

    @Override
    public ApiKeys apiKey() {
        return ApiKeys.OFFSET_FETCH;
    }

    @Override
    public short minVersion() {
        return 1;
    }

    @Override
    public short maxVersion() {
        return 10;
    }

    @Override
    public CompletionStage<OffsetFetchResponseData> handle(RequestContext context, OffsetFetchRequestData request) {
        short version = context.apiVersion();
        List<OffsetFetchRequestGroup> groups = version >= FIRST_BATCHED_VERSION ? request.groups()
                : List.of(singleGroup(request));
        boolean byId = version >= FIRST_VERSION_WITH_TOPIC_IDS;
        Map<String, List<OffsetFetchResponseTopics>> unknownIds = new HashMap<>();
        OffsetFetchRequestData batched = new OffsetFetchRequestData().setRequireStable(request.requireStable());
        for (OffsetFetchRequestGroup group : groups) {
            batched.groups().add(byId ? resolveIds(group, unknownIds) : group);
        }
        return coordinator.submit("offset-fetch", (shard, nowMs) -> shard.fetchOffsets(batched, nowMs))
                .thenApply(response -> {
                    if (byId) {
                        response.groups().forEach(group -> addTopicIds(group, unknownIds));
                    }
                    return version >= FIRST_BATCHED_VERSION ? response : oldLayout(groups.get(0), response, version);
                });
    }

    private static OffsetFetchRequestGroup singleGroup(OffsetFetchRequestData request) {
        List<OffsetFetchRequestTopics> topics = request.topics() == null ? null : request.topics().stream()
                .map(topic -> new OffsetFetchRequestTopics()
                        .setName(topic.name())
                        .setPartitionIndexes(topic.partitionIndexes()))
                .toList();
        return new OffsetFetchRequestGroup().setGroupId(request.groupId()).setTopics(topics);
    }

    /** Ids become names; partitions of unknown ids are answered here, per group, after the coordinator's answer. */
    private OffsetFetchRequestGroup resolveIds(OffsetFetchRequestGroup group,
                                               Map<String, List<OffsetFetchResponseTopics>> unknownIds) {
        if (group.topics() == null) {
            return group;
        }
        OffsetFetchRequestGroup resolved = group.duplicate().setTopics(new ArrayList<>());
        for (OffsetFetchRequestTopics topic : group.topics()) {
            Optional<TopicMetadata> known = topics.topic(topic.topicId());
            if (known.isPresent()) {
                resolved.topics().add(new OffsetFetchRequestTopics()
                        .setName(known.get().name())
                        .setTopicId(topic.topicId())
                        .setPartitionIndexes(topic.partitionIndexes()));
            } else {
                OffsetFetchResponseTopics unknown = new OffsetFetchResponseTopics().setTopicId(topic.topicId());
                topic.partitionIndexes().forEach(partition -> unknown.partitions().add(
                        new OffsetFetchResponsePartitions()
                                .setPartitionIndex(partition)
                                .setCommittedOffset(OffsetFetchResponse.INVALID_OFFSET)
                                .setMetadata(OffsetFetchResponse.NO_METADATA)
                                .setErrorCode(Errors.UNKNOWN_TOPIC_ID.code())));
                unknownIds.computeIfAbsent(group.groupId(), id -> new ArrayList<>()).add(unknown);
            }
        }
        return resolved;
    }

    private void addTopicIds(OffsetFetchResponseGroup group, Map<String, List<OffsetFetchResponseTopics>> unknownIds) {
        if (group.errorCode() != Errors.NONE.code()) {
            return;
        }
        List<OffsetFetchResponseTopics> withIds = new ArrayList<>();
        for (OffsetFetchResponseTopics topic : group.topics()) {
            topics.topic(topic.name()).ifPresent(known -> withIds.add(topic.setTopicId(known.topicId())));
        }
        withIds.addAll(unknownIds.getOrDefault(group.groupId(), List.of()));
        group.setTopics(withIds);
    }

    private static OffsetFetchResponseData oldLayout(OffsetFetchRequestGroup request, OffsetFetchResponseData response,
                                                     short version) {
        OffsetFetchResponseGroup group = response.groups().get(0);
        if (version < FIRST_VERSION_WITH_TOP_LEVEL_ERROR && group.errorCode() != Errors.NONE.code()) {
            group = OffsetFetchResponse.groupError(request, Errors.forCode(group.errorCode()), version);
        }
        return new OffsetFetchResponse.Builder(group).build(version).data();
    }
}
