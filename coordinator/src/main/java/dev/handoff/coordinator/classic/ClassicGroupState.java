package dev.handoff.coordinator.classic;

import java.util.EnumSet;
import java.util.Set;

/** The states of a classic group and the transitions Kafka allows between them. */
public enum ClassicGroupState {

    EMPTY("Empty"),
    PREPARING_REBALANCE("PreparingRebalance"),
    COMPLETING_REBALANCE("CompletingRebalance"),
    STABLE("Stable"),
    DEAD("Dead");

    static {
        EMPTY.validPrevious = EnumSet.of(PREPARING_REBALANCE);
        PREPARING_REBALANCE.validPrevious = EnumSet.of(STABLE, COMPLETING_REBALANCE, EMPTY);
        COMPLETING_REBALANCE.validPrevious = EnumSet.of(PREPARING_REBALANCE);
        STABLE.validPrevious = EnumSet.of(COMPLETING_REBALANCE);
        DEAD.validPrevious = EnumSet.of(STABLE, PREPARING_REBALANCE, COMPLETING_REBALANCE, EMPTY, DEAD);
    }

    private final String kafkaName;
    private Set<ClassicGroupState> validPrevious;

    ClassicGroupState(String kafkaName) {
        this.kafkaName = kafkaName;
    }

    /** @return the name DescribeGroups and ListGroups use */
    public String kafkaName() {
        return kafkaName;
    }

    boolean canFollow(ClassicGroupState previous) {
        return validPrevious.contains(previous);
    }
}
