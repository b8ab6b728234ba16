package dev.handoff.migrate.doctor;

import dev.handoff.migrate.groups.GroupView;
import java.util.List;
import java.util.Map;

/**
 * Everything the doctor's rules look at, collected once: the rules are pure functions of it.
 *
 * @param brokerConfigs the broker's group settings that matter here ({@code group.consumer.assignors},
 *                      {@code group.consumer.migration.policy}); missing when the broker does not report them
 * @param samples       the groups at each sampling moment, oldest first; at least one
 * @param groupApiError why the groups could not be listed or described, {@code null} if they could
 */
public record DoctorSnapshot(ProtocolSupport protocol, Map<String, String> brokerConfigs, List<GroupSample> samples,
                             String groupApiError) {

    public static final String ASSIGNORS_CONFIG = "group.consumer.assignors";
    public static final String MIGRATION_POLICY_CONFIG = "group.consumer.migration.policy";

    public DoctorSnapshot {
        if (samples.isEmpty()) {
            throw new IllegalArgumentException("At least one sample is needed");
        }
        brokerConfigs = Map.copyOf(brokerConfigs);
        samples = List.copyOf(samples);
    }

    public DoctorSnapshot(ProtocolSupport protocol, Map<String, String> brokerConfigs, List<GroupSample> samples) {
        this(protocol, brokerConfigs, samples, null);
    }

    public List<GroupView> latestGroups() {
        return samples.get(samples.size() - 1).groups();
    }

    public long windowMs() {
        return samples.get(samples.size() - 1).atMs() - samples.get(0).atMs();
    }
}
