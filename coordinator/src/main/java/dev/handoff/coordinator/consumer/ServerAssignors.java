package dev.handoff.coordinator.consumer;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.handoff.coordinator.assignor.PartitionAssignor;
import dev.handoff.coordinator.assignor.RangeAssignor;
import dev.handoff.coordinator.assignor.UniformAssignor;

/**
 * The server-side assignors of {@code group.consumer.assignors} (spec §13), in configured order; the first is the
 * default. Handoff knows its built-in {@code uniform} and {@code range}; Kafka's custom assignor class names are not
 * supported.
 */
public final class ServerAssignors {

    private final Map<String, PartitionAssignor> byName = new LinkedHashMap<>();

    /** @throws IllegalArgumentException for an empty list or an unknown name (a configuration error) */
    public ServerAssignors(List<String> names) {
        for (String name : names) {
            PartitionAssignor assignor = switch (name) {
                case UniformAssignor.NAME -> new UniformAssignor();
                case RangeAssignor.NAME -> new RangeAssignor();
                default -> throw new IllegalArgumentException("Unknown server assignor '" + name
                    + "' in group.consumer.assignors; Handoff provides " + UniformAssignor.NAME + " and "
                    + RangeAssignor.NAME);
            };
            byName.put(name, assignor);
        }
        if (byName.isEmpty()) {
            throw new IllegalArgumentException("group.consumer.assignors must name at least one assignor");
        }
    }

    /** The configured names, default first. */
    public List<String> names() {
        return List.copyOf(byName.keySet());
    }

    public boolean contains(String name) {
        return byName.containsKey(name);
    }

    /**
     * The group's assignor: the one most members ask for (ties go to the earlier configured one), else the
     * default.
     */
    public PartitionAssignor effective(Collection<ConsumerGroupMember> members) {
        Map<String, Integer> votes = new HashMap<>();
        members.forEach(m -> m.serverAssignorName().ifPresent(name -> votes.merge(name, 1, Integer::sum)));
        return effective(votes);
    }

    /**
     * {@link #effective(Collection)} from the members' votes already counted (assignor name to the number of
     * members asking for it, {@link ConsumerGroup#assignorVotes()}): O(configured assignors).
     */
    public PartitionAssignor effective(Map<String, Integer> votes) {
        Optional<String> chosen = Optional.empty();
        int best = 0;
        for (String name : byName.keySet()) {
            int count = votes.getOrDefault(name, 0);
            if (count > best) {
                best = count;
                chosen = Optional.of(name);
            }
        }
        return byName.get(chosen.orElse(byName.keySet().iterator().next()));
    }
}
