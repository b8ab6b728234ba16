package dev.handoff.migrate.doctor;

import java.util.List;

/** A broker that cannot list or describe groups hosts no consumer groups of either protocol. */
final class GroupApisRule implements DoctorRule {

    static final String CODE = "GROUP_APIS_MISSING";

    @Override
    public List<Finding> examine(DoctorSnapshot snapshot) {
        if (snapshot.groupApiError() == null) {
            return List.of();
        }
        return List.of(new Finding(Severity.ERROR, CODE, "cluster",
                "The brokers cannot list or describe consumer groups: " + snapshot.groupApiError(),
                "Consumers cannot use group management on this cluster; use a broker version that supports "
                        + "ListGroups and DescribeGroups (and ConsumerGroupDescribe for the consumer protocol)."));
    }
}
