package dev.handoff.migrate.doctor;

import dev.handoff.migrate.groups.GroupView;
import java.util.List;
import java.util.Optional;

/** Every group as described at one moment of the observation window. */
public record GroupSample(long atMs, List<GroupView> groups) {

    public Optional<GroupView> group(String groupId) {
        return groups.stream().filter(g -> g.groupId().equals(groupId)).findFirst();
    }
}
