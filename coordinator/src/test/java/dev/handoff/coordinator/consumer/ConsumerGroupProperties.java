package dev.handoff.coordinator.consumer;

import static dev.handoff.coordinator.consumer.ConsumerGroupTestContext.ack;
import static dev.handoff.coordinator.consumer.ConsumerGroupTestContext.assignmentOf;
import static dev.handoff.coordinator.consumer.ConsumerGroupTestContext.join;
import static dev.handoff.coordinator.consumer.ConsumerGroupTestContext.leave;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.message.ConsumerGroupHeartbeatResponseData;
import org.apache.kafka.common.protocol.Errors;

/**
 * Random joins, leaves, heartbeats, pauses and topic changes against one group, with simulated members that do what
 * the 4.4 client does (acknowledge what they were given, rejoin when fenced). After every event no partition is held
 * by two members; once the chaos stops and everybody heartbeats, every member converges to its target.
 */
class ConsumerGroupProperties {

    private static final int EVENTS = 60;
    private static final int SETTLE_ROUNDS = 8;

    /** One simulated consumer: the epoch and partitions it believes it has. */
    private static final class Client {
        int epoch;
        Map<Uuid, List<Integer>> owned = new TreeMap<>();
    }

    @Property(tries = 40)
    void noPartitionIsEverOwnedTwiceAndEveryMemberConverges(@ForAll long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        ConsumerGroupTestContext ctx = ConsumerGroupTestContext.create();
        ctx.createTopic("a", 1 + random.nextInt(6));
        Map<String, Client> clients = new TreeMap<>();
        int nextId = 0;
        for (int event = 0; event < EVENTS; event++) {
            int dice = random.nextInt(100);
            if (dice < 20 || clients.isEmpty()) {
                String memberId = "m" + nextId++;
                clients.put(memberId, new Client());
                send(ctx, memberId, clients.get(memberId), true);
            } else if (dice < 30) {
                String memberId = pick(clients, random);
                ctx.heartbeat(leave(memberId));
                clients.remove(memberId);
            } else if (dice < 85) {
                String memberId = pick(clients, random);
                send(ctx, memberId, clients.get(memberId), false);
            } else if (dice < 95) {
                ctx.sleep(random.nextInt(20_000));
            } else {
                ctx.createTopic(random.nextBoolean() ? "a" : "b", 1 + random.nextInt(6));
            }
            assertNoPartitionOwnedTwice(ctx);
        }
        for (int round = 0; round < SETTLE_ROUNDS; round++) {
            clients.forEach((memberId, client) -> send(ctx, memberId, client, false));
            assertNoPartitionOwnedTwice(ctx);
        }
        if (!clients.isEmpty()) {
            ConsumerGroup group = ctx.group();
            assertThat(group.state()).isEqualTo(ConsumerGroupState.STABLE);
            clients.forEach((memberId, client) -> {
                ConsumerGroupMember member = group.member(memberId).orElseThrow();
                assertThat(member.assignedPartitions().partitions())
                    .isEqualTo(group.targetAssignment(memberId).partitions());
                assertThat(client.epoch).isEqualTo(group.assignmentEpoch());
            });
        }
    }

    /** A 4.4 client's heartbeat: join (or rejoin after fencing) with everything, else acknowledge what it owns. */
    private static void send(ConsumerGroupTestContext ctx, String memberId, Client client, boolean joining) {
        ConsumerGroupHeartbeatResponseData response = ctx.heartbeat(joining
            ? join(memberId, "a", "b") : ack(memberId, client.epoch, client.owned));
        Errors error = Errors.forCode(response.errorCode());
        if (error == Errors.UNKNOWN_MEMBER_ID || error == Errors.FENCED_MEMBER_EPOCH) {
            client.owned = new TreeMap<>();
            send(ctx, memberId, client, true);
            return;
        }
        assertThat(error).isEqualTo(Errors.NONE);
        client.epoch = response.memberEpoch();
        if (response.assignment() != null) {
            client.owned = assignmentOf(response);
        }
    }

    private static String pick(Map<String, Client> clients, SplittableRandom random) {
        return List.copyOf(clients.keySet()).get(random.nextInt(clients.size()));
    }

    private static void assertNoPartitionOwnedTwice(ConsumerGroupTestContext ctx) {
        if (ctx.shard().group(ConsumerGroupTestContext.GROUP).isEmpty()) {
            return;
        }
        Set<String> owned = new HashSet<>();
        for (ConsumerGroupMember member : ctx.group().members().values()) {
            for (PartitionEpochs partitions : List.of(member.assignedPartitions(),
                member.partitionsPendingRevocation())) {
                partitions.epochs().forEach((topicId, epochs) -> epochs.keySet().forEach(p ->
                    assertThat(owned.add(topicId + "-" + p)).as("%s-%d owned twice", topicId, p).isTrue()));
            }
        }
    }
}
