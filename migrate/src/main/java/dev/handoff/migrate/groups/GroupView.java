package dev.handoff.migrate.groups;

import java.util.List;

/**
 * One group as the coordinator describes it, in a form that is easy to print and compare between samples.
 *
 * @param type                  {@code classic} or {@code consumer}
 * @param groupEpoch            consumer groups only; classic groups' generation is not exposed by DescribeGroups
 * @param targetAssignmentEpoch consumer groups only
 * @param assignor              the server-side assignor of a consumer group, or the client-side protocol a classic
 *                              group agreed on (e.g. {@code range}, {@code cooperative-sticky})
 */
public record GroupView(
        String groupId,
        String type,
        String state,
        Integer groupEpoch,
        Integer targetAssignmentEpoch,
        String assignor,
        String coordinator,
        List<MemberView> members) {

    public static final String CONSUMER = "consumer";
    public static final String CLASSIC = "classic";

    public boolean isConsumerGroup() {
        return CONSUMER.equals(type);
    }

    public boolean isClassicGroup() {
        return CLASSIC.equals(type);
    }

    public List<MemberView> classicMembers() {
        return members.stream().filter(MemberView::isClassic).toList();
    }
}
