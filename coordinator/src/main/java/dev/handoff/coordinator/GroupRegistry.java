package dev.handoff.coordinator;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * All groups of the shard, of every type, by id. Sorted, so that listing and expiry visit groups in the same order
 * on every run.
 */
public final class GroupRegistry {

    private final Map<String, Group> groups = new TreeMap<>();

    public Optional<Group> get(String groupId) {
        return Optional.ofNullable(groups.get(groupId));
    }

    /** @return the group if it exists and has the given class */
    public <G extends Group> Optional<G> get(String groupId, Class<G> type) {
        Group group = groups.get(groupId);
        return type.isInstance(group) ? Optional.of(type.cast(group)) : Optional.empty();
    }

    public void put(Group group) {
        groups.put(group.groupId(), group);
    }

    public void remove(String groupId) {
        groups.remove(groupId);
    }

    /** @return every group, by id */
    public Collection<Group> all() {
        return groups.values();
    }
}
