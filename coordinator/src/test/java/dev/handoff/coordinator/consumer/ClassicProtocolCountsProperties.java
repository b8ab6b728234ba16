package dev.handoff.coordinator.consumer;

import static dev.handoff.coordinator.consumer.MigrationTestContext.GROUP;
import static dev.handoff.coordinator.consumer.MigrationTestContext.TOPIC;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;

import dev.handoff.coordinator.record.ClassicMemberValue.ProtocolValue;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/**
 * A consumer group counts, by replay, how many of its classic members offer each classic protocol, so that a classic
 * member's JoinGroup checks its protocols in O(its protocols). Random classic joins (offering one or both of two
 * protocols), rejoins with other offers, leaves, consumer joins and leaves (the group may downgrade to a classic
 * group and be upgraded again) and session expiries: after every event the counts equal a full recount over the
 * members, in the running shard and in one that replayed the log.
 */
class ClassicProtocolCountsProperties {

    private static final int EVENTS = 40;
    private static final List<String> PROTOCOLS = List.of("range", "cooperative-sticky");
    private static final int SESSION_TIMEOUT_MS = 30_000;

    @Property(tries = 20)
    void countedProtocolOffersEqualAFullRecount(@ForAll long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        MigrationTestContext ctx = MigrationTestContext.create(Map.of());
        ctx.createTopic(TOPIC, 6);
        ctx.consumerJoin("consumer-0", TOPIC);
        int nextConsumer = 1;
        for (int event = 0; event < EVENTS; event++) {
            List<String> classic = classicMembers(ctx.consumerGroup());
            int dice = random.nextInt(100);
            if (dice < 35) {
                List<String> offer = offer(random);
                String memberId = ctx.classicJoin("", offer, -1, List.of(), null).response().memberId();
                ctx.classicJoin(memberId, offer, -1, List.of(), null);
            } else if (dice < 55 && !classic.isEmpty()) {
                ctx.classicJoin(classic.get(random.nextInt(classic.size())), offer(random), -1, List.of(), null);
            } else if (dice < 75 && !classic.isEmpty()) {
                ctx.classicLeave(classic.get(random.nextInt(classic.size())));
            } else if (dice < 85) {
                ctx.consumerJoin("consumer-" + nextConsumer++, TOPIC);
            } else if (dice < 95) {
                ctx.consumerLeave("consumer-" + random.nextInt(nextConsumer));
            } else {
                ctx.sleep(SESSION_TIMEOUT_MS + 1);
            }
            assertCountsEqualAFullRecount(ctx.consumerGroup());
            assertCountsEqualAFullRecount(ctx.replayIntoFreshShard().group(GROUP)
                .filter(ConsumerGroup.class::isInstance).map(ConsumerGroup.class::cast));
        }
    }

    private static List<String> offer(SplittableRandom random) {
        List<String> offer = new ArrayList<>(PROTOCOLS);
        if (random.nextBoolean()) {
            offer.remove(random.nextInt(offer.size()));
        }
        return offer;
    }

    private static List<String> classicMembers(Optional<ConsumerGroup> group) {
        return group.map(g -> g.members().values().stream()
            .filter(ConsumerGroupMember::usesClassicProtocol)
            .map(ConsumerGroupMember::memberId)
            .toList()).orElse(List.of());
    }

    private static void assertCountsEqualAFullRecount(Optional<ConsumerGroup> maybeGroup) {
        if (maybeGroup.isEmpty()) {
            return;
        }
        ConsumerGroup group = maybeGroup.get();
        List<ConsumerGroupMember> classic = group.members().values().stream()
            .filter(ConsumerGroupMember::usesClassicProtocol)
            .toList();
        assertThat(group.classicMemberCount()).isEqualTo(classic.size());
        for (String protocol : PROTOCOLS) {
            long offering = classic.stream()
                .filter(member -> member.classicMemberMetadata().orElseThrow().protocols().stream()
                    .map(ProtocolValue::name).anyMatch(protocol::equals))
                .count();
            assertThat(group.classicMembersOffering(protocol)).as(protocol).isEqualTo(offering);
        }
    }
}
