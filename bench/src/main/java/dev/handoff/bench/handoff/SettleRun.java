package dev.handoff.bench.handoff;

import dev.handoff.lab.scenario.Protocol;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;

/**
 * Measures the isolated join and leave of {@link SettleSettings} with real consumers against one cluster: the base
 * group stays up for all repetitions; each repetition adds a fresh consumer and later closes it.
 */
final class SettleRun {

    private static final long CHECK_EVERY_NANOS = Duration.ofMillis(5).toNanos();

    private final String bootstrap;
    private final SettleSettings settings;
    private final Consumer<String> progress;
    private final StratifiedJitter jitter;

    SettleRun(String bootstrap, SettleSettings settings, Consumer<String> progress) {
        this.bootstrap = bootstrap;
        this.settings = settings;
        this.progress = progress;
        this.jitter = new StratifiedJitter(settings.jitterMs(), settings.repetitions(), settings.seed());
    }

    /** @param name the topic and the group, fresh on this cluster */
    SettleFigures run(String name, Protocol protocol)
            throws ExecutionException, InterruptedException, TimeoutException {
        createTopic(name);
        PartitionOwners owners = new PartitionOwners(settings.partitions());
        List<SettleMember> group = new ArrayList<>();
        List<Long> joins = new ArrayList<>();
        List<Long> leaves = new ArrayList<>();
        try {
            for (int i = 0; i < settings.members(); i++) {
                group.add(SettleMember.start(bootstrap, name, name, protocol, "member-" + i, owners));
            }
            awaitSettled(owners, names(group), System.nanoTime());
            for (int repetition = 0; repetition < settings.repetitions(); repetition++) {
                List<String> withJoiner = new ArrayList<>(names(group));
                String joinerName = "joiner-" + repetition;
                withJoiner.add(joinerName);

                quiet(owners, names(group), jitter.beforeJoin(repetition));
                long joinAt = System.nanoTime();
                SettleMember joiner = SettleMember.start(bootstrap, name, name, protocol, joinerName, owners);
                try {
                    joins.add(awaitSettled(owners, withJoiner, joinAt));
                    quiet(owners, withJoiner, jitter.beforeLeave(repetition));
                    long leaveAt = System.nanoTime();
                    joiner.signalStop();
                    leaves.add(awaitSettled(owners, names(group), leaveAt));
                } finally {
                    joiner.stop();
                }
                progress.accept(String.format("join %d ms, leave %d ms", joins.get(repetition),
                        leaves.get(repetition)));
            }
        } finally {
            group.forEach(SettleMember::signalStop);
            group.forEach(SettleMember::stop);
        }
        return new SettleFigures(joins, leaves);
    }

    /** Waits until the group has been settled, without any ownership change, for the quiet time and the jitter. */
    private void quiet(PartitionOwners owners, List<String> members, long jitterMs) throws TimeoutException {
        long quietMs = settings.quietMs() + jitterMs;
        long deadline = System.nanoTime() + Duration.ofMillis(settings.timeoutMs() + quietMs).toNanos();
        while (true) {
            long changedBefore = owners.lastChangeNanos();
            LockSupport.parkNanos(Duration.ofMillis(quietMs).toNanos());
            if (owners.lastChangeNanos() == changedBefore && owners.settled(members)) {
                return;
            }
            if (System.nanoTime() - deadline > 0) {
                throw new TimeoutException(members + " did not stay settled for " + quietMs + " ms");
            }
        }
    }

    /** @return milliseconds from {@code fromNanos} to the ownership change that settled {@code members} */
    private long awaitSettled(PartitionOwners owners, List<String> members, long fromNanos) throws TimeoutException {
        long deadline = fromNanos + Duration.ofMillis(settings.timeoutMs()).toNanos();
        while (!owners.settled(members)) {
            if (System.nanoTime() - deadline > 0) {
                throw new TimeoutException(members + " did not settle within " + settings.timeoutMs() + " ms");
            }
            LockSupport.parkNanos(CHECK_EVERY_NANOS);
        }
        return Math.max(0, owners.lastChangeNanos() - fromNanos) / 1_000_000;
    }

    private static List<String> names(List<SettleMember> members) {
        return members.stream().map(SettleMember::name).toList();
    }

    private void createTopic(String name) throws ExecutionException, InterruptedException {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            admin.createTopics(List.of(new NewTopic(name, settings.partitions(), (short) 1))).all().get();
        }
    }
}
