package dev.handoff.migrate.doctor;

import dev.handoff.migrate.groups.GroupView;
import dev.handoff.migrate.groups.MemberView;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Groups still on the classic protocol, and classic members left inside consumer groups mid-upgrade. */
final class ClassicGroupRule implements DoctorRule {

    static final String CLASSIC_GROUP = "CLASSIC_GROUP";
    static final String EMPTY_CLASSIC_GROUP = "EMPTY_CLASSIC_GROUP";
    static final String MIXED_GROUP = "CLASSIC_MEMBERS_IN_CONSUMER_GROUP";

    /** Kafka's default for {@code group.consumer.migration.policy} (KIP-848 online migration). */
    private static final String DEFAULT_POLICY = "bidirectional";

    @Override
    public List<Finding> examine(DoctorSnapshot snapshot) {
        String policy = snapshot.brokerConfigs()
                .getOrDefault(DoctorSnapshot.MIGRATION_POLICY_CONFIG, DEFAULT_POLICY).toLowerCase(Locale.ROOT);
        List<Finding> findings = new ArrayList<>();
        for (GroupView group : snapshot.latestGroups()) {
            if (group.isClassicGroup() && group.members().isEmpty()) {
                findings.add(emptyClassicGroup(group));
            } else if (group.isClassicGroup()) {
                findings.add(classicGroup(group, policy));
            } else if (group.isConsumerGroup() && !group.classicMembers().isEmpty()) {
                findings.add(mixedGroup(group));
            }
        }
        return findings;
    }

    private static Finding classicGroup(GroupView group, String policy) {
        String problem = "Group still uses the classic protocol (" + group.members().size() + " members, state "
                + group.state() + (group.assignor() == null ? "" : ", client-side assignor " + group.assignor())
                + ").";
        boolean onlineUpgradeAllowed = policy.equals("bidirectional") || policy.equals("upgrade");
        String howToSwitch = onlineUpgradeAllowed
                ? "Roll its consumers one by one with group.protocol=consumer; the coordinator converts the group "
                        + "online (" + DoctorSnapshot.MIGRATION_POLICY_CONFIG + "=" + policy + ")."
                : "The brokers' " + DoctorSnapshot.MIGRATION_POLICY_CONFIG + "=" + policy + " refuses online "
                        + "upgrades: set it to bidirectional or upgrade, or stop every member so the group is empty "
                        + "before the first consumer with group.protocol=consumer joins.";
        return new Finding(Severity.WARNING, CLASSIC_GROUP, group.groupId(), problem, howToSwitch
                + " Drop partition.assignment.strategy, session.timeout.ms and heartbeat.interval.ms from those "
                + "consumers: the consumer protocol does not support them (the broker's group.consumer.* settings "
                + "apply instead).");
    }

    /**
     * Committed offsets without members (also what {@code copy-topics --translate-offsets} leaves): the group
     * becomes a consumer group when its first member joins with the consumer protocol, whatever the policy.
     */
    private static Finding emptyClassicGroup(GroupView group) {
        return new Finding(Severity.INFO, EMPTY_CLASSIC_GROUP, group.groupId(),
                "Group has no members; its committed offsets are kept as a classic group.",
                "Nothing to convert: the first consumer that joins with group.protocol=consumer makes it a "
                        + "consumer group and keeps the offsets.");
    }

    private static Finding mixedGroup(GroupView group) {
        List<String> ids = group.classicMembers().stream().map(MemberView::memberId).toList();
        return new Finding(Severity.WARNING, MIXED_GROUP, group.groupId(),
                "Consumer group still has " + ids.size() + " classic member(s) " + ids
                        + ": an upgrade is in progress or stalled.",
                "Finish rolling those clients to group.protocol=consumer. Until then each classic member joins "
                        + "through JoinGroup/SyncGroup rounds and keeps eager or cooperative client-side semantics.");
    }
}
