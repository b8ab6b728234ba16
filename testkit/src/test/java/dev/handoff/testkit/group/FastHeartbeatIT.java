package dev.handoff.testkit.group;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.handoff.testkit.EmbeddedHandoff;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Handoff's faster handoffs (group.consumer.fast.heartbeat.*) with real kafka-clients 4.4 consumers
 * ({@code group.protocol=consumer}, default client settings): the same join and leave with the setting on and off.
 * Only the ordering is asserted; the figures belong to the handoff benchmark.
 */
class FastHeartbeatIT {

    private static final Logger LOGGER = LoggerFactory.getLogger(FastHeartbeatIT.class);

    private static final String TOPIC = "orders";
    private static final int PARTITIONS = 12;
    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    /** group.consumer.fast.heartbeat.window.ms's default, plus a fast heartbeat to leave it. */
    private static final Duration QUIET_AFTER = Duration.ofMillis(10_000 + 1_500);

    @Test
    void fastHeartbeatsShortenJoinAndLeaveSettling() throws Exception {
        // Given
        Settling off;
        try (EmbeddedHandoff broker = broker(false)) {
            off = joinThenLeave(broker);
        }

        // When
        Settling on;
        try (EmbeddedHandoff broker = broker(true)) {
            on = joinThenLeave(broker);
        }

        // Then
        LOGGER.info("Settling with fast heartbeats off: {}; on: {}", off, on);
        assertThat(on.leaveMs()).isLessThan(off.leaveMs());
        assertThat(on.joinMs() + on.leaveMs()).isLessThan(off.joinMs() + off.leaveMs());
    }

    private static EmbeddedHandoff broker(boolean fast) {
        return EmbeddedHandoff.builder()
                .brokerProperty("group.consumer.fast.heartbeat.enable", Boolean.toString(fast))
                .start();
    }

    /**
     * Three members share the topic; once the group is quiet a fourth joins, and as soon as every partition is owned
     * again it leaves (the next change of a rolling deploy).
     */
    private static Settling joinThenLeave(EmbeddedHandoff broker) throws Exception {
        GroupTestSupport.createTopic(broker, TOPIC, PARTITIONS);
        Owners owners = new Owners();
        List<Member> members = new ArrayList<>();
        try {
            for (int i = 0; i < 3; i++) {
                members.add(Member.start(broker, "m" + i, owners));
            }
            await().atMost(TIMEOUT).until(() -> owners.settled(members));
            await().pollDelay(QUIET_AFTER).atMost(QUIET_AFTER.plus(TIMEOUT)).until(() -> owners.settled(members));

            long joinedAt = System.nanoTime();
            Member joiner = Member.start(broker, "m3", owners);
            members.add(joiner);
            await().atMost(TIMEOUT).until(() -> owners.settled(members));
            long joinMs = (owners.lastChangeNanos() - joinedAt) / 1_000_000;

            long leftAt = System.nanoTime();
            members.remove(joiner);
            joiner.stop();
            await().atMost(TIMEOUT).until(() -> owners.settled(members));
            long leaveMs = (owners.lastChangeNanos() - leftAt) / 1_000_000;
            return new Settling(joinMs, leaveMs);
        } finally {
            members.forEach(Member::stop);
        }
    }

    private record Settling(long joinMs, long leaveMs) {
    }

    /** Who owns which partition, from the members' rebalance callbacks, and when that last changed. */
    private static final class Owners {

        private final Map<TopicPartition, String> owners = new ConcurrentHashMap<>();
        private final AtomicLong lastChangeNanos = new AtomicLong();

        void assigned(String member, Collection<TopicPartition> partitions) {
            partitions.forEach(tp -> owners.put(tp, member));
            lastChangeNanos.set(System.nanoTime());
        }

        void released(String member, Collection<TopicPartition> partitions) {
            partitions.forEach(tp -> owners.remove(tp, member));
            lastChangeNanos.set(System.nanoTime());
        }

        /** Every partition is owned, by {@code members} only, and each of them owns its equal share. */
        boolean settled(List<Member> members) {
            int share = PARTITIONS / members.size();
            return owners.size() == PARTITIONS && members.stream().allMatch(member ->
                    owners.values().stream().filter(member.name()::equals).count() == share);
        }

        long lastChangeNanos() {
            return lastChangeNanos.get();
        }
    }

    /** A consumer polling on its own thread until stopped, then closing (a clean leave). */
    private static final class Member implements ConsumerRebalanceListener {

        private final String name;
        private final Owners owners;
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final Thread thread;

        private Member(String name, Owners owners, KafkaConsumer<byte[], byte[]> consumer) {
            this.name = name;
            this.owners = owners;
            this.thread = new Thread(() -> poll(consumer), "fast-heartbeat-it-" + name);
        }

        static Member start(EmbeddedHandoff broker, String name, Owners owners) {
            KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(
                    ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                    ConsumerConfig.GROUP_ID_CONFIG, "fast-heartbeat-it",
                    ConsumerConfig.GROUP_PROTOCOL_CONFIG, "consumer",
                    ConsumerConfig.CLIENT_ID_CONFIG, name),
                    new ByteArrayDeserializer(), new ByteArrayDeserializer());
            Member member = new Member(name, owners, consumer);
            consumer.subscribe(List.of(TOPIC), member);
            member.thread.start();
            return member;
        }

        String name() {
            return name;
        }

        private void poll(KafkaConsumer<byte[], byte[]> consumer) {
            try (consumer) {
                while (running.get()) {
                    consumer.poll(Duration.ofMillis(50));
                }
            }
        }

        void stop() {
            running.set(false);
            try {
                thread.join(TIMEOUT.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            owners.assigned(name, partitions);
        }

        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            owners.released(name, partitions);
        }

        @Override
        public void onPartitionsLost(Collection<TopicPartition> partitions) {
            owners.released(name, partitions);
        }
    }
}
