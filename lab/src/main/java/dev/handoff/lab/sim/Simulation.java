package dev.handoff.lab.sim;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

import dev.handoff.coordinator.GroupCoordinatorConfig;
import dev.handoff.lab.scenario.Protocol;
import dev.handoff.lab.scenario.RolloutAction;
import dev.handoff.lab.scenario.RolloutPlan;
import dev.handoff.lab.scenario.Scenario;
import dev.handoff.lab.timeline.Timeline;
import dev.handoff.lab.timeline.TimelineRecorder;
import org.apache.kafka.clients.consumer.ConsumerPartitionAssignor;
import org.apache.kafka.clients.consumer.CooperativeStickyAssignor;
import org.apache.kafka.clients.consumer.RangeAssignor;
import org.apache.kafka.common.Cluster;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.Uuid;

/**
 * A rolling deploy against Handoff's coordinator core with simulated clients on simulated time: one scheduler,
 * one seed, no sockets and no threads. The invariants are checked after every event; the run ends when the
 * producer has stopped and every record is processed (or 30 simulated seconds later).
 */
public final class Simulation {

    private static final long DRAIN_LIMIT_MS = 30_000;
    private static final long DRAIN_STEP_MS = 1_000;
    private static final String TOPIC = "lab-topic";

    private Simulation() {
    }

    /** Runs with the coordinator's Kafka 4.4 defaults. */
    public static Timeline run(Scenario scenario, Protocol protocol) {
        return run(scenario, protocol, Map.of());
    }

    /**
     * @param brokerConfig coordinator configs by Kafka name (e.g. {@code group.initial.rebalance.delay.ms})
     */
    public static Timeline run(Scenario scenario, Protocol protocol, Map<String, String> brokerConfig) {
        SplittableRandom random = new SplittableRandom(scenario.seed());
        RolloutPlan plan = RolloutPlan.of(scenario);
        EventScheduler scheduler = new EventScheduler();
        ClientModel model = ClientModel.defaults();
        Uuid topicId = new Uuid(random.nextLong(), random.nextLong());
        SimCoordinator coordinator = new SimCoordinator(GroupCoordinatorConfig.fromProperties(brokerConfig),
            random.nextLong(), scheduler, model.networkMs(), topicId, TOPIC, scenario.partitions());
        TimelineRecorder recorder = new TimelineRecorder(scheduler::nowMs, scenario.warmupMs());
        Invariants invariants = new Invariants(scenario.partitions(), scheduler);
        SimContext context = new SimContext(scheduler, coordinator, new Workload(scenario.partitions(),
            scenario.recordsPerSecond()), recorder, invariants, scenario, model, "lab-group", TOPIC, topicId,
            plan.endMs());
        Cluster cluster = cluster(scenario.partitions());
        Map<String, SimMember> members = new HashMap<>();
        for (RolloutAction action : plan.actions()) {
            scheduler.at(action.atMs(), () -> {
                if (action.kind() == RolloutAction.Kind.START) {
                    SimMember member = newMember(context, protocol, action, cluster, random);
                    members.put(action.member(), member);
                    member.start();
                } else if (scenario.kill()) {
                    members.get(action.member()).kill();
                } else {
                    members.get(action.member()).stop();
                }
            });
        }
        scheduler.runUntil(plan.endMs(), invariants::afterEvent);
        recorder.tally().producedUpTo(context.workload().producedBy(plan.endMs()));
        long drainEnd = plan.endMs() + DRAIN_LIMIT_MS;
        for (long t = plan.endMs(); t < drainEnd && !recorder.tally().allProcessed(); t += DRAIN_STEP_MS) {
            scheduler.runUntil(t + DRAIN_STEP_MS, invariants::afterEvent);
        }
        return recorder.finish(protocol, "simulated (seed " + scenario.seed() + ")", scenario, plan);
    }

    private static SimMember newMember(SimContext context, Protocol protocol, RolloutAction action, Cluster cluster,
                                       SplittableRandom random) {
        return switch (protocol) {
            case CLASSIC_EAGER -> new ClassicMember(context, action.member(), action.slot(), new RangeAssignor(),
                false, cluster);
            case CLASSIC_COOPERATIVE -> new ClassicMember(context, action.member(), action.slot(),
                new CooperativeStickyAssignor(), true, cluster);
            case CONSUMER -> new ConsumerMember(context, action.member(), action.slot(),
                new Uuid(random.nextLong(), random.nextLong()).toString());
        };
    }

    private static Cluster cluster(int partitions) {
        Node node = new Node(1, "127.0.0.1", 9092);
        List<PartitionInfo> infos = new ArrayList<>();
        for (int p = 0; p < partitions; p++) {
            infos.add(new PartitionInfo(TOPIC, p, node, new Node[] {node}, new Node[] {node}));
        }
        return new Cluster("lab", List.of(node), infos, Set.of(), Set.of());
    }
}
