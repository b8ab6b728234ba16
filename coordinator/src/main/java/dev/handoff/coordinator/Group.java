package dev.handoff.coordinator;

import java.util.List;
import java.util.Optional;

import dev.handoff.coordinator.record.CoordinatorRecord;
import org.apache.kafka.common.GroupType;
import org.apache.kafka.common.message.DescribeGroupsResponseData;

/**
 * What every group type (classic, consumer) offers to the parts of the coordinator that do not care about the
 * protocol: offsets, listing, describing and deleting. Validators throw Kafka's {@code ApiException}s.
 */
public interface Group {

    String groupId();

    GroupType type();

    /** @return the state as Kafka spells it in ListGroups / DescribeGroups (e.g. {@code "Stable"}) */
    String stateName();

    /** @return the protocol type for ListGroups ({@code ""} when none, e.g. a simple group) */
    String protocolTypeOrEmpty();

    /** @return true if the group has no members (it may still have committed offsets) */
    boolean isEmpty();

    /**
     * Validates an OffsetCommit against the group's membership.
     *
     * @param generationIdOrMemberEpoch the classic generation or the KIP-848 member epoch
     * @param apiVersion                OffsetCommit version (errors differ by version)
     */
    void validateOffsetCommit(String memberId, String groupInstanceId, int generationIdOrMemberEpoch,
                              short apiVersion);

    /**
     * Validates one partition of an OffsetCommit that passed {@link #validateOffsetCommit}. KIP-848 groups accept a
     * commit from an older member epoch for a partition the member has held since (KIP-1251); classic groups have
     * nothing to check per partition.
     */
    default void validateOffsetCommitPartition(String memberId, int generationIdOrMemberEpoch, String topic,
                                               int partition) {
    }

    /** Validates an OffsetFetch (KIP-848 groups check the member epoch from v9; classic groups do not). */
    void validateOffsetFetch(String memberId, int memberEpoch);

    /** Validates an OffsetDelete on the group as a whole (per-topic checks use {@link #isSubscribedToTopic}). */
    void validateOffsetDelete();

    /** Validates a DeleteGroups (a group with members cannot be deleted: NON_EMPTY_GROUP). */
    void validateDeleteGroup();

    /** @return true if members are consuming {@code topic}, so its offsets must not be deleted or expired */
    boolean isSubscribedToTopic(String topic);

    /** @return how this group's offsets expire right now; empty if they must not expire at all */
    Optional<OffsetExpirationCondition> offsetExpirationCondition();

    /**
     * @return tombstones for every metadata record of this group (offsets are deleted separately). Replaying them
     *         must only remove a group of this type: when an empty group is converted to another type (KIP-848
     *         §17) the new group is already registered under the same id.
     */
    List<CoordinatorRecord> deletionRecords();

    /** @return the group as DescribeGroups (the classic admin API) shows it */
    DescribeGroupsResponseData.DescribedGroup describe();
}
