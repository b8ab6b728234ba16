package dev.handoff.coordinator.assignor;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.kafka.common.Uuid;

/**
 * The read-only input of an assignor: the members of a group, sorted by member id.
 *
 * <p>Members with equal subscriptions share one <em>subscription class</em>, computed once here, so
 * assignors can tell homogeneous groups (one class) from heterogeneous ones without comparing sets in
 * their hot path. Kafka passes the same fact as {@code GroupSpec.subscriptionType()}, maintained by the group.
 */
public final class GroupSpec {

    private final MemberSpec[] members;
    private final Map<String, Integer> indexById;
    private final List<Set<Uuid>> subscriptions;
    private final int[] subscriptionOf;
    private final boolean hasStaticMembers;

    private GroupSpec(MemberSpec[] sortedMembers) {
        this.members = sortedMembers;
        this.indexById = new HashMap<>(sortedMembers.length * 2);
        this.subscriptionOf = new int[sortedMembers.length];
        boolean anyStatic = false;
        Map<Set<Uuid>, Integer> byIdentity = new IdentityHashMap<>();
        Map<Set<Uuid>, Integer> byValue = new HashMap<>();
        List<Set<Uuid>> distinct = new ArrayList<>();
        for (int i = 0; i < sortedMembers.length; i++) {
            MemberSpec member = sortedMembers[i];
            if (indexById.put(member.memberId(), i) != null) {
                throw new IllegalArgumentException("Duplicate member id " + member.memberId());
            }
            Set<Uuid> subscription = member.subscribedTopicIds();
            Integer known = byIdentity.get(subscription);
            if (known == null) {
                known = byValue.computeIfAbsent(subscription, s -> {
                    distinct.add(s);
                    return distinct.size() - 1;
                });
                byIdentity.put(subscription, known);
            }
            subscriptionOf[i] = known;
            anyStatic |= member.instanceId().isPresent();
        }
        this.hasStaticMembers = anyStatic;
        this.subscriptions = Collections.unmodifiableList(distinct);
    }

    /** A group spec over the given members, in any order. */
    public static GroupSpec of(Collection<MemberSpec> members) {
        MemberSpec[] sorted = members.toArray(new MemberSpec[0]);
        Arrays.sort(sorted, Comparator.comparing(MemberSpec::memberId));
        return new GroupSpec(sorted);
    }

    public int size() {
        return members.length;
    }

    /** The {@code index}-th member in member id order. */
    public MemberSpec member(int index) {
        return members[index];
    }

    /** Members in member id order. */
    public List<MemberSpec> members() {
        return List.of(members);
    }

    /** The position of a member in member id order, or -1. */
    public int indexOf(String memberId) {
        Integer index = indexById.get(memberId);
        return index == null ? -1 : index;
    }

    /** Distinct subscriptions, in order of first appearance in member id order. */
    public List<Set<Uuid>> subscriptions() {
        return subscriptions;
    }

    /** The subscription class of the {@code index}-th member: an index into {@link #subscriptions()}. */
    public int subscriptionOf(int index) {
        return subscriptionOf[index];
    }

    /** True if some member has a {@code group.instance.id}. */
    public boolean hasStaticMembers() {
        return hasStaticMembers;
    }

    /** True if all members subscribe to the same topics (Kafka's HOMOGENEOUS subscription type). */
    public boolean isHomogeneous() {
        return subscriptions.size() <= 1;
    }
}
