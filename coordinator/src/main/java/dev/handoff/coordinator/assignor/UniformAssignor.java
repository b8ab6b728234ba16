package dev.handoff.coordinator.assignor;

import java.util.Arrays;
import java.util.Map;

/**
 * Kafka's default server-side assignor ({@code uniform}, KIP-848): balance first, then stickiness.
 *
 * <p>The group is split into independent components (members and topics connected by subscriptions).
 * A component whose members share one subscription gets the exact quota assignment of
 * {@link QuotaAssignment}: loads differ by at most one and a join or leave moves the minimum number of
 * partitions. When the whole group shares one subscription, the same result is computed as a change of
 * the current assignment ({@link IncrementalQuotaAssignment}), in time proportional to the members and the
 * partitions that move. Other components get {@link BalancedAssignment}: sticky, then balanced as far as single
 * moves allow.
 *
 * <p><b>Rack preference</b> (Handoff decision 6; Kafka 4.x assignors ignore racks). When members report a
 * rack and the topic describer knows replica racks, a homogeneous component prefers same-rack owners in
 * the two places where it has a free choice: which current partitions a member over its quota keeps, and
 * which member receives a free partition. Quotas and the keep-what-you-have rule come first, so the rack
 * preference never costs balance or a partition move; it only steers choices that were arbitrary. It is
 * an option of this assignor (on by default, a no-op without racks) rather than a third assignor, because
 * clients pick assignors by name and a rack-blind {@code uniform} would only be worse.
 * Heterogeneous components ignore racks.
 */
public final class UniformAssignor implements PartitionAssignor {

    public static final String NAME = "uniform";

    private final boolean rackAware;
    private final boolean incremental;

    /** The rack-aware assignor. */
    public UniformAssignor() {
        this(true);
    }

    /**
     * @param rackAware whether to prefer same-rack owners when racks are known
     */
    public UniformAssignor(boolean rackAware) {
        this(rackAware, true);
    }

    /**
     * @param rackAware   whether to prefer same-rack owners when racks are known
     * @param incremental whether a homogeneous group may take the {@link IncrementalQuotaAssignment}
     *                    path; off only to compare it with the full computation
     */
    UniformAssignor(boolean rackAware, boolean incremental) {
        this.rackAware = rackAware;
        this.incremental = incremental;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public GroupAssignment assign(GroupSpec group, TopicDescriber topics) {
        if (group.size() == 0) {
            return new GroupAssignment(Map.of());
        }
        TopicIndex index = TopicIndex.of(group, topics);
        RackMatcher racks = rackAware ? RackMatcher.forGroup(group, index, topics) : null;
        if (incremental && group.isHomogeneous()) {
            GroupAssignment changed = new IncrementalQuotaAssignment(group, index, racks).run();
            if (changed != null) {
                return changed;
            }
        }
        Ownership ownership = new Ownership(group, index);
        if (group.isHomogeneous()) {
            int[] all = new int[group.size()];
            Arrays.setAll(all, m -> m);
            int[] allTopics = new int[index.topicCount()];
            Arrays.setAll(allTopics, t -> t);
            assignComponent(group, index, ownership, racks, new SubscriptionComponents.Component(all, allTopics, true));
        } else {
            for (SubscriptionComponents.Component component : SubscriptionComponents.of(group, index)) {
                assignComponent(group, index, ownership, racks, component);
            }
        }
        return ownership.toGroupAssignment();
    }

    private static void assignComponent(
            GroupSpec group, TopicIndex index, Ownership ownership, RackMatcher racks,
            SubscriptionComponents.Component component) {
        if (component.topics().length == 0) {
            return;
        }
        if (component.homogeneous()) {
            new QuotaAssignment(ownership, racks, index, component.members(), component.topics()).run();
        } else {
            new BalancedAssignment(group, ownership, index, component.members(), component.topics()).run();
        }
    }
}
