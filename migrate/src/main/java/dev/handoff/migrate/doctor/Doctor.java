package dev.handoff.migrate.doctor;

import java.util.List;

/** Runs every rule over one snapshot. Pure: the same snapshot always gives the same report. */
public final class Doctor {

    /** Three rebalances in the default window of six intervals are not a rolling deploy's one or two. */
    public static final int DEFAULT_LOOP_THRESHOLD = 3;

    private final List<DoctorRule> rules;

    public Doctor(int rebalanceLoopThreshold) {
        this.rules = List.of(
                new ConsumerProtocolRule(),
                new GroupApisRule(),
                new ClassicGroupRule(),
                new RebalanceLoopRule(rebalanceLoopThreshold),
                new StuckRevocationRule(),
                new AssignorSettingRule());
    }

    public DoctorReport examine(DoctorSnapshot snapshot) {
        return DoctorReport.of(snapshot, rules.stream().flatMap(rule -> rule.examine(snapshot).stream()).toList());
    }
}
