package dev.handoff.coordinator.classic;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import dev.handoff.coordinator.Group;
import dev.handoff.coordinator.OffsetExpirationCondition;
import dev.handoff.coordinator.record.ClassicGroupValue;
import dev.handoff.coordinator.record.ClassicMemberValue;
import dev.handoff.coordinator.record.ClassicMemberValue.ProtocolValue;
import dev.handoff.coordinator.record.CoordinatorRecord;
import dev.handoff.coordinator.record.Records;
import org.apache.kafka.clients.consumer.internals.ConsumerProtocol;
import org.apache.kafka.common.GroupType;
import org.apache.kafka.common.message.DescribeGroupsResponseData;
import org.apache.kafka.common.message.JoinGroupResponseData.JoinGroupResponseMember;
import org.apache.kafka.common.protocol.Errors;
import org.apache.kafka.common.utils.Bytes;

/**
 * A classic group (JoinGroup/SyncGroup protocol): its state, generation, selected protocol, leader and members.
 * The protocol logic lives in {@link ClassicGroupManager}; this class keeps the bookkeeping consistent (leader,
 * static member index, pending members).
 */
public final class ClassicGroup implements Group {

    /** The protocol type whose metadata is a ConsumerProtocolSubscription the broker may read. */
    static final String CONSUMER_PROTOCOL_TYPE = "consumer";

    private final String groupId;
    private ClassicGroupState state = ClassicGroupState.EMPTY;
    private ClassicGroupState previousState = ClassicGroupState.EMPTY;
    private long currentStateTimestampMs = -1L;
    private int generationId;
    private String protocolType;
    private String protocolName;
    private String leaderId;
    private final Map<String, ClassicGroupMember> members = new LinkedHashMap<>();
    private final Map<String, String> staticMembers = new LinkedHashMap<>();
    /** Members that got MEMBER_ID_REQUIRED and have not rejoined yet (KIP-394). */
    private final Set<String> pendingMembers = new LinkedHashSet<>();
    /** Members that have not sent SyncGroup since the join phase completed. */
    private final Set<String> pendingSyncMembers = new LinkedHashSet<>();
    private boolean newMemberAdded;
    /**
     * How many members list each protocol name, and how many have a parked JoinGroup: kept as members come, go
     * and rejoin, so that a JoinGroup costs O(1) in the group's size instead of a scan (10,000-member groups).
     */
    private final Map<String, Integer> protocolSupport = new HashMap<>();
    private int awaitingJoinCount;
    private Optional<Set<String>> subscribedTopics = Optional.of(Set.of());

    ClassicGroup(String groupId) {
        this.groupId = groupId;
    }

    static ClassicGroup fromValue(String groupId, ClassicGroupValue value) {
        ClassicGroup group = new ClassicGroup(groupId);
        group.generationId = value.generationId();
        group.protocolType = value.protocolType();
        group.protocolName = value.protocolName();
        for (ClassicMemberValue memberValue : value.members()) {
            group.add(ClassicGroupMember.fromValue(memberValue, value.protocolType()));
        }
        group.leaderId = value.leaderId();
        group.state = group.members.isEmpty() ? ClassicGroupState.EMPTY : ClassicGroupState.STABLE;
        group.previousState = group.state;
        group.currentStateTimestampMs = value.currentStateTimestampMs();
        group.subscribedTopics = group.computeSubscribedTopics();
        return group;
    }

    /** @return the persisted form of this group, with the members' current assignments */
    ClassicGroupValue toValue() {
        return new ClassicGroupValue(protocolType, generationId, protocolName, leaderId, currentStateTimestampMs,
            members.values().stream().map(ClassicGroupMember::toValue).toList());
    }

    @Override
    public String groupId() {
        return groupId;
    }

    @Override
    public GroupType type() {
        return GroupType.CLASSIC;
    }

    public ClassicGroupState state() {
        return state;
    }

    ClassicGroupState previousState() {
        return previousState;
    }

    boolean isInState(ClassicGroupState candidate) {
        return state == candidate;
    }

    void transitionTo(ClassicGroupState target, long nowMs) {
        if (!target.canFollow(state)) {
            throw new IllegalStateException("Group " + groupId + " cannot go from " + state + " to " + target);
        }
        previousState = state;
        state = target;
        currentStateTimestampMs = nowMs;
    }

    public int generationId() {
        return generationId;
    }

    Optional<String> protocolType() {
        return Optional.ofNullable(protocolType);
    }

    Optional<String> protocolName() {
        return Optional.ofNullable(protocolName);
    }

    String leaderOrNull() {
        return leaderId;
    }

    boolean isLeader(String memberId) {
        return memberId.equals(leaderId);
    }

    // ---- membership ----------------------------------------------------------------------------------------

    boolean hasMember(String memberId) {
        return members.containsKey(memberId);
    }

    ClassicGroupMember member(String memberId) {
        ClassicGroupMember member = members.get(memberId);
        if (member == null) {
            throw new IllegalStateException("No member " + memberId + " in group " + groupId);
        }
        return member;
    }

    Collection<ClassicGroupMember> members() {
        return members.values();
    }

    int size() {
        return members.size();
    }

    String staticMemberId(String groupInstanceId) {
        return groupInstanceId == null ? null : staticMembers.get(groupInstanceId);
    }

    void add(ClassicGroupMember member) {
        if (members.isEmpty()) {
            protocolType = member.protocolType();
        }
        members.put(member.memberId(), member);
        count(member, 1);
        if (leaderId == null) {
            leaderId = member.memberId();
        }
        if (member.isStatic()) {
            staticMembers.put(member.groupInstanceId(), member.memberId());
        }
        pendingMembers.remove(member.memberId());
    }

    void remove(String memberId) {
        ClassicGroupMember removed = members.remove(memberId);
        if (removed == null) {
            return;
        }
        count(removed, -1);
        if (removed.isStatic()) {
            staticMembers.remove(removed.groupInstanceId());
        }
        pendingSyncMembers.remove(memberId);
        if (memberId.equals(leaderId)) {
            leaderId = members.isEmpty() ? null : members.keySet().iterator().next();
        }
    }

    /**
     * Gives a static member a new member id (KIP-345): the old id is fenced from now on.
     *
     * @return the member under its new id
     */
    ClassicGroupMember replaceStaticMember(String groupInstanceId, String oldMemberId, String newMemberId) {
        ClassicGroupMember oldMember = member(oldMemberId);
        ClassicGroupMember newMember = oldMember.withMemberId(newMemberId);
        boolean wasLeader = isLeader(oldMemberId);
        members.remove(oldMemberId);
        count(oldMember, -1);
        members.put(newMemberId, newMember);
        count(newMember, 1);
        staticMembers.put(groupInstanceId, newMemberId);
        if (pendingSyncMembers.remove(oldMemberId)) {
            pendingSyncMembers.add(newMemberId);
        }
        if (wasLeader) {
            leaderId = newMemberId;
        }
        return newMember;
    }

    boolean isPendingMember(String memberId) {
        return pendingMembers.contains(memberId);
    }

    void addPendingMember(String memberId) {
        pendingMembers.add(memberId);
    }

    boolean hasPendingMembers() {
        return !pendingMembers.isEmpty();
    }

    boolean removePendingMember(String memberId) {
        return pendingMembers.remove(memberId);
    }

    Set<String> pendingSyncMembers() {
        return pendingSyncMembers;
    }

    boolean newMemberAdded() {
        return newMemberAdded;
    }

    void setNewMemberAdded(boolean newMemberAdded) {
        this.newMemberAdded = newMemberAdded;
    }

    /** Marks a member as parked in JoinGroup or not; every change of the flag of a member goes through here. */
    void setAwaitingJoin(ClassicGroupMember member, boolean awaitingJoin) {
        boolean counted = members.get(member.memberId()) == member;
        if (counted) {
            count(member, -1);
        }
        member.setAwaitingJoin(awaitingJoin);
        if (counted) {
            count(member, 1);
        }
    }

    /** A member rejoined with these protocols and timeouts; every change of a member's protocols goes through here. */
    void updateMember(ClassicGroupMember member, List<ProtocolValue> protocols, int rebalanceTimeoutMs,
                      int sessionTimeoutMs) {
        boolean counted = members.get(member.memberId()) == member;
        if (counted) {
            count(member, -1);
        }
        member.update(protocols, rebalanceTimeoutMs, sessionTimeoutMs);
        if (counted) {
            count(member, 1);
        }
    }

    /** Adds ({@code +1}) or removes ({@code -1}) a member's share of the protocol and parked-join counts. */
    private void count(ClassicGroupMember member, int delta) {
        for (String name : distinctNames(member.protocols())) {
            protocolSupport.merge(name, delta, (a, b) -> a + b == 0 ? null : a + b);
        }
        if (member.isAwaitingJoin()) {
            awaitingJoinCount += delta;
        }
    }

    private static Set<String> distinctNames(List<ProtocolValue> protocols) {
        Set<String> names = new HashSet<>();
        protocols.forEach(p -> names.add(p.name()));
        return names;
    }

    long numAwaitingJoin() {
        return awaitingJoinCount;
    }

    /** @return true when every member has a parked JoinGroup and no KIP-394 member is still to come back */
    boolean hasAllMembersJoined() {
        return numAwaitingJoin() == members.size() && pendingMembers.isEmpty();
    }

    /** @return the group's rebalance timeout: the largest of its members' */
    int rebalanceTimeoutMs() {
        return members.values().stream().mapToInt(ClassicGroupMember::rebalanceTimeoutMs).max().orElse(0);
    }

    /**
     * Keeps the leader if it rejoined, else promotes the first member that did.
     *
     * @return false if no member rejoined (the join phase cannot complete yet)
     */
    boolean maybeElectNewJoinedLeader() {
        if (leaderId == null) {
            return false;
        }
        if (member(leaderId).isAwaitingJoin()) {
            return true;
        }
        for (ClassicGroupMember candidate : members.values()) {
            if (candidate.isAwaitingJoin()) {
                leaderId = candidate.memberId();
                return true;
            }
        }
        return false;
    }

    /** Starts the next generation; the protocol is chosen by vote, and an empty group goes to Empty. */
    void initNextGeneration(long nowMs) {
        generationId++;
        if (members.isEmpty()) {
            protocolName = null;
            transitionTo(ClassicGroupState.EMPTY, nowMs);
        } else {
            protocolName = selectProtocol();
            transitionTo(ClassicGroupState.COMPLETING_REBALANCE, nowMs);
        }
        subscribedTopics = computeSubscribedTopics();
    }

    // ---- protocols -----------------------------------------------------------------------------------------

    /** @return the protocol names every member supports */
    Set<String> candidateProtocols() {
        Set<String> candidates = new HashSet<>();
        protocolSupport.forEach((name, supporters) -> {
            if (supporters == members.size()) {
                candidates.add(name);
            }
        });
        return candidates;
    }

    /**
     * Each member votes for the first protocol in its own list that all members support; most votes wins. Ties
     * go to the protocol that appears first in the leader's list, so the choice is deterministic.
     */
    String selectProtocol() {
        Set<String> candidates = candidateProtocols();
        Map<String, Integer> votes = new LinkedHashMap<>();
        for (ClassicGroupMember member : members.values()) {
            member.vote(candidates).ifPresent(name -> votes.merge(name, 1, Integer::sum));
        }
        List<String> preference = new ArrayList<>();
        if (leaderId != null) {
            member(leaderId).protocols().forEach(p -> preference.add(p.name()));
        }
        return votes.entrySet().stream()
            .max(Comparator.<Map.Entry<String, Integer>>comparingInt(Map.Entry::getValue)
                .thenComparing(e -> -indexOrMax(preference, e.getKey())))
            .map(Map.Entry::getKey)
            .orElseThrow(() -> new IllegalStateException("No protocol supported by all members of " + groupId));
    }

    private static int indexOrMax(List<String> list, String value) {
        int index = list.indexOf(value);
        return index < 0 ? Integer.MAX_VALUE : index;
    }

    /**
     * @return true if a member with this protocol type and these protocols may be in the group: the type must
     *         match and at least one protocol must be supported by every other member
     */
    boolean supportsProtocols(String memberProtocolType, List<ProtocolValue> memberProtocols, String memberId) {
        if (memberProtocolType == null || memberProtocolType.isEmpty() || memberProtocols.isEmpty()) {
            return false;
        }
        if (isInState(ClassicGroupState.EMPTY) || members.isEmpty()) {
            return true;
        }
        if (!memberProtocolType.equals(protocolType)) {
            return false;
        }
        // The member's own current protocols do not count: it may rejoin with a new list.
        ClassicGroupMember self = members.get(memberId);
        Set<String> ownNames = self == null ? Set.of() : distinctNames(self.protocols());
        int others = members.size() - (self == null ? 0 : 1);
        if (others == 0) {
            return true;
        }
        return memberProtocols.stream().anyMatch(p ->
            protocolSupport.getOrDefault(p.name(), 0) - (ownNames.contains(p.name()) ? 1 : 0) == others);
    }

    /** @return the members as the leader sees them in its JoinGroup response: metadata of the chosen protocol */
    List<JoinGroupResponseMember> joinResponseMembers() {
        return members.values().stream()
            .map(m -> new JoinGroupResponseMember()
                .setMemberId(m.memberId())
                .setGroupInstanceId(m.groupInstanceId())
                .setMetadata(m.metadata(protocolName).map(Bytes::get).orElse(new byte[0])))
            .toList();
    }

    private Optional<Set<String>> computeSubscribedTopics() {
        if (members.isEmpty()) {
            return Optional.of(Set.of());
        }
        if (!CONSUMER_PROTOCOL_TYPE.equals(protocolType) || protocolName == null) {
            return Optional.empty();
        }
        Set<String> topics = new TreeSet<>();
        for (ClassicGroupMember member : members.values()) {
            Optional<Bytes> metadata = member.metadata(protocolName);
            if (metadata.isEmpty()) {
                return Optional.empty();
            }
            try {
                topics.addAll(ConsumerProtocol.deserializeSubscription(ByteBuffer.wrap(metadata.get().get())).topics());
            } catch (RuntimeException e) {
                // Unparsable metadata: we cannot tell what the group consumes, so never expire or delete its offsets.
                return Optional.empty();
            }
        }
        return Optional.of(Set.copyOf(topics));
    }

    // ---- validation ----------------------------------------------------------------------------------------

    /** Checks a request's member id and instance id: FENCED_INSTANCE_ID / UNKNOWN_MEMBER_ID as Kafka. */
    void validateMember(String memberId, String groupInstanceId) {
        if (groupInstanceId != null) {
            String registered = staticMembers.get(groupInstanceId);
            if (registered == null) {
                throw Errors.UNKNOWN_MEMBER_ID.exception();
            }
            if (!registered.equals(memberId)) {
                throw Errors.FENCED_INSTANCE_ID.exception();
            }
        }
        if (!members.containsKey(memberId)) {
            throw Errors.UNKNOWN_MEMBER_ID.exception();
        }
    }

    @Override
    public void validateOffsetCommit(String memberId, String groupInstanceId, int generationIdOrMemberEpoch,
                                     short apiVersion) {
        if (isInState(ClassicGroupState.DEAD)) {
            throw Errors.COORDINATOR_NOT_AVAILABLE.exception();
        }
        if (generationIdOrMemberEpoch < 0 && isInState(ClassicGroupState.EMPTY)) {
            return;
        }
        boolean identified = memberId != null && !memberId.isEmpty();
        if (generationIdOrMemberEpoch >= 0 || identified || groupInstanceId != null) {
            validateMember(memberId == null ? "" : memberId, groupInstanceId);
            if (generationIdOrMemberEpoch != generationId) {
                throw Errors.ILLEGAL_GENERATION.exception();
            }
        } else if (!isInState(ClassicGroupState.EMPTY)) {
            // Generation-less commits are only accepted while nobody consumes in the group.
            throw Errors.UNKNOWN_MEMBER_ID.exception();
        }
        if (isInState(ClassicGroupState.COMPLETING_REBALANCE)) {
            // The member knows the new generation but has no assignment yet; let it finish the rebalance first.
            throw Errors.REBALANCE_IN_PROGRESS.exception();
        }
    }

    @Override
    public void validateOffsetFetch(String memberId, int memberEpoch) {
        if (isInState(ClassicGroupState.DEAD)) {
            throw Errors.GROUP_ID_NOT_FOUND.exception();
        }
    }

    @Override
    public void validateOffsetDelete() {
        if (isInState(ClassicGroupState.DEAD)) {
            throw Errors.GROUP_ID_NOT_FOUND.exception();
        }
    }

    @Override
    public void validateDeleteGroup() {
        switch (state) {
            case DEAD -> throw Errors.GROUP_ID_NOT_FOUND.exception();
            case STABLE, PREPARING_REBALANCE, COMPLETING_REBALANCE -> throw Errors.NON_EMPTY_GROUP.exception();
            case EMPTY -> {
                // deletable
            }
        }
    }

    @Override
    public boolean isSubscribedToTopic(String topic) {
        return subscribedTopics.map(topics -> topics.contains(topic)).orElse(false);
    }

    /** Offset retention as Kafka 2.1+ (KIP-211): from the time the group became empty, or per commit when Stable. */
    @Override
    public Optional<OffsetExpirationCondition> offsetExpirationCondition() {
        if (protocolType == null) {
            // A simple group (assign() consumers committing offsets): retention counts from each commit.
            return Optional.of((offset, nowMs, retentionMs) ->
                OffsetExpirationCondition.isExpired(offset, offset.commitTimestampMs(), nowMs, retentionMs));
        }
        if (isInState(ClassicGroupState.EMPTY)) {
            long emptySinceMs = currentStateTimestampMs;
            return Optional.of((offset, nowMs, retentionMs) -> OffsetExpirationCondition.isExpired(offset,
                emptySinceMs >= 0 ? emptySinceMs : offset.commitTimestampMs(), nowMs, retentionMs));
        }
        if (CONSUMER_PROTOCOL_TYPE.equals(protocolType) && subscribedTopics.isPresent()
            && isInState(ClassicGroupState.STABLE)) {
            return Optional.of((offset, nowMs, retentionMs) ->
                OffsetExpirationCondition.isExpired(offset, offset.commitTimestampMs(), nowMs, retentionMs));
        }
        return Optional.empty();
    }

    @Override
    public List<CoordinatorRecord> deletionRecords() {
        return List.of(Records.classicGroupTombstone(groupId));
    }

    @Override
    public String stateName() {
        return state.kafkaName();
    }

    @Override
    public String protocolTypeOrEmpty() {
        return protocolType == null ? "" : protocolType;
    }

    @Override
    public boolean isEmpty() {
        return isInState(ClassicGroupState.EMPTY);
    }

    /** Only a Stable group shows its protocol, member metadata and assignments (as Kafka). */
    @Override
    public DescribeGroupsResponseData.DescribedGroup describe() {
        boolean stable = isInState(ClassicGroupState.STABLE);
        return new DescribeGroupsResponseData.DescribedGroup()
            .setGroupId(groupId)
            .setGroupState(state.kafkaName())
            .setProtocolType(protocolTypeOrEmpty())
            .setProtocolData(stable ? protocolName : "")
            .setMembers(members.values().stream().map(m -> {
                DescribeGroupsResponseData.DescribedGroupMember described =
                    new DescribeGroupsResponseData.DescribedGroupMember()
                        .setMemberId(m.memberId())
                        .setGroupInstanceId(m.groupInstanceId())
                        .setClientId(m.clientId())
                        .setClientHost(m.clientHost());
                if (stable) {
                    described.setMemberMetadata(m.metadata(protocolName).map(Bytes::get).orElse(new byte[0]))
                        .setMemberAssignment(m.assignment().get());
                }
                return described;
            }).toList());
    }
}
