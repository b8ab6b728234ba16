package dev.handoff.bench.reliability;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * A subscribed member of a KIP-848 consumer group that lives across the restarts, polling on its own thread. Group
 * state is persisted (DECISIONS.md #1), so after a restart the broker must describe the same member, with every
 * partition assigned, at a group epoch no lower than before: a group rebuilt from nothing would start again at a
 * low epoch.
 */
final class GroupWatch implements AutoCloseable {

    static final String GROUP = "crash-loop-members";
    private static final Duration SETTLE_TIMEOUT = Duration.ofSeconds(60);

    /** What the broker says about the group: its epoch, and each member's id and assigned partitions. */
    record Snapshot(int groupEpoch, List<String> memberIds, Set<TopicPartition> assigned) {
    }

    private final Set<TopicPartition> partitions;
    private final KafkaConsumer<byte[], byte[]> consumer;
    private final Admin admin;
    private final Thread poller;
    private volatile boolean running = true;

    GroupWatch(String bootstrapServers, String topic, int partitionCount) {
        this.partitions = IntStream.range(0, partitionCount).mapToObj(p -> new TopicPartition(topic, p))
                .collect(Collectors.toSet());
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, GROUP);
        props.put(ConsumerConfig.GROUP_PROTOCOL_CONFIG, "consumer");
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        props.put(ConsumerConfig.RECONNECT_BACKOFF_MS_CONFIG, "50");
        props.put(ConsumerConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, "500");
        this.consumer = new KafkaConsumer<>(props);
        consumer.subscribe(List.of(topic));
        Properties adminProps = new Properties();
        adminProps.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        this.admin = Admin.create(adminProps);
        this.poller = new Thread(this::poll, "crash-loop-group-member");
        poller.setDaemon(true);
        poller.start();
    }

    private void poll() {
        try {
            while (running) {
                consumer.poll(Duration.ofMillis(200));
            }
        } catch (WakeupException stopping) {
            // close() woke the poller up.
        } finally {
            consumer.close(Duration.ofSeconds(5));
        }
    }

    /**
     * Waits until the broker describes the group with every partition assigned to its members.
     *
     * @return the settled group, or empty if it did not settle in time
     */
    Optional<Snapshot> awaitSettled() throws InterruptedException {
        long deadline = System.nanoTime() + SETTLE_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            Optional<Snapshot> snapshot = describe();
            if (snapshot.isPresent() && snapshot.get().assigned().equals(partitions)) {
                return snapshot;
            }
            TimeUnit.MILLISECONDS.sleep(200);
        }
        return Optional.empty();
    }

    /** Problems with the group after a restart, compared with how it was before. */
    List<String> compare(Snapshot before, Optional<Snapshot> after) {
        List<String> problems = new ArrayList<>();
        if (after.isEmpty()) {
            problems.add("group " + GROUP + " did not come back with all partitions assigned within "
                    + SETTLE_TIMEOUT);
            return problems;
        }
        if (after.get().groupEpoch() < before.groupEpoch()) {
            problems.add("group " + GROUP + " epoch went back from " + before.groupEpoch() + " to "
                    + after.get().groupEpoch() + ": the group was rebuilt, not restored");
        }
        if (!after.get().memberIds().equals(before.memberIds())) {
            problems.add("group " + GROUP + " members changed from " + before.memberIds() + " to "
                    + after.get().memberIds());
        }
        return problems;
    }

    private Optional<Snapshot> describe() {
        try {
            ConsumerGroupDescription group = admin.describeConsumerGroups(List.of(GROUP)).all()
                    .get(10, TimeUnit.SECONDS).get(GROUP);
            Collection<MemberDescription> members = group.members();
            Set<TopicPartition> assigned = members.stream()
                    .flatMap(member -> member.assignment().topicPartitions().stream())
                    .collect(Collectors.toSet());
            List<String> ids = members.stream().map(MemberDescription::consumerId).sorted().toList();
            return Optional.of(new Snapshot(group.groupEpoch().orElse(-1), ids, assigned));
        } catch (Exception e) {
            return Optional.empty();
        }
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        consumer.wakeup();
        poller.join(Duration.ofSeconds(10).toMillis());
        admin.close(Duration.ofSeconds(5));
    }
}
