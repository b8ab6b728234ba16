package dev.handoff.coordinator.consumer;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;

import dev.handoff.coordinator.assignor.MemberAssignment;

/**
 * A consumer group as one heartbeat would leave it: the group with the heartbeat's member updated (and a replaced
 * static member gone). The group-wide maps are built only when asked for, so a heartbeat that changes nothing never
 * copies them; the group itself is not changed (replay does that).
 */
final class GroupAfterHeartbeat {

    private final ConsumerGroup group;
    private final Optional<String> replaced;
    private final ConsumerGroupMember member;
    private SortedMap<String, ConsumerGroupMember> members;

    /**
     * @param replaced the member id of a static member the heartbeat's member takes over from
     * @param member   the heartbeat's member after the request was applied
     */
    GroupAfterHeartbeat(ConsumerGroup group, Optional<String> replaced, ConsumerGroupMember member) {
        this.group = group;
        this.replaced = replaced;
        this.member = member;
    }

    int size() {
        boolean added = group.member(member.memberId()).isEmpty() && replaced.isEmpty();
        return group.size() + (added ? 1 : 0);
    }

    /** Every member by member id; O(group) the first time. */
    SortedMap<String, ConsumerGroupMember> members() {
        if (members == null) {
            members = new TreeMap<>(group.members());
            replaced.ifPresent(members::remove);
            members.put(member.memberId(), member);
        }
        return members;
    }

    /** How many members ask for each server assignor after the heartbeat; O(configured assignors). */
    Map<String, Integer> assignorVotes() {
        Map<String, Integer> votes = new HashMap<>(group.assignorVotes());
        leaving().forEach(old -> old.serverAssignorName().ifPresent(name -> votes.merge(name, -1, Integer::sum)));
        member.serverAssignorName().ifPresent(name -> votes.merge(name, 1, Integer::sum));
        return votes;
    }

    /**
     * The members' subscribed topic names after the heartbeat; O(the member's topics).
     *
     * @return empty if they are the group's current ones, whose metadata hash and partition count the group caches
     */
    Optional<SortedSet<String>> subscribedTopicNames() {
        return group.subscribedTopicNamesAfter(leaving(), List.of(member));
    }

    /** The members the heartbeat takes out: the static member it replaces, or its own member as it was. */
    private List<ConsumerGroupMember> leaving() {
        List<ConsumerGroupMember> leaving = new ArrayList<>(1);
        replaced.flatMap(group::member).ifPresent(leaving::add);
        group.member(member.memberId()).ifPresent(leaving::add);
        return leaving;
    }

    /** The current target of one member; a taking-over static member has the replaced one's. */
    MemberAssignment targetAssignment(String memberId) {
        if (memberId.equals(member.memberId()) && replaced.isPresent()) {
            return group.targetAssignment(replaced.get());
        }
        return group.targetAssignment(memberId);
    }

    /** The current target of every member that has one; O(group). */
    Map<String, MemberAssignment> target() {
        Map<String, MemberAssignment> target = new TreeMap<>();
        for (String memberId : members().keySet()) {
            boolean takesOver = memberId.equals(member.memberId()) && replaced.isPresent();
            if (takesOver || group.hasTargetAssignment(memberId)) {
                target.put(memberId, targetAssignment(memberId));
            }
        }
        return target;
    }
}
