package dev.handoff.migrate.doctor;

import dev.handoff.migrate.groups.GroupView;
import dev.handoff.migrate.groups.MemberView;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A consumer-protocol member that kept the same partitions pending revocation, at the same member epoch, through
 * the whole window: the partitions' next owners wait for it (KIP-848 revocation must finish before reassignment),
 * so those partitions are not consumed. Needs at least two samples.
 */
final class StuckRevocationRule implements DoctorRule {

    static final String CODE = "MEMBER_STUCK_REVOKING";

    @Override
    public List<Finding> examine(DoctorSnapshot snapshot) {
        List<GroupSample> samples = snapshot.samples();
        if (samples.size() < 2) {
            return List.of();
        }
        List<Finding> findings = new ArrayList<>();
        for (GroupView group : snapshot.latestGroups()) {
            for (MemberView member : group.members()) {
                if (!member.pendingRevocation().isEmpty() && unchangedThroughout(samples, group.groupId(), member)) {
                    findings.add(finding(group, member, snapshot.windowMs()));
                }
            }
        }
        return findings;
    }

    private static boolean unchangedThroughout(List<GroupSample> samples, String groupId, MemberView latest) {
        for (GroupSample sample : samples) {
            Optional<MemberView> then = sample.group(groupId).flatMap(g -> g.members().stream()
                    .filter(m -> m.memberId().equals(latest.memberId())).findFirst());
            if (then.isEmpty()
                    || !Objects.equals(then.get().memberEpoch(), latest.memberEpoch())
                    || !then.get().pendingRevocation().equals(latest.pendingRevocation())) {
                return false;
            }
        }
        return true;
    }

    private static Finding finding(GroupView group, MemberView member, long windowMs) {
        return new Finding(Severity.ERROR, CODE, group.groupId() + "/" + member.memberId(),
                "Member (client " + member.clientId() + ", epoch " + member.memberEpoch() + ") has not revoked "
                        + member.pendingRevocation() + " for " + windowMs / 1000 + " s; those partitions are "
                        + "not consumed until it does.",
                "The member acknowledges a revocation on its next poll after onPartitionsRevoked returns: look "
                        + "for a blocked poll loop or a slow rebalance listener on that client. The coordinator "
                        + "fences it after its rebalance timeout (max.poll.interval.ms).");
    }
}
