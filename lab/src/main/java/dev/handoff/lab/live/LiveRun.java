package dev.handoff.lab.live;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.LongConsumer;

import dev.handoff.lab.scenario.Protocol;
import dev.handoff.lab.scenario.RolloutAction;
import dev.handoff.lab.scenario.RolloutPlan;
import dev.handoff.lab.scenario.Scenario;
import dev.handoff.lab.timeline.Timeline;
import dev.handoff.lab.timeline.TimelineRecorder;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;

/**
 * Runs a rollout with real kafka-clients against a cluster: creates a fresh topic and group, starts the steady
 * producer, executes the plan's starts and stops at their times, then lets the consumers drain what was produced.
 * Against the lab's own Handoff broker, it also copies the group's flight recording from the broker's console into
 * the timeline, so the report's sequence diagram shows the coordinator's side of each change.
 */
public final class LiveRun {

    /** After the plan's end, how long the consumers may take to process what is left before the run gives up. */
    private static final long DRAIN_TIMEOUT_MS = 30_000;
    private static final long TICK_MS = 20;

    private final String bootstrap;
    private final String runId;
    private final Map<String, String> consumerOverrides;
    private final Optional<String> handoffConsole;

    /**
     * A run against any cluster; the timeline has the consumers' side only.
     *
     * @param bootstrap         the cluster
     * @param runId             distinguishes this run's topics and groups from earlier runs on the same cluster
     * @param consumerOverrides consumer configs set on every consumer, after the lab's own
     */
    public LiveRun(String bootstrap, String runId, Map<String, String> consumerOverrides) {
        this(bootstrap, runId, consumerOverrides, Optional.empty());
    }

    /**
     * @param handoffConsole the web console of the Handoff broker at {@code bootstrap}, whose flight recording of
     *                       the group is added to the timeline; empty for a cluster that has none
     */
    public LiveRun(String bootstrap, String runId, Map<String, String> consumerOverrides,
                   Optional<String> handoffConsole) {
        this.bootstrap = bootstrap;
        this.runId = runId;
        this.consumerOverrides = Map.copyOf(consumerOverrides);
        this.handoffConsole = handoffConsole;
    }

    /** The group the run with {@code protocol} uses; its topic has the same name. */
    public String groupId(Protocol protocol) {
        return "lab-" + runId + "-" + protocol.cliName();
    }

    /**
     * @param progress told the elapsed milliseconds now and then
     * @return the run's timeline
     */
    public Timeline run(Scenario scenario, Protocol protocol, LongConsumer progress)
        throws InterruptedException, ExecutionException {
        RolloutPlan plan = RolloutPlan.of(scenario);
        String name = groupId(protocol);
        createTopic(name, scenario.partitions());
        RunClock clock = new RunClock();
        TimelineRecorder recorder = new TimelineRecorder(clock::millis, scenario.warmupMs());
        MemberIds memberIds = new MemberIds();
        ExecutorService threads = Executors.newCachedThreadPool(DaemonThreads.named("lab-consumer"));
        Map<String, LiveConsumer> consumers = new HashMap<>();
        Optional<CoordinatorRecording> recording = handoffConsole.map(console -> CoordinatorRecording.start(console,
            name));
        try (SteadyProducer producer = new SteadyProducer(bootstrap, name, scenario.partitions(),
            scenario.recordsPerSecond(), clock, recorder.tally())) {
            producer.start();
            for (RolloutAction action : plan.actions()) {
                waitUntil(clock, action.atMs(), progress);
                execute(action, scenario, protocol, name, recorder, clock, memberIds, consumers, threads);
            }
            waitUntil(clock, plan.endMs(), progress);
            producer.stop();
            long drainDeadline = clock.millis() + DRAIN_TIMEOUT_MS;
            while (!recorder.tally().allProcessed() && clock.millis() < drainDeadline) {
                Thread.sleep(TICK_MS);
            }
            if (recording.isPresent()) {
                CoordinatorEvents.toTimeline(recording.get().finish(), memberIds.snapshot(), clock.startEpochMs())
                    .forEach(recorder::add);
            }
            return recorder.finish(protocol, "live against " + bootstrap, scenario, plan);
        } finally {
            recording.ifPresent(CoordinatorRecording::close);
            consumers.values().forEach(LiveConsumer::stop);
            threads.shutdown();
            threads.awaitTermination(60, TimeUnit.SECONDS);
            threads.shutdownNow();
        }
    }

    private void execute(RolloutAction action, Scenario scenario, Protocol protocol, String name,
                         TimelineRecorder recorder, RunClock clock, MemberIds memberIds,
                         Map<String, LiveConsumer> consumers, ExecutorService threads) {
        if (action.kind() == RolloutAction.Kind.START) {
            LiveConsumer consumer = new LiveConsumer(action.member(), action.slot(),
                LiveSettings.consumer(bootstrap, name, action.member(), protocol, consumerOverrides), name,
                scenario.processingMs(), recorder, clock, memberIds);
            consumers.put(action.member(), consumer);
            threads.execute(consumer);
        } else {
            Optional.ofNullable(consumers.get(action.member()))
                .ifPresent(consumer -> {
                    if (scenario.kill()) {
                        consumer.kill();
                    } else {
                        consumer.stop();
                    }
                });
        }
    }

    private static void waitUntil(RunClock clock, long atMs, LongConsumer progress) throws InterruptedException {
        while (clock.millis() < atMs) {
            progress.accept(clock.millis());
            Thread.sleep(Math.min(TICK_MS * 10, Math.max(1, atMs - clock.millis())));
        }
    }

    /**
     * Creates the run's topic, and makes sure the group coordinator is up first: looking up a group's offsets
     * finds its coordinator, which creates {@code __consumer_offsets} on a fresh cluster. Without this, the first
     * run would measure the offsets topic's creation instead of the rollout.
     */
    private void createTopic(String name, int partitions) throws InterruptedException, ExecutionException {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            admin.listConsumerGroupOffsets(name).partitionsToOffsetAndMetadata().get();
            admin.createTopics(List.of(new NewTopic(name, partitions, (short) 1))).all().get();
        }
    }
}
