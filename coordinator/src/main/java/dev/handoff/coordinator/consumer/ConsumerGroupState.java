package dev.handoff.coordinator.consumer;

/** The state of a consumer group as ConsumerGroupDescribe and ListGroups report it (spec §15). */
public enum ConsumerGroupState {
    /** No members. */
    EMPTY("Empty"),
    /** The group epoch is ahead of the target assignment epoch: a new target is due. */
    ASSIGNING("Assigning"),
    /** Some member has not reconciled to the target assignment yet. */
    RECONCILING("Reconciling"),
    /** Every member owns its target assignment at the target epoch. */
    STABLE("Stable"),
    /** The group is being deleted (never observable here: deletion is one step). */
    DEAD("Dead");

    private final String kafkaName;

    ConsumerGroupState(String kafkaName) {
        this.kafkaName = kafkaName;
    }

    /** The name Kafka reports, e.g. {@code "Reconciling"}. */
    public String kafkaName() {
        return kafkaName;
    }
}
