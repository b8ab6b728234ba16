package dev.handoff.coordinator.assignor;

/**
 * A server-side assignor (KIP-848): a pure function from the group's members and the topic metadata to the
 * new target assignment. Implementations keep no state between calls and iterate members and topics in a
 * sorted order, so equal inputs always give equal outputs.
 */
public interface PartitionAssignor {

    /** The name clients select with {@code group.remote.assignor}. */
    String name();

    /**
     * Computes the target assignment.
     *
     * @param group  the members, their subscriptions and current target assignments
     * @param topics partition counts and racks of the subscribed topics
     * @return an assignment holding every member of {@code group} (possibly with no partitions)
     * @throws PartitionAssignorException if a member subscribes to a topic that does not exist
     */
    GroupAssignment assign(GroupSpec group, TopicDescriber topics);
}
