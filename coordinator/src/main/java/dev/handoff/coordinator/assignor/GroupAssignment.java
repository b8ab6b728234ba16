package dev.handoff.coordinator.assignor;

import java.util.Collections;
import java.util.Map;

/**
 * The output of an assignor: member id to its new target assignment, for every member of the group.
 *
 * <p>The map's iteration order is unspecified; callers that write records or responses from it sort the ids.
 *
 * @param members unmodifiable map of member id to assignment
 */
public record GroupAssignment(Map<String, MemberAssignment> members) {

    public GroupAssignment {
        members = Collections.unmodifiableMap(members);
    }

    /** An assignor's result: {@code assignments[m]} is the assignment of {@code group.member(m)}. */
    static GroupAssignment of(GroupSpec group, MemberAssignment[] assignments) {
        return new GroupAssignment(new MemberIndexedMap(group, assignments));
    }

    /** The assignment of one member, empty if unknown. */
    public MemberAssignment member(String memberId) {
        return members.getOrDefault(memberId, MemberAssignment.EMPTY);
    }
}
