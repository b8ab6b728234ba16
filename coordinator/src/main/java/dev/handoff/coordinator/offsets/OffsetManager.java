package dev.handoff.coordinator.offsets;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;

import dev.handoff.coordinator.Group;
import dev.handoff.coordinator.GroupCoordinatorConfig;
import dev.handoff.coordinator.GroupRegistry;
import dev.handoff.coordinator.OffsetExpirationCondition;
import dev.handoff.coordinator.record.CoordinatorRecord;
import dev.handoff.coordinator.record.OffsetCommitRecord;
import dev.handoff.coordinator.record.OffsetCommitValue;
import dev.handoff.coordinator.record.Records;
import dev.handoff.coordinator.runtime.Result;
import org.apache.kafka.common.errors.ApiException;
import org.apache.kafka.common.message.OffsetCommitRequestData;
import org.apache.kafka.common.message.OffsetCommitResponseData;
import org.apache.kafka.common.message.OffsetDeleteRequestData;
import org.apache.kafka.common.message.OffsetDeleteResponseData;
import org.apache.kafka.common.message.OffsetFetchRequestData;
import org.apache.kafka.common.message.OffsetFetchResponseData;
import org.apache.kafka.common.protocol.Errors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Committed offsets: OffsetCommit, OffsetFetch, OffsetDelete, retention and cleanup of deleted topics (Kafka's
 * {@code OffsetMetadataManager}). Handlers compute records without touching the state; {@link #replay} applies
 * them. Membership checks are the group's ({@link Group#validateOffsetCommit}).
 *
 * <p>Requests arrive with topic names; the wire handlers resolve v10 topic ids to names before and fill them in
 * after.
 */
public final class OffsetManager {

    private static final Logger LOGGER = LoggerFactory.getLogger(OffsetManager.class);
    /** OffsetCommit v9+ reports an unknown group as such; older versions say ILLEGAL_GENERATION. */
    private static final short FIRST_COMMIT_VERSION_WITH_GROUP_ID_NOT_FOUND = 9;
    private static final long NO_OFFSET = -1L;
    private static final String NO_METADATA = "";

    /** Called when a member's commit was accepted (a classic commit counts as a heartbeat). */
    @FunctionalInterface
    public interface CommitListener {
        void onCommitted(String groupId, String memberId, long nowMs);
    }

    private final GroupRegistry groups;
    private final GroupCoordinatorConfig config;
    private final Consumer<String> simpleGroupCreator;
    private final CommitListener commitListener;
    /** group → topic → partition → committed offset, all sorted so iteration is reproducible. */
    private final Map<String, NavigableMap<String, NavigableMap<Integer, OffsetCommitValue>>> offsets =
        new TreeMap<>();

    /**
     * @param simpleGroupCreator creates the empty "simple" group an offset commit to an unknown group implies
     * @param commitListener     told about every accepted commit
     */
    public OffsetManager(GroupRegistry groups, GroupCoordinatorConfig config, Consumer<String> simpleGroupCreator,
                         CommitListener commitListener) {
        this.groups = groups;
        this.config = config;
        this.simpleGroupCreator = simpleGroupCreator;
        this.commitListener = commitListener;
    }

    // ---- OffsetCommit --------------------------------------------------------------------------------------

    /**
     * @param apiVersion the OffsetCommit version (selects the error for an unknown group)
     * @return one record per accepted partition; a group-level failure is reported on every partition
     */
    public Result<CoordinatorRecord, OffsetCommitResponseData> commit(OffsetCommitRequestData request,
                                                                      short apiVersion, long nowMs) {
        try {
            validateCommit(request, apiVersion);
        } catch (ApiException e) {
            return Result.of(allPartitions(request, Errors.forException(e)));
        }
        List<CoordinatorRecord> records = new ArrayList<>();
        OffsetCommitResponseData response = new OffsetCommitResponseData();
        for (OffsetCommitRequestData.OffsetCommitRequestTopic topic : request.topics()) {
            OffsetCommitResponseData.OffsetCommitResponseTopic topicResponse = topicResponse(topic);
            for (OffsetCommitRequestData.OffsetCommitRequestPartition partition : topic.partitions()) {
                String metadata = partition.committedMetadata() == null ? NO_METADATA : partition.committedMetadata();
                Errors error = metadata.length() > config.offsetMetadataMaxBytes()
                    ? Errors.OFFSET_METADATA_TOO_LARGE : Errors.NONE;
                if (error == Errors.NONE) {
                    records.add(Records.offsetCommit(request.groupId(), topic.name(), partition.partitionIndex(),
                        new OffsetCommitValue(partition.committedOffset(), partition.committedLeaderEpoch(), metadata,
                            nowMs, expireTimestamp(request, nowMs))));
                }
                topicResponse.partitions().add(new OffsetCommitResponseData.OffsetCommitResponsePartition()
                    .setPartitionIndex(partition.partitionIndex())
                    .setErrorCode(error.code()));
            }
            response.topics().add(topicResponse);
        }
        commitListener.onCommitted(request.groupId(), request.memberId(), nowMs);
        return Result.of(records, response);
    }

    private void validateCommit(OffsetCommitRequestData request, short apiVersion) {
        if (request.groupId() == null || request.groupId().isEmpty()) {
            throw Errors.INVALID_GROUP_ID.exception();
        }
        Optional<Group> group = groups.get(request.groupId());
        if (group.isPresent()) {
            group.get().validateOffsetCommit(request.memberId(), request.groupInstanceId(),
                request.generationIdOrMemberEpoch(), apiVersion);
            // KIP-1251: one partition failing its epoch check fails the whole request, as in Kafka 4.4.
            request.topics().forEach(topic -> topic.partitions().forEach(partition ->
                group.get().validateOffsetCommitPartition(request.memberId(), request.generationIdOrMemberEpoch(),
                    topic.name(), partition.partitionIndex())));
        } else if (request.generationIdOrMemberEpoch() >= 0) {
            // A member of a group that does not exist (any more).
            throw apiVersion >= FIRST_COMMIT_VERSION_WITH_GROUP_ID_NOT_FOUND
                ? Errors.GROUP_ID_NOT_FOUND.exception() : Errors.ILLEGAL_GENERATION.exception();
        }
    }

    /** OffsetCommit v2-v4 could ask for a retention of its own; -1 means "use offsets.retention.ms". */
    private static long expireTimestamp(OffsetCommitRequestData request, long nowMs) {
        return request.retentionTimeMs() < 0 ? OffsetCommitValue.NO_EXPIRE_TIMESTAMP
            : nowMs + request.retentionTimeMs();
    }

    private static OffsetCommitResponseData allPartitions(OffsetCommitRequestData request, Errors error) {
        OffsetCommitResponseData response = new OffsetCommitResponseData();
        for (OffsetCommitRequestData.OffsetCommitRequestTopic topic : request.topics()) {
            OffsetCommitResponseData.OffsetCommitResponseTopic topicResponse = topicResponse(topic);
            topic.partitions().forEach(p -> topicResponse.partitions().add(
                new OffsetCommitResponseData.OffsetCommitResponsePartition()
                    .setPartitionIndex(p.partitionIndex())
                    .setErrorCode(error.code())));
            response.topics().add(topicResponse);
        }
        return response;
    }

    private static OffsetCommitResponseData.OffsetCommitResponseTopic topicResponse(
        OffsetCommitRequestData.OffsetCommitRequestTopic topic) {
        return new OffsetCommitResponseData.OffsetCommitResponseTopic()
            .setName(topic.name())
            .setTopicId(topic.topicId());
    }

    // ---- OffsetFetch ---------------------------------------------------------------------------------------

    /**
     * Fetches one group's committed offsets (the v8+ batched shape: one call per group). Null topics means every
     * committed partition. Without transactional offsets nothing is ever pending, so RequireStable never yields
     * UNSTABLE_OFFSET_COMMIT.
     */
    public OffsetFetchResponseData.OffsetFetchResponseGroup fetch(
        OffsetFetchRequestData.OffsetFetchRequestGroup request) {
        OffsetFetchResponseData.OffsetFetchResponseGroup response =
            new OffsetFetchResponseData.OffsetFetchResponseGroup().setGroupId(request.groupId());
        try {
            Optional<Group> group = groups.get(request.groupId());
            if (group.isPresent()) {
                group.get().validateOffsetFetch(request.memberId(), request.memberEpoch());
            }
        } catch (ApiException e) {
            return response.setErrorCode(Errors.forException(e).code());
        }
        NavigableMap<String, NavigableMap<Integer, OffsetCommitValue>> committed =
            offsets.getOrDefault(request.groupId(), new TreeMap<>());
        if (request.topics() == null) {
            committed.forEach((topic, partitions) -> {
                OffsetFetchResponseData.OffsetFetchResponseTopics topicResponse =
                    new OffsetFetchResponseData.OffsetFetchResponseTopics().setName(topic);
                partitions.forEach((partition, value) ->
                    topicResponse.partitions().add(partitionResponse(partition, value)));
                response.topics().add(topicResponse);
            });
            return response;
        }
        for (OffsetFetchRequestData.OffsetFetchRequestTopics topic : request.topics()) {
            OffsetFetchResponseData.OffsetFetchResponseTopics topicResponse =
                new OffsetFetchResponseData.OffsetFetchResponseTopics().setName(topic.name()).setTopicId(topic.topicId());
            NavigableMap<Integer, OffsetCommitValue> partitions = committed.getOrDefault(topic.name(), new TreeMap<>());
            for (int partition : topic.partitionIndexes()) {
                topicResponse.partitions().add(partitionResponse(partition, partitions.get(partition)));
            }
            response.topics().add(topicResponse);
        }
        return response;
    }

    private static OffsetFetchResponseData.OffsetFetchResponsePartitions partitionResponse(int partition,
                                                                                           OffsetCommitValue value) {
        OffsetFetchResponseData.OffsetFetchResponsePartitions response =
            new OffsetFetchResponseData.OffsetFetchResponsePartitions()
                .setPartitionIndex(partition)
                .setErrorCode(Errors.NONE.code());
        if (value == null) {
            return response.setCommittedOffset(NO_OFFSET)
                .setCommittedLeaderEpoch(OffsetCommitValue.NO_LEADER_EPOCH)
                .setMetadata(NO_METADATA);
        }
        return response.setCommittedOffset(value.offset())
            .setCommittedLeaderEpoch(value.leaderEpoch())
            .setMetadata(value.metadata());
    }

    // ---- OffsetDelete --------------------------------------------------------------------------------------

    /** Deletes offsets of a group, except for topics its members consume (GROUP_SUBSCRIBED_TO_TOPIC). */
    public Result<CoordinatorRecord, OffsetDeleteResponseData> delete(OffsetDeleteRequestData request) {
        Optional<Group> group = groups.get(request.groupId());
        if (group.isEmpty()) {
            return Result.of(new OffsetDeleteResponseData().setErrorCode(Errors.GROUP_ID_NOT_FOUND.code()));
        }
        try {
            group.get().validateOffsetDelete();
        } catch (ApiException e) {
            return Result.of(new OffsetDeleteResponseData().setErrorCode(Errors.forException(e).code()));
        }
        List<CoordinatorRecord> records = new ArrayList<>();
        OffsetDeleteResponseData response = new OffsetDeleteResponseData().setErrorCode(Errors.NONE.code());
        for (OffsetDeleteRequestData.OffsetDeleteRequestTopic topic : request.topics()) {
            OffsetDeleteResponseData.OffsetDeleteResponseTopic topicResponse =
                new OffsetDeleteResponseData.OffsetDeleteResponseTopic().setName(topic.name());
            boolean subscribed = group.get().isSubscribedToTopic(topic.name());
            for (OffsetDeleteRequestData.OffsetDeleteRequestPartition partition : topic.partitions()) {
                Errors error = subscribed ? Errors.GROUP_SUBSCRIBED_TO_TOPIC : Errors.NONE;
                if (!subscribed && committed(request.groupId(), topic.name(), partition.partitionIndex()).isPresent()) {
                    records.add(Records.offsetTombstone(request.groupId(), topic.name(), partition.partitionIndex()));
                }
                topicResponse.partitions().add(new OffsetDeleteResponseData.OffsetDeleteResponsePartition()
                    .setPartitionIndex(partition.partitionIndex())
                    .setErrorCode(error.code()));
            }
            response.topics().add(topicResponse);
        }
        return Result.of(records, response);
    }

    /** @return tombstones for every offset of the group (DeleteGroups) */
    public List<CoordinatorRecord> deleteAllOffsets(String groupId) {
        List<CoordinatorRecord> records = new ArrayList<>();
        offsets.getOrDefault(groupId, new TreeMap<>()).forEach((topic, partitions) ->
            partitions.keySet().forEach(partition -> records.add(Records.offsetTombstone(groupId, topic, partition))));
        return records;
    }

    /** @return tombstones for every offset of the deleted topics, in every group */
    public List<CoordinatorRecord> onTopicsDeleted(Collection<String> topics) {
        List<CoordinatorRecord> records = new ArrayList<>();
        offsets.forEach((groupId, byTopic) -> topics.stream().sorted().distinct().forEach(topic -> {
            NavigableMap<Integer, OffsetCommitValue> partitions = byTopic.get(topic);
            if (partitions != null) {
                partitions.keySet().forEach(p -> records.add(Records.offsetTombstone(groupId, topic, p)));
            }
        }));
        return records;
    }

    // ---- retention -----------------------------------------------------------------------------------------

    /**
     * Expires offsets past {@code offsets.retention.ms} (KIP-211: only for empty groups, or for topics a Stable
     * consumer group no longer consumes), then deletes empty groups left without offsets.
     *
     * @return the tombstones to write
     */
    public List<CoordinatorRecord> expire(long nowMs) {
        List<CoordinatorRecord> records = new ArrayList<>();
        for (Group group : List.copyOf(groups.all())) {
            Optional<OffsetExpirationCondition> condition = group.offsetExpirationCondition();
            NavigableMap<String, NavigableMap<Integer, OffsetCommitValue>> committed = offsets.get(group.groupId());
            if (condition.isEmpty()) {
                continue;
            }
            int remaining = 0;
            if (committed != null) {
                for (Map.Entry<String, NavigableMap<Integer, OffsetCommitValue>> topic : committed.entrySet()) {
                    boolean subscribed = group.isSubscribedToTopic(topic.getKey());
                    for (Map.Entry<Integer, OffsetCommitValue> partition : topic.getValue().entrySet()) {
                        if (!subscribed && condition.get().isExpired(partition.getValue(), nowMs,
                            config.offsetsRetentionMs())) {
                            records.add(Records.offsetTombstone(group.groupId(), topic.getKey(), partition.getKey()));
                        } else {
                            remaining++;
                        }
                    }
                }
            }
            if (remaining == 0 && group.isEmpty()) {
                LOGGER.atInfo().addKeyValue("groupId", group.groupId()).log("Deleting empty group without offsets");
                records.addAll(group.deletionRecords());
            }
        }
        return records;
    }

    // ---- state ---------------------------------------------------------------------------------------------

    public void replay(OffsetCommitRecord record) {
        if (record.isTombstone()) {
            NavigableMap<String, NavigableMap<Integer, OffsetCommitValue>> byTopic = offsets.get(record.groupId());
            if (byTopic == null) {
                return;
            }
            NavigableMap<Integer, OffsetCommitValue> partitions = byTopic.get(record.topic());
            if (partitions != null) {
                partitions.remove(record.partition());
                if (partitions.isEmpty()) {
                    byTopic.remove(record.topic());
                }
            }
            if (byTopic.isEmpty()) {
                offsets.remove(record.groupId());
            }
            return;
        }
        simpleGroupCreator.accept(record.groupId());
        offsets.computeIfAbsent(record.groupId(), g -> new TreeMap<>())
            .computeIfAbsent(record.topic(), t -> new TreeMap<>())
            .put(record.partition(), record.value());
    }

    /** @return the committed offset of one partition */
    public Optional<OffsetCommitValue> committed(String groupId, String topic, int partition) {
        return Optional.ofNullable(offsets.getOrDefault(groupId, new TreeMap<>())
            .getOrDefault(topic, new TreeMap<>()).get(partition));
    }

    /** @return true if the group has at least one committed offset */
    public boolean hasOffsets(String groupId) {
        return offsets.containsKey(groupId);
    }
}
