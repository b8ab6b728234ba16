package dev.handoff.coordinator.consumer;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.handoff.coordinator.GroupCoordinatorConfig;
import dev.handoff.coordinator.record.ClassicGroupValue;
import dev.handoff.coordinator.record.ClassicMemberMetadataValue;
import dev.handoff.coordinator.record.ClassicMemberValue;
import dev.handoff.coordinator.record.ClassicMemberValue.ProtocolValue;
import dev.handoff.coordinator.record.CoordinatorRecord;
import dev.handoff.coordinator.record.Records;
import dev.handoff.coordinator.runtime.ResultBuilder;
import org.apache.kafka.common.utils.Bytes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Online downgrade (spec §17; Kafka's {@code convertToClassicGroup}): when members leave a consumer group and only
 * members using the classic protocol remain, the group goes back to classic. The classic group has the group epoch
 * as its generation, the protocol chosen by vote and each member's target assignment as its classic assignment; it
 * then rebalances so its members rejoin. The consumer group's records are replaced by tombstones and the classic
 * group's record.
 */
final class ClassicGroupDowngrade {

    private static final Logger LOGGER = LoggerFactory.getLogger(ClassicGroupDowngrade.class);

    private final GroupCoordinatorConfig config;
    private final SubscriptionResolver topics;
    private final ClassicGroupBridge classic;

    ClassicGroupDowngrade(GroupCoordinatorConfig config, SubscriptionResolver topics, ClassicGroupBridge classic) {
        this.config = config;
        this.topics = topics;
        this.classic = classic;
    }

    /**
     * @param leaving the members being removed
     * @return true if removing {@code leaving} turns the group into a classic group: at least one member remains,
     *         all remaining members use the classic protocol, the policy allows downgrades and the remaining members
     *         fit in {@code group.max.size}
     */
    boolean applies(ConsumerGroup group, Collection<String> leaving) {
        // Counted, not scanned: a leave of a large group costs O(the leaving members).
        Map<String, ConsumerGroupMember> gone = new LinkedHashMap<>();
        leaving.forEach(memberId -> group.member(memberId).ifPresent(member -> gone.put(memberId, member)));
        int remaining = group.size() - gone.size();
        int remainingClassic = group.classicMemberCount()
            - (int) gone.values().stream().filter(ConsumerGroupMember::usesClassicProtocol).count();
        if (remaining == 0 || remainingClassic != remaining) {
            return false;
        }
        if (!config.migrationPolicy().isDowngradeEnabled()) {
            LOGGER.atInfo().addKeyValue("groupId", group.groupId())
                .log("Only classic members remain, but " + GroupCoordinatorConfig.CONSUMER_GROUP_MIGRATION_POLICY
                    + " does not allow a downgrade; the group stays a consumer group");
            return false;
        }
        if (remaining > config.groupMaxSize()) {
            LOGGER.atInfo().addKeyValue("groupId", group.groupId())
                .log("Only classic members remain, but more than " + GroupCoordinatorConfig.GROUP_MAX_SIZE
                    + " allows; the group stays a consumer group");
            return false;
        }
        return true;
    }

    /** Writes the consumer group's tombstones, then installs the classic group (its record follows). */
    void downgrade(ConsumerGroup group, Collection<String> leaving, ResultBuilder<CoordinatorRecord> out,
                   long nowMs) {
        String groupId = group.groupId();
        for (String memberId : group.members().keySet()) {
            out.record(Records.consumerCurrentAssignmentTombstone(groupId, memberId));
            if (group.hasTargetAssignment(memberId)) {
                out.record(Records.consumerTargetAssignmentTombstone(groupId, memberId));
            }
            out.record(Records.consumerMemberTombstone(groupId, memberId));
        }
        out.records(group.deletionRecords());
        List<ConsumerGroupMember> remaining = remaining(group, leaving);
        List<ClassicMemberValue> members = new ArrayList<>();
        for (ConsumerGroupMember member : remaining) {
            ClassicMemberMetadataValue classicMetadata = member.classicMemberMetadata().orElseThrow();
            byte[] subscription = classicMetadata.protocols().get(0).metadata().get();
            byte[] assignment = EmbeddedConsumerProtocol.encodeAssignment(
                group.targetAssignment(member.memberId()).partitions(),
                EmbeddedConsumerProtocol.version(subscription), topics);
            members.add(new ClassicMemberValue(member.memberId(), member.instanceId().orElse(null),
                member.clientId(), member.clientHost(), member.rebalanceTimeoutMs(),
                classicMetadata.sessionTimeoutMs(), classicMetadata.protocols(), Bytes.wrap(assignment)));
        }
        ClassicGroupValue value = new ClassicGroupValue(ConsumerGroup.PROTOCOL_TYPE, group.groupEpoch(),
            selectProtocol(remaining), members.get(0).memberId(), nowMs, members);
        classic.install(groupId, value, out, nowMs);
        LOGGER.atInfo().addKeyValue("groupId", groupId).addKeyValue("groupEpoch", group.groupEpoch())
            .log("Downgraded the consumer group to a classic group");
    }

    private static List<ConsumerGroupMember> remaining(ConsumerGroup group, Collection<String> leaving) {
        return group.members().values().stream().filter(m -> !leaving.contains(m.memberId())).toList();
    }

    /**
     * The classic protocol vote: among the protocols every member supports, each member votes for the first of
     * its own list; the most votes win (ties go to the earliest vote, so the choice is deterministic).
     */
    static String selectProtocol(List<ConsumerGroupMember> members) {
        List<String> candidates = new ArrayList<>(protocolNames(members.get(0)));
        members.forEach(member -> candidates.retainAll(protocolNames(member)));
        Map<String, Integer> votes = new LinkedHashMap<>();
        for (ConsumerGroupMember member : members) {
            protocolNames(member).stream().filter(candidates::contains).findFirst()
                .ifPresent(name -> votes.merge(name, 1, Integer::sum));
        }
        String selected = null;
        int most = 0;
        for (Map.Entry<String, Integer> vote : votes.entrySet()) {
            if (vote.getValue() > most) {
                selected = vote.getKey();
                most = vote.getValue();
            }
        }
        return selected;
    }

    private static List<String> protocolNames(ConsumerGroupMember member) {
        return member.classicMemberMetadata().orElseThrow().protocols().stream().map(ProtocolValue::name).toList();
    }
}
