package dev.handoff.migrate.groups;

import dev.handoff.migrate.TextTable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Tables for people; {@code --json} prints the views themselves. */
public final class GroupRenderer {

    private GroupRenderer() {
    }

    public static String listing(List<GroupListingView> groups) {
        TextTable table = new TextTable("GROUP", "TYPE", "STATE", "PROTOCOL-TYPE");
        groups.forEach(g -> table.row(g.groupId(), g.type(), g.state(), g.protocolType()));
        return table.render();
    }

    public static String description(GroupView group) {
        StringBuilder text = new StringBuilder();
        text.append("Group ").append(group.groupId())
                .append(" (").append(group.type()).append(", ").append(group.state()).append(")\n");
        text.append("  group epoch: ").append(orDash(group.groupEpoch()))
                .append("  target assignment epoch: ").append(orDash(group.targetAssignmentEpoch()))
                .append("  assignor: ").append(orDash(group.assignor()))
                .append("  coordinator: ").append(orDash(group.coordinator())).append('\n');
        if (group.members().isEmpty()) {
            text.append("  no members\n");
            return text.toString();
        }
        TextTable table = new TextTable(
                "MEMBER", "INSTANCE", "CLIENT", "HOST", "PROTOCOL", "EPOCH", "ASSIGNED", "TARGET", "REVOKING",
                "AWAITING");
        for (MemberView m : group.members()) {
            table.row(m.memberId(), m.instanceId(), m.clientId(), m.host(), m.protocol(), m.memberEpoch(),
                    compact(m.assigned()), m.target() == null ? null : compact(m.target()),
                    compact(m.pendingRevocation()), compact(m.pendingAssignment()));
        }
        table.render().lines().forEach(line -> text.append("  ").append(line).append('\n'));
        return text.toString();
    }

    public static String offsets(GroupOffsetsView offsets) {
        TextTable table = new TextTable("TOPIC", "PARTITION", "COMMITTED", "END", "LAG", "OWNER");
        offsets.partitions().forEach(p ->
                table.row(p.topic(), p.partition(), p.committed(), p.endOffset(), p.lag(), p.owner()));
        return "Group " + offsets.groupId() + ", total lag " + offsets.totalLag() + "\n" + table.render();
    }

    /** {@code orders-0, orders-1, audit-2} becomes {@code orders:0,1 audit:2}; an empty list is {@code -}. */
    static String compact(List<String> partitions) {
        if (partitions.isEmpty()) {
            return "-";
        }
        Map<String, List<String>> byTopic = new LinkedHashMap<>();
        for (String name : partitions) {
            int dash = name.lastIndexOf('-');
            byTopic.computeIfAbsent(name.substring(0, dash), t -> new ArrayList<>()).add(name.substring(dash + 1));
        }
        List<String> parts = new ArrayList<>();
        byTopic.forEach((topic, numbers) -> parts.add(topic + ":" + String.join(",", numbers)));
        return String.join(" ", parts);
    }

    private static String orDash(Object value) {
        return value == null ? "-" : value.toString();
    }
}
