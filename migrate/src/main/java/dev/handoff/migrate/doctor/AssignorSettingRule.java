package dev.handoff.migrate.doctor;

import dev.handoff.migrate.groups.GroupView;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Settings that stop mattering under the consumer protocol. A classic group's assignor is chosen on the clients
 * ({@code partition.assignment.strategy}); under {@code group.protocol=consumer} the broker assigns, with the
 * assignor named by the client's {@code group.remote.assignor} or else the first of the broker's
 * {@code group.consumer.assignors}. The 4.x consumer refuses {@code partition.assignment.strategy} outright with
 * that protocol ("cannot be set when group.protocol=CONSUMER").
 */
final class AssignorSettingRule implements DoctorRule {

    static final String CLIENT_ASSIGNOR = "CLIENT_ASSIGNOR_IGNORED";
    static final String CUSTOM_ASSIGNOR = "CUSTOM_CLIENT_ASSIGNOR";
    static final String NOT_VISIBLE = "CLIENT_SETTINGS_NOT_VISIBLE";

    /** The built-in client assignors by protocol name, and the server-side assignor that behaves most alike. */
    private static final Map<String, String> SERVER_SIDE_EQUIVALENT = Map.of(
            "range", "range",
            "roundrobin", "uniform",
            "sticky", "uniform",
            "cooperative-sticky", "uniform");

    /** Kafka's default {@code group.consumer.assignors}: the first entry is the default assignor. */
    private static final String DEFAULT_ASSIGNORS = "uniform,range";

    @Override
    public List<Finding> examine(DoctorSnapshot snapshot) {
        String brokerDefault = snapshot.brokerConfigs()
                .getOrDefault(DoctorSnapshot.ASSIGNORS_CONFIG, DEFAULT_ASSIGNORS).split(",")[0].strip();
        List<Finding> findings = new ArrayList<>();
        for (GroupView group : snapshot.latestGroups()) {
            if (group.isClassicGroup() && group.assignor() != null) {
                findings.add(classicAssignor(group, brokerDefault));
            }
        }
        if (snapshot.latestGroups().stream().anyMatch(g -> g.isConsumerGroup() && !g.members().isEmpty())) {
            findings.add(new Finding(Severity.INFO, NOT_VISIBLE, "cluster",
                    "Members of consumer groups send no client-side assignor or timeouts to the broker, so the "
                            + "doctor cannot check their partition.assignment.strategy, session.timeout.ms or "
                            + "heartbeat.interval.ms.",
                    "Nothing to do on the broker; the 4.x consumer itself rejects partition.assignment.strategy "
                            + "with group.protocol=consumer, and group.remote.assignor picks the server-side "
                            + "assignor."));
        }
        return findings;
    }

    private static Finding classicAssignor(GroupView group, String brokerDefault) {
        String clientAssignor = group.assignor();
        Optional<String> equivalent = Optional.ofNullable(SERVER_SIDE_EQUIVALENT.get(clientAssignor));
        if (equivalent.isEmpty()) {
            return new Finding(Severity.WARNING, CUSTOM_ASSIGNOR, group.groupId(),
                    "Group uses the custom client-side assignor '" + clientAssignor + "', which the consumer "
                            + "protocol cannot run: assignment moves to the broker.",
                    "Check that a server-side assignor (" + brokerDefault + " by default; see "
                            + DoctorSnapshot.ASSIGNORS_CONFIG + ") gives an acceptable assignment, and set "
                            + "group.remote.assignor on the consumers if it is not the default.");
        }
        String server = equivalent.get();
        String pick = server.equals(brokerDefault)
                ? "the brokers' default '" + brokerDefault + "' already is the closest match"
                : "set group.remote.assignor=" + server + " on the consumers (the brokers' default is '"
                        + brokerDefault + "')";
        return new Finding(Severity.INFO, CLIENT_ASSIGNOR, group.groupId(),
                "partition.assignment.strategy (" + clientAssignor + ") stops mattering once the group uses the "
                        + "consumer protocol; the broker assigns partitions.",
                "Remove partition.assignment.strategy when switching to group.protocol=consumer; " + pick + ".");
    }
}
