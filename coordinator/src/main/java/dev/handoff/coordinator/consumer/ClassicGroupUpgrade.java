package dev.handoff.coordinator.consumer;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import dev.handoff.coordinator.GroupCoordinatorConfig;
import dev.handoff.coordinator.GroupRegistry;
import dev.handoff.coordinator.assignor.MemberAssignment;
import dev.handoff.coordinator.assignor.PartitionSet;
import dev.handoff.coordinator.record.ClassicGroupValue;
import dev.handoff.coordinator.record.ClassicMemberMetadataValue;
import dev.handoff.coordinator.record.ClassicMemberValue;
import dev.handoff.coordinator.record.CoordinatorRecord;
import dev.handoff.coordinator.record.Records;
import dev.handoff.coordinator.runtime.ResultBuilder;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.errors.GroupIdNotFoundException;
import org.apache.kafka.common.message.ConsumerProtocolAssignment;
import org.apache.kafka.common.message.ConsumerProtocolSubscription;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Online upgrade (spec §17; Kafka's {@code convertToConsumerGroup}): the first consumer-protocol join of a non-empty
 * classic group turns it into a consumer group without a stop-the-world rebalance. Every classic member becomes a
 * member using the classic protocol, STABLE at the group's generation with its last assignment as both current and
 * target assignment; the joining member is then processed as in any consumer group.
 */
final class ClassicGroupUpgrade {

    private static final Logger LOGGER = LoggerFactory.getLogger(ClassicGroupUpgrade.class);
    /** The converted target assignment may be recomputed at once (the joiner bumps the epoch right away). */
    private static final long ASSIGN_AT_ONCE = 0L;

    /**
     * A conversion: the consumer group as its records will build it, and those records (the classic group's
     * tombstone first, Kafka's order).
     */
    record Conversion(ConsumerGroup group, List<CoordinatorRecord> records) {
    }

    private final GroupCoordinatorConfig config;
    private final SubscriptionResolver topics;
    private final ClassicGroupBridge classic;
    private final ConsumerGroupTimers timers;

    ClassicGroupUpgrade(GroupCoordinatorConfig config, SubscriptionResolver topics, ClassicGroupBridge classic,
                        ConsumerGroupTimers timers) {
        this.config = config;
        this.topics = topics;
        this.classic = classic;
        this.timers = timers;
    }

    /**
     * @return the conversion of the non-empty classic group {@code groupId}; empty if there is no such group
     * @throws GroupIdNotFoundException if the group may not be upgraded, saying why (Kafka's
     *                                  {@code validateOnlineUpgrade} rules)
     */
    Optional<Conversion> convert(String groupId) {
        Optional<ClassicGroupValue> found = classic.nonEmptyClassicGroup(groupId);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        ClassicGroupValue value = found.get();
        throwIfUpgradeIsRefused(groupId, value);
        List<ConsumerGroupMember> members = new ArrayList<>();
        for (ClassicMemberValue member : value.members()) {
            members.add(convertMember(value, member));
        }
        List<CoordinatorRecord> records = new ArrayList<>();
        records.add(Records.classicGroupTombstone(groupId));
        List<CoordinatorRecord> groupRecords = consumerGroupRecords(groupId, value.generationId(), members);
        records.addAll(groupRecords);
        GroupRegistry scratch = new GroupRegistry();
        ConsumerGroupReplayer replayer = new ConsumerGroupReplayer(scratch, topics);
        groupRecords.forEach(replayer::replay);
        ConsumerGroup group = scratch.get(groupId, ConsumerGroup.class).orElseThrow();
        return Optional.of(new Conversion(group, records));
    }

    /**
     * The conversion is being committed: the classic group stops (its parked requests learn to rejoin) and the
     * converted members' sessions run on their own classic session timeouts.
     */
    void complete(Conversion conversion, ResultBuilder<CoordinatorRecord> out, long nowMs) {
        String groupId = conversion.group().groupId();
        classic.retire(groupId, out);
        conversion.group().members().values().forEach(member -> timers.scheduleSession(groupId, member.memberId(),
            nowMs, member.classicMemberMetadata().orElseThrow().sessionTimeoutMs()));
        LOGGER.atInfo().addKeyValue("groupId", groupId).addKeyValue("groupEpoch", conversion.group().groupEpoch())
            .log("Upgraded the classic group to a consumer group");
    }

    private void throwIfUpgradeIsRefused(String groupId, ClassicGroupValue value) {
        String refusal = "Cannot upgrade classic group " + groupId + " to a consumer group: ";
        if (!config.migrationPolicy().isUpgradeEnabled()) {
            throw refused(groupId, refusal + GroupCoordinatorConfig.CONSUMER_GROUP_MIGRATION_POLICY + " is "
                + config.migrationPolicy() + ".");
        }
        if (!ConsumerGroup.PROTOCOL_TYPE.equals(value.protocolType())) {
            throw refused(groupId, refusal + "it does not use the consumer embedded protocol (protocol type "
                + value.protocolType() + ").");
        }
        if (value.members().size() > config.consumerGroupMaxSize()) {
            throw refused(groupId, refusal + "its " + value.members().size() + " members exceed "
                + GroupCoordinatorConfig.CONSUMER_GROUP_MAX_SIZE + " (" + config.consumerGroupMaxSize() + ").");
        }
        for (ClassicMemberValue member : value.members()) {
            try {
                EmbeddedConsumerProtocol.subscription(subscriptionBytes(value, member));
                if (EmbeddedConsumerProtocol.hasUserData(
                    EmbeddedConsumerProtocol.assignment(member.assignment().get()))) {
                    throw refused(groupId, refusal + "member " + member.memberId() + " uses a custom assignor"
                        + " that puts user data in its assignment, which the server-side assignor would lose;"
                        + " switch to a built-in assignor before upgrading.");
                }
            } catch (IllegalArgumentException e) {
                throw refused(groupId, refusal + "the embedded consumer protocol of member " + member.memberId()
                    + " is malformed.");
            }
        }
    }

    private static GroupIdNotFoundException refused(String groupId, String message) {
        LOGGER.atInfo().addKeyValue("groupId", groupId).log(message);
        return new GroupIdNotFoundException(message);
    }

    /** The member's subscription in the selected protocol, or its first one if no generation completed yet. */
    private static byte[] subscriptionBytes(ClassicGroupValue group, ClassicMemberValue member) {
        return member.protocols().stream()
            .filter(p -> p.name().equals(group.protocolName()))
            .findFirst()
            .orElse(member.protocols().get(0))
            .metadata().get();
    }

    private ConsumerGroupMember convertMember(ClassicGroupValue group, ClassicMemberValue member) {
        ConsumerProtocolSubscription subscription =
            EmbeddedConsumerProtocol.subscription(subscriptionBytes(group, member));
        ConsumerProtocolAssignment assignment = EmbeddedConsumerProtocol.assignment(member.assignment().get());
        Map<Uuid, PartitionSet> assigned = EmbeddedConsumerProtocol.topicIds(
            EmbeddedConsumerProtocol.assignedPartitions(assignment), topics);
        return ConsumerGroupMember.builder(member.memberId())
            .instanceId(member.groupInstanceId())
            .rackId(subscription.rackId())
            .clientId(member.clientId())
            .clientHost(member.clientHost())
            .subscribedTopicNames(subscription.topics())
            .rebalanceTimeoutMs(member.rebalanceTimeoutMs())
            .memberEpoch(group.generationId())
            .previousMemberEpoch(group.generationId())
            .state(MemberState.STABLE)
            .assignedPartitions(PartitionEpochs.of(assigned, group.generationId()))
            .classicMemberMetadata(new ClassicMemberMetadataValue(member.sessionTimeoutMs(), member.protocols()))
            .build();
    }

    /** Kafka's {@code createConsumerGroupRecords} order: members, epoch, targets, assignment epoch, currents. */
    private List<CoordinatorRecord> consumerGroupRecords(String groupId, int epoch, List<ConsumerGroupMember> members) {
        List<CoordinatorRecord> records = new ArrayList<>();
        members.forEach(member -> records.add(ConsumerGroupRecords.memberRecord(groupId, member)));
        records.add(Records.consumerGroupEpoch(groupId, epoch, topics.metadataHash(topics.topicNames(members))));
        members.forEach(member -> records.add(ConsumerGroupRecords.targetAssignmentRecord(groupId,
            member.memberId(), MemberAssignment.of(new TreeMap<>(member.assignedPartitions().partitions())))));
        records.add(Records.consumerTargetAssignmentEpoch(groupId, epoch, ASSIGN_AT_ONCE));
        members.forEach(member -> records.add(ConsumerGroupRecords.currentAssignmentRecord(groupId, member)));
        return records;
    }
}
