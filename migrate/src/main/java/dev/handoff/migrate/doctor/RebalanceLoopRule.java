package dev.handoff.migrate.doctor;

import dev.handoff.migrate.groups.GroupView;
import dev.handoff.migrate.groups.MemberView;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * A group that keeps rebalancing over the observation window. For a consumer group that is its group epoch rising
 * between samples (KIP-848 bumps it on every membership or subscription change). DescribeGroups does not expose a
 * classic group's generation, so for a classic group it is a changed member set or a rebalancing state.
 */
final class RebalanceLoopRule implements DoctorRule {

    static final String CODE = "REBALANCE_LOOP";

    private final int threshold;

    /** @param threshold how many sample intervals with a rebalance make a loop */
    RebalanceLoopRule(int threshold) {
        this.threshold = threshold;
    }

    @Override
    public List<Finding> examine(DoctorSnapshot snapshot) {
        Map<String, Integer> rebalances = new TreeMap<>();
        Map<String, String> evidence = new TreeMap<>();
        List<GroupSample> samples = snapshot.samples();
        for (int i = 1; i < samples.size(); i++) {
            for (GroupView now : samples.get(i).groups()) {
                Optional<GroupView> before = samples.get(i - 1).group(now.groupId());
                if (before.isPresent() && rebalanced(before.get(), now)) {
                    rebalances.merge(now.groupId(), 1, Integer::sum);
                    evidence.merge(now.groupId(), describe(samples.get(0), now), (first, last) -> last);
                }
            }
        }
        List<Finding> findings = new ArrayList<>();
        rebalances.forEach((groupId, count) -> {
            if (count >= threshold) {
                findings.add(new Finding(Severity.ERROR, CODE, groupId,
                        "Group rebalanced in " + count + " of " + (samples.size() - 1) + " intervals over "
                                + snapshot.windowMs() / 1000 + " s (" + evidence.get(groupId) + ").",
                        "Look for members that keep leaving and rejoining: crashes or restarts, poll loops slower "
                                + "than max.poll.interval.ms, session timeouts from GC pauses or network trouble, "
                                + "or a deployment that recreates consumers. Static membership "
                                + "(group.instance.id) keeps restarts from rebalancing."));
            }
        });
        return findings;
    }

    private static boolean rebalanced(GroupView before, GroupView now) {
        if (now.isConsumerGroup() && before.groupEpoch() != null && now.groupEpoch() != null) {
            return now.groupEpoch() > before.groupEpoch();
        }
        return !memberIds(before).equals(memberIds(now)) || rebalancing(now);
    }

    private static boolean rebalancing(GroupView group) {
        return group.isClassicGroup()
                && ("PreparingRebalance".equals(group.state()) || "CompletingRebalance".equals(group.state()));
    }

    private static Set<String> memberIds(GroupView group) {
        return group.members().stream().map(MemberView::memberId).collect(Collectors.toSet());
    }

    private static String describe(GroupSample first, GroupView now) {
        Integer startEpoch = first.group(now.groupId()).map(GroupView::groupEpoch).orElse(null);
        if (now.groupEpoch() != null && startEpoch != null && !Objects.equals(startEpoch, now.groupEpoch())) {
            return "group epoch " + startEpoch + " -> " + now.groupEpoch();
        }
        return "membership or state changed, now " + now.state();
    }
}
