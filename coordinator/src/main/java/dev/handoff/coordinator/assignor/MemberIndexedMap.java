package dev.handoff.coordinator.assignor;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * An assignor's result as a read-only map from member id to assignment, over an array in the group's member
 * order: building it costs no hashing per member, lookups reuse the group's own id index.
 */
final class MemberIndexedMap extends AbstractMap<String, MemberAssignment> {

    private final GroupSpec group;
    private final MemberAssignment[] assignments;

    /** Takes an array holding the assignment of every member of {@code group}, by member index, never modified afterwards. */
    MemberIndexedMap(GroupSpec group, MemberAssignment[] assignments) {
        this.group = group;
        this.assignments = assignments;
    }

    private int find(Object key) {
        return key instanceof String memberId ? group.indexOf(memberId) : -1;
    }

    @Override
    public int size() {
        return assignments.length;
    }

    @Override
    public boolean containsKey(Object key) {
        return find(key) >= 0;
    }

    @Override
    public MemberAssignment get(Object key) {
        int i = find(key);
        return i >= 0 ? assignments[i] : null;
    }

    @Override
    public void forEach(BiConsumer<? super String, ? super MemberAssignment> action) {
        for (int i = 0; i < assignments.length; i++) {
            action.accept(group.member(i).memberId(), assignments[i]);
        }
    }

    @Override
    public Set<Entry<String, MemberAssignment>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public Iterator<Entry<String, MemberAssignment>> iterator() {
                return new Iterator<>() {
                    private int next;

                    @Override
                    public boolean hasNext() {
                        return next < assignments.length;
                    }

                    @Override
                    public Entry<String, MemberAssignment> next() {
                        if (next >= assignments.length) {
                            throw new NoSuchElementException();
                        }
                        int i = next++;
                        return Map.entry(group.member(i).memberId(), assignments[i]);
                    }
                };
            }

            @Override
            public int size() {
                return assignments.length;
            }
        };
    }
}
