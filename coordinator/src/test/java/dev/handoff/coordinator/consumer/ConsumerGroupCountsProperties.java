package dev.handoff.coordinator.consumer;

import static dev.handoff.coordinator.consumer.ConsumerGroupTestContext.join;
import static dev.handoff.coordinator.consumer.ConsumerGroupTestContext.leave;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.SplittableRandom;

import dev.handoff.coordinator.record.ConsumerGroupMetadataRecord;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.apache.kafka.common.message.ConsumerGroupHeartbeatRequestData;

/**
 * The group keeps per-member counts (subscribed topics, assignor votes) up to date by replay so that joins, leaves
 * and subscription changes cost O(the member's topics). Random joins, leaves, subscription and assignor changes,
 * session expiries, topic changes and restarts: after every event the counted figures equal a full recount over the
 * members, and every group epoch written carries the metadata hash a full recomputation gives.
 */
class ConsumerGroupCountsProperties {

    private static final int EVENTS = 80;
    private static final List<String> TOPICS = List.of("a", "b", "c", "d");
    private static final List<String> ASSIGNORS = List.of("uniform", "range");
    private static final int SESSION_TIMEOUT_MS = 45_000;

    private final ServerAssignors assignors = new ServerAssignors(ASSIGNORS);

    @Property(tries = 30)
    void countedSubscriptionsAndAssignorVotesEqualAFullRecount(@ForAll long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        ConsumerGroupTestContext ctx = ConsumerGroupTestContext.create();
        ctx.createTopic("a", 1 + random.nextInt(4));
        ctx.createTopic("b", 1 + random.nextInt(4));
        int nextId = 0;
        for (int event = 0; event < EVENTS; event++) {
            List<String> members = memberIds(ctx);
            int dice = random.nextInt(100);
            if (dice < 30 || members.isEmpty()) {
                ctx.heartbeat(withSubscriptionAndAssignor(join("m" + nextId++), random));
            } else if (dice < 50) {
                ctx.heartbeat(leave(members.get(random.nextInt(members.size()))));
            } else if (dice < 70) {
                String memberId = members.get(random.nextInt(members.size()));
                ctx.heartbeat(withSubscriptionAndAssignor(
                    ConsumerGroupTestContext.heartbeat(memberId, ctx.member(memberId).memberEpoch()), random));
            } else if (dice < 80) {
                // Half a session, one member heartbeats, half a session: every other member expires.
                ctx.sleep(SESSION_TIMEOUT_MS / 2);
                List<String> alive = memberIds(ctx);
                if (!alive.isEmpty()) {
                    String kept = alive.get(random.nextInt(alive.size()));
                    ctx.heartbeat(ConsumerGroupTestContext.heartbeat(kept, ctx.member(kept).memberEpoch()));
                }
                ctx.sleep(SESSION_TIMEOUT_MS / 2 + 1);
            } else if (dice < 90) {
                String topic = TOPICS.get(random.nextInt(TOPICS.size()));
                if (random.nextBoolean()) {
                    ctx.createTopic(topic, 1 + random.nextInt(4));
                } else {
                    ctx.deleteTopic(topic);
                }
            } else {
                ctx.restart();
            }
            if (!memberIds(ctx).isEmpty()) {
                assertCountsEqualAFullRecount(ctx);
            }
        }
    }

    private static List<String> memberIds(ConsumerGroupTestContext ctx) {
        return ctx.shard().group(ConsumerGroupTestContext.GROUP).isEmpty()
            ? List.of() : new ArrayList<>(ctx.group().members().keySet());
    }

    /** A random subscription (names, maybe a regex) and assignor choice (maybe none) on a join or heartbeat. */
    private static ConsumerGroupHeartbeatRequestData withSubscriptionAndAssignor(
        ConsumerGroupHeartbeatRequestData request, SplittableRandom random) {
        List<String> names = new ArrayList<>();
        TOPICS.forEach(topic -> {
            if (random.nextInt(3) == 0) {
                names.add(topic);
            }
        });
        int assignor = random.nextInt(ASSIGNORS.size() + 1);
        return request
            .setSubscribedTopicNames(names)
            .setSubscribedTopicRegex(random.nextInt(4) == 0 ? "[cd]" : "")
            .setServerAssignor(assignor < ASSIGNORS.size() ? ASSIGNORS.get(assignor) : null);
    }

    private void assertCountsEqualAFullRecount(ConsumerGroupTestContext ctx) {
        ConsumerGroup group = ctx.group();
        SubscriptionResolver resolver = ctx.resolver();
        SortedSet<String> union = resolver.topicNames(group.members().values());
        assertThat(group.subscribedTopicNames()).isEqualTo(union);
        assertThat(group.subscribedMetadataHash()).isEqualTo(resolver.metadataHash(union));
        assertThat(group.subscribedPartitionCount()).isEqualTo(resolver.partitionCount(union));

        Map<String, Integer> votes = new HashMap<>();
        group.members().values().forEach(member ->
            member.serverAssignorName().ifPresent(name -> votes.merge(name, 1, Integer::sum)));
        assertThat(group.assignorVotes()).isEqualTo(votes);
        assertThat(assignors.effective(group.assignorVotes()))
            .isSameAs(assignors.effective(group.members().values()));

        // Replay applied the last records: the last group epoch written by them carries the hash over all members
        // left. Expiries due together run one at a time, so each sees the ones before it: their epochs go up by one.
        List<ConsumerGroupMetadataRecord> epochsWritten = ctx.lastRecords().stream()
            .filter(record -> record instanceof ConsumerGroupMetadataRecord epoch && !epoch.isTombstone())
            .map(ConsumerGroupMetadataRecord.class::cast)
            .toList();
        if (!epochsWritten.isEmpty()) {
            assertThat(group.metadataHash()).isEqualTo(resolver.metadataHash(union));
            for (int i = 1; i < epochsWritten.size(); i++) {
                int previousEpoch = epochsWritten.get(i - 1).value().epoch();
                assertThat(epochsWritten.get(i).value().epoch()).isEqualTo(previousEpoch + 1);
            }
        }
    }
}
