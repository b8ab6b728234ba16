package dev.handoff.coordinator.consumer;

import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

import dev.handoff.coordinator.Group;
import dev.handoff.coordinator.OffsetExpirationCondition;
import dev.handoff.coordinator.assignor.MemberAssignment;
import dev.handoff.coordinator.record.ClassicMemberValue.ProtocolValue;
import dev.handoff.coordinator.record.CoordinatorRecord;
import dev.handoff.coordinator.record.Records;
import org.apache.kafka.common.GroupType;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.errors.StaleMemberEpochException;
import org.apache.kafka.common.message.DescribeGroupsResponseData;
import org.apache.kafka.common.protocol.Errors;

/**
 * A KIP-848 consumer group: its epochs, members, target assignment and who owns which partition. Only replay
 * changes it (the {@code apply*} methods, called by {@link ConsumerGroupReplayer}); the heartbeat logic reads it
 * and returns records.
 */
public final class ConsumerGroup implements Group {

    /** Kafka 4.3+ starts a new group at epoch 1, so its first member sees epoch 2. */
    public static final int NEW_GROUP_EPOCH = 1;
    public static final String PROTOCOL_TYPE = "consumer";
    private static final int NOT_OWNED = -1;
    /** OffsetCommit v9 is the first a consumer-protocol member may use (KIP-848). */
    private static final short FIRST_COMMIT_VERSION_FOR_CONSUMER_MEMBERS = 9;

    private final String groupId;
    private final SubscriptionResolver topics;
    private int groupEpoch = NEW_GROUP_EPOCH;
    private long metadataHash;
    private int assignmentEpoch = NEW_GROUP_EPOCH;
    private long assignedAtMs;
    private final SortedMap<String, ConsumerGroupMember> members = new TreeMap<>();
    private final SortedMap<String, MemberAssignment> targetAssignment = new TreeMap<>();
    private int targetPartitionCount;
    private final Map<String, String> staticMembers = new HashMap<>();
    /** topic id → partition → epoch of the member holding it (assigned or pending revocation). */
    private final Map<Uuid, Map<Integer, Integer>> partitionOwnerEpochs = new HashMap<>();
    /**
     * How many members subscribe to each topic name (regexes resolved against {@link #subscriptionsImage}), kept up to
     * date by replay so that a join or leave costs O(the member's topics), not O(group).
     */
    private final Map<String, Integer> subscriberCounts = new HashMap<>();
    /**
     * The members' subscribed topic names, their metadata hash and partition count, cached for the image they were
     * computed on so a heartbeat that changes nothing costs O(1); dropped when the union of the names changes.
     */
    private SortedSet<String> subscribedTopicNames;
    private long subscribedMetadataHash;
    private int subscribedPartitionCount;
    private TopicsImage subscriptionsImage;
    /** How many members ask for each server assignor, kept by replay so the vote over assignors costs O(1). */
    private final Map<String, Integer> assignorVotes = new HashMap<>();
    /** How many members use the classic protocol, kept by replay so a leave checks for a downgrade in O(1). */
    private int classicMemberCount;
    /** For each classic protocol name (an assignor, e.g. {@code range}), how many classic members offer it. */
    private final Map<String, Integer> classicProtocolOffers = new HashMap<>();

    /**
     * @param topics resolves subscriptions against the current topics (for {@link #isSubscribedToTopic} and
     *               KIP-1251 commit checks, which name topics)
     */
    public ConsumerGroup(String groupId, SubscriptionResolver topics) {
        this.groupId = groupId;
        this.topics = topics;
    }

    @Override
    public String groupId() {
        return groupId;
    }

    @Override
    public GroupType type() {
        return GroupType.CONSUMER;
    }

    public int groupEpoch() {
        return groupEpoch;
    }

    /** The hash of the subscribed topics' metadata at the group epoch (KIP-1101). */
    public long metadataHash() {
        return metadataHash;
    }

    /** The group epoch the target assignment was computed for. */
    public int assignmentEpoch() {
        return assignmentEpoch;
    }

    /** When the target assignment was last computed; 0 if the next one may run at once (KIP-1263). */
    public long assignedAtMs() {
        return assignedAtMs;
    }

    /** Members by member id. */
    public SortedMap<String, ConsumerGroupMember> members() {
        return Collections.unmodifiableSortedMap(members);
    }

    public Optional<ConsumerGroupMember> member(String memberId) {
        return Optional.ofNullable(members.get(memberId));
    }

    public int size() {
        return members.size();
    }

    /** The member id registered for a static instance id. */
    public Optional<String> staticMemberId(String instanceId) {
        return Optional.ofNullable(staticMembers.get(instanceId));
    }

    /** The target assignment of one member; empty if it has none. */
    public MemberAssignment targetAssignment(String memberId) {
        return targetAssignment.getOrDefault(memberId, MemberAssignment.EMPTY);
    }

    public boolean hasTargetAssignment(String memberId) {
        return targetAssignment.containsKey(memberId);
    }

    /** The number of partitions in the target assignment, all members together. */
    public int targetPartitionCount() {
        return targetPartitionCount;
    }

    /** The union of the members' subscribed topic names (regexes resolved against the current topics). */
    public SortedSet<String> subscribedTopicNames() {
        refreshSubscriptions();
        return Collections.unmodifiableSortedSet(subscribedTopicNames);
    }

    /** The metadata hash of {@link #subscribedTopicNames()} against the current topics (KIP-1101). */
    public long subscribedMetadataHash() {
        refreshSubscriptions();
        return subscribedMetadataHash;
    }

    /** The number of partitions of the existing topics among {@link #subscribedTopicNames()}. */
    public int subscribedPartitionCount() {
        refreshSubscriptions();
        return subscribedPartitionCount;
    }

    /**
     * The union of the members' subscribed topic names once {@code leaving} members are gone and {@code joining}
     * ones are in (a member in both lists changes its subscription): O(their topics), not O(group).
     *
     * @return empty if the union stays {@link #subscribedTopicNames()}, whose hash and partition count are cached
     */
    public Optional<SortedSet<String>> subscribedTopicNamesAfter(Collection<ConsumerGroupMember> leaving,
                                                                 Collection<ConsumerGroupMember> joining) {
        refreshSubscriptions();
        Map<String, Integer> deltas = new HashMap<>();
        leaving.forEach(member -> topics.topicNames(member).forEach(name -> deltas.merge(name, -1, Integer::sum)));
        joining.forEach(member -> topics.topicNames(member).forEach(name -> deltas.merge(name, 1, Integer::sum)));
        SortedSet<String> after = null;
        for (Map.Entry<String, Integer> delta : deltas.entrySet()) {
            int before = subscriberCounts.getOrDefault(delta.getKey(), 0);
            boolean subscribedAfter = before + delta.getValue() > 0;
            if (subscribedAfter != before > 0) {
                if (after == null) {
                    after = new TreeSet<>(subscribedTopicNames);
                }
                if (subscribedAfter) {
                    after.add(delta.getKey());
                } else {
                    after.remove(delta.getKey());
                }
            }
        }
        return Optional.ofNullable(after);
    }

    /** The number of members that use the classic protocol (JoinGroup/SyncGroup, spec §17). */
    public int classicMemberCount() {
        return classicMemberCount;
    }

    /** How many classic members offer the named classic protocol in their JoinGroup; O(1). */
    public int classicMembersOffering(String protocolName) {
        return classicProtocolOffers.getOrDefault(protocolName, 0);
    }

    /** How many members ask for each server assignor by name; members that ask for none are not counted. */
    public Map<String, Integer> assignorVotes() {
        return Collections.unmodifiableMap(assignorVotes);
    }

    private void refreshSubscriptions() {
        if (subscriptionsImage != topics.image()) {
            subscriptionsImage = topics.image();
            subscriberCounts.clear();
            members.values().forEach(member -> countSubscriptions(member, 1));
            subscribedTopicNames = null;
        }
        if (subscribedTopicNames == null) {
            subscribedTopicNames = new TreeSet<>(subscriberCounts.keySet());
            subscribedMetadataHash = topics.metadataHash(subscribedTopicNames);
            subscribedPartitionCount = topics.partitionCount(subscribedTopicNames);
        }
    }

    /** Counts a member's topics in (+1) or out (-1); the cached union is dropped only when a name comes or goes. */
    private void countSubscriptions(ConsumerGroupMember member, int delta) {
        for (String name : topics.topicNames(member)) {
            int count = subscriberCounts.merge(name, delta, Integer::sum);
            if (count == 0) {
                subscriberCounts.remove(name);
                subscribedTopicNames = null;
            } else if (count == 1 && delta > 0) {
                subscribedTopicNames = null;
            }
        }
    }

    /** Replay's side of {@link #countSubscriptions}: counts computed on another image are rebuilt at the next read. */
    private void recountSubscriptions(ConsumerGroupMember old, ConsumerGroupMember member) {
        if (subscriptionsImage != topics.image()) {
            return;
        }
        if (old != null) {
            countSubscriptions(old, -1);
        }
        if (member != null) {
            countSubscriptions(member, 1);
        }
    }

    /** Which member epoch holds a partition now (assigned or pending revocation), -1 if nobody. */
    public PartitionEpochLookup partitionOwners() {
        return (topicId, partition) -> {
            Map<Integer, Integer> topic = partitionOwnerEpochs.get(topicId);
            Integer epoch = topic == null ? null : topic.get(partition);
            return epoch == null ? NOT_OWNED : epoch;
        };
    }

    public ConsumerGroupState state() {
        if (members.isEmpty()) {
            return ConsumerGroupState.EMPTY;
        }
        if (groupEpoch > assignmentEpoch) {
            return ConsumerGroupState.ASSIGNING;
        }
        for (ConsumerGroupMember member : members.values()) {
            if (member.memberEpoch() != assignmentEpoch || member.state() != MemberState.STABLE) {
                return ConsumerGroupState.RECONCILING;
            }
        }
        return ConsumerGroupState.STABLE;
    }

    // ---- Group ---------------------------------------------------------------------------------------------

    @Override
    public String stateName() {
        return state().kafkaName();
    }

    @Override
    public String protocolTypeOrEmpty() {
        return PROTOCOL_TYPE;
    }

    @Override
    public boolean isEmpty() {
        return members.isEmpty();
    }

    /** Spec §14: member epochs replace generations; consumer-protocol members need OffsetCommit v9+. */
    @Override
    public void validateOffsetCommit(String memberId, String groupInstanceId, int generationIdOrMemberEpoch,
                                     short apiVersion) {
        if (generationIdOrMemberEpoch < 0 && members.isEmpty()) {
            // Admin tools and manually assigned consumers commit without membership.
            return;
        }
        ConsumerGroupMember member = existingMember(memberId);
        if (member.usesClassicProtocol()) {
            // A classic member commits with its generation, which is its member epoch, at any version (spec §17).
            if (generationIdOrMemberEpoch != member.memberEpoch()) {
                throw Errors.ILLEGAL_GENERATION.exception("The generation " + generationIdOrMemberEpoch
                    + " does not match the epoch " + member.memberEpoch() + " of classic member " + memberId);
            }
            return;
        }
        if (apiVersion < FIRST_COMMIT_VERSION_FOR_CONSUMER_MEMBERS) {
            throw Errors.UNSUPPORTED_VERSION.exception("OffsetCommit v" + apiVersion + " cannot be used by members"
                + " of consumer groups; v" + FIRST_COMMIT_VERSION_FOR_CONSUMER_MEMBERS + "+ is required");
        }
        if (generationIdOrMemberEpoch > member.memberEpoch()) {
            throw staleEpoch(generationIdOrMemberEpoch, member);
        }
    }

    /**
     * KIP-1251 (Kafka 4.2+): a commit from an older epoch than the member's is accepted for a partition the member
     * still holds (assigned or pending revocation) since that epoch or earlier.
     */
    @Override
    public void validateOffsetCommitPartition(String memberId, int generationIdOrMemberEpoch, String topic,
                                              int partition) {
        if (generationIdOrMemberEpoch < 0 && members.isEmpty()) {
            return;
        }
        ConsumerGroupMember member = existingMember(memberId);
        if (generationIdOrMemberEpoch == member.memberEpoch()) {
            return;
        }
        Optional<Uuid> topicId = topics.image().topic(topic).map(TopicImage::id);
        int givenAt = topicId.map(id -> Math.max(member.assignedPartitions().epochOf(id, partition),
            member.partitionsPendingRevocation().epochOf(id, partition))).orElse(NOT_OWNED);
        if (givenAt == NOT_OWNED || generationIdOrMemberEpoch < givenAt) {
            throw staleEpoch(generationIdOrMemberEpoch, member);
        }
    }

    /** Spec §14: from OffsetFetch v9 a member must name its exact current epoch. */
    @Override
    public void validateOffsetFetch(String memberId, int memberEpoch) {
        if (memberId == null && memberEpoch < 0) {
            return;
        }
        ConsumerGroupMember member = existingMember(memberId);
        if (memberEpoch != member.memberEpoch()) {
            throw staleEpoch(memberEpoch, member);
        }
    }

    @Override
    public void validateOffsetDelete() {
        // Per topic: offsets of subscribed topics are protected by isSubscribedToTopic.
    }

    @Override
    public void validateDeleteGroup() {
        if (!members.isEmpty()) {
            throw Errors.NON_EMPTY_GROUP.exception();
        }
    }

    @Override
    public boolean isSubscribedToTopic(String topic) {
        return subscribedTopicNames().contains(topic);
    }

    /** Offsets of topics the group no longer consumes expire counting from their commit. */
    @Override
    public Optional<OffsetExpirationCondition> offsetExpirationCondition() {
        return Optional.of((offset, nowMs, retentionMs) ->
            OffsetExpirationCondition.isExpired(offset, offset.commitTimestampMs(), nowMs, retentionMs));
    }

    /** Kafka's order for deleting a consumer group: target assignment epoch, then the group itself. */
    @Override
    public List<CoordinatorRecord> deletionRecords() {
        return List.of(Records.consumerTargetAssignmentEpochTombstone(groupId), Records.consumerGroupTombstone(groupId));
    }

    /** A consumer group is invisible to the classic DescribeGroups API: it reports {@code Dead} (spec §15). */
    @Override
    public DescribeGroupsResponseData.DescribedGroup describe() {
        return new DescribeGroupsResponseData.DescribedGroup()
            .setGroupId(groupId)
            .setGroupState(ConsumerGroupState.DEAD.kafkaName());
    }

    private ConsumerGroupMember existingMember(String memberId) {
        ConsumerGroupMember member = memberId == null ? null : members.get(memberId);
        if (member == null) {
            throw Errors.UNKNOWN_MEMBER_ID.exception("Member " + memberId + " is not a member of group " + groupId);
        }
        return member;
    }

    private StaleMemberEpochException staleEpoch(int epoch, ConsumerGroupMember member) {
        return new StaleMemberEpochException("The member epoch " + epoch + " does not match the epoch "
            + member.memberEpoch() + " of member " + member.memberId() + " in group " + groupId);
    }

    // ---- replay --------------------------------------------------------------------------------------------

    void applyGroupEpoch(int epoch, long hash) {
        this.groupEpoch = epoch;
        this.metadataHash = hash;
    }

    void applyAssignmentEpoch(int epoch, long atMs) {
        this.assignmentEpoch = epoch;
        this.assignedAtMs = atMs;
    }

    void applyTargetAssignment(String memberId, MemberAssignment assignment) {
        MemberAssignment old = assignment == null
            ? targetAssignment.remove(memberId) : targetAssignment.put(memberId, assignment);
        targetPartitionCount += (assignment == null ? 0 : assignment.totalPartitions())
            - (old == null ? 0 : old.totalPartitions());
    }

    /** Adds or replaces a member, keeping the static-member index and the partition owners in step. */
    void applyMember(ConsumerGroupMember member) {
        ConsumerGroupMember old = members.put(member.memberId(), member);
        if (old == null || !sameSubscription(old, member)) {
            recountSubscriptions(old, member);
        }
        if (old == null || !old.serverAssignorName().equals(member.serverAssignorName())) {
            countAssignorVote(old, -1);
            countAssignorVote(member, 1);
        }
        classicMemberCount += classicCount(member) - classicCount(old);
        countClassicProtocols(old, -1);
        countClassicProtocols(member, 1);
        if (old != null) {
            old.instanceId().ifPresent(instanceId -> staticMembers.remove(instanceId, old.memberId()));
            forEachOwned(old, (topicId, partition) -> {
                Map<Integer, Integer> topic = partitionOwnerEpochs.get(topicId);
                if (topic != null) {
                    topic.remove(partition);
                    if (topic.isEmpty()) {
                        partitionOwnerEpochs.remove(topicId);
                    }
                }
            });
        }
        member.instanceId().ifPresent(instanceId -> staticMembers.put(instanceId, member.memberId()));
        forEachOwned(member, (topicId, partition) ->
            partitionOwnerEpochs.computeIfAbsent(topicId, t -> new HashMap<>()).put(partition, member.memberEpoch()));
    }

    void removeMember(String memberId) {
        ConsumerGroupMember old = members.get(memberId);
        if (old == null) {
            return;
        }
        applyMember(old.toBuilder().assignedPartitions(PartitionEpochs.EMPTY)
            .partitionsPendingRevocation(PartitionEpochs.EMPTY).instanceId(null).build());
        members.remove(memberId);
        recountSubscriptions(old, null);
        countAssignorVote(old, -1);
        classicMemberCount -= classicCount(old);
        countClassicProtocols(old, -1);
    }

    private static int classicCount(ConsumerGroupMember member) {
        return member != null && member.usesClassicProtocol() ? 1 : 0;
    }

    private void countClassicProtocols(ConsumerGroupMember member, int delta) {
        if (member != null && member.usesClassicProtocol()) {
            member.classicMemberMetadata().orElseThrow().protocols().stream()
                .map(ProtocolValue::name)
                .distinct()
                .forEach(name -> {
                    if (classicProtocolOffers.merge(name, delta, Integer::sum) == 0) {
                        classicProtocolOffers.remove(name);
                    }
                });
        }
    }

    private void countAssignorVote(ConsumerGroupMember member, int delta) {
        if (member != null) {
            member.serverAssignorName().ifPresent(name -> {
                if (assignorVotes.merge(name, delta, Integer::sum) == 0) {
                    assignorVotes.remove(name);
                }
            });
        }
    }

    private static boolean sameSubscription(ConsumerGroupMember a, ConsumerGroupMember b) {
        return a.subscribedTopicNames().equals(b.subscribedTopicNames())
            && a.subscribedTopicRegex().equals(b.subscribedTopicRegex());
    }

    private static void forEachOwned(ConsumerGroupMember member, PartitionVisitor visitor) {
        for (PartitionEpochs owned : List.of(member.assignedPartitions(), member.partitionsPendingRevocation())) {
            owned.epochs().forEach((topicId, partitions) -> partitions.keySet().forEach(p -> visitor.visit(topicId, p)));
        }
    }

    @FunctionalInterface
    private interface PartitionVisitor {
        void visit(Uuid topicId, int partition);
    }
}
