package dev.handoff.lab.sim;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.function.BiFunction;
import java.util.function.Consumer;

import dev.handoff.coordinator.GroupCoordinatorConfig;
import dev.handoff.coordinator.GroupCoordinatorShard;
import dev.handoff.coordinator.consumer.TopicImage;
import dev.handoff.coordinator.consumer.TopicsImage;
import dev.handoff.coordinator.record.CoordinatorRecord;
import dev.handoff.coordinator.runtime.Delivery;
import dev.handoff.coordinator.runtime.Reply;
import dev.handoff.coordinator.runtime.Result;
import dev.handoff.coordinator.runtime.SeededIdGenerator;
import org.apache.kafka.common.Uuid;

/**
 * Handoff's coordinator core, driven the way the broker's loop drives it, on simulated time: each request runs at
 * the time it arrives, its records are replayed at once, parked replies are delivered when the core says so, and
 * the core's timers fire at their deadlines. Requests and responses each take the network latency.
 */
final class SimCoordinator {

    private final GroupCoordinatorShard shard;
    private final EventScheduler scheduler;
    private final long networkMs;
    private final Map<Object, Consumer<Object>> parked = new HashMap<>();
    private long armedDeadline = Long.MAX_VALUE;

    SimCoordinator(GroupCoordinatorConfig config, long seed, EventScheduler scheduler, long networkMs, Uuid topicId,
                   String topic, int partitions) {
        this.shard = new GroupCoordinatorShard(config, new SeededIdGenerator(seed));
        this.scheduler = scheduler;
        this.networkMs = networkMs;
        apply(shard.onLoaded(0));
        apply(shard.onTopicsChanged(TopicsImage.of(List.of(TopicImage.of(topicId, topic, partitions))), 0));
        armTimers();
    }

    /**
     * Sends a request: it reaches the coordinator after the network latency, and the response (now, or when a
     * parked request is completed) reaches {@code onResponse} after the latency again.
     */
    <T> void send(BiFunction<GroupCoordinatorShard, Long, Result<CoordinatorRecord, T>> operation,
                  Consumer<T> onResponse) {
        scheduler.after(networkMs, () -> {
            Result<CoordinatorRecord, T> result = operation.apply(shard, scheduler.nowMs());
            if (result.reply() instanceof Reply.Parked<T> parkedReply) {
                @SuppressWarnings("unchecked")
                Consumer<Object> handler = response -> onResponse.accept((T) response);
                parked.put(parkedReply.key(), handler);
            }
            apply(result);
            if (result.reply() instanceof Reply.Now<T> now) {
                T response = now.response();
                scheduler.after(networkMs, () -> onResponse.accept(response));
            }
            armTimers();
        });
    }

    private void apply(Result<CoordinatorRecord, ?> result) {
        result.records().forEach(shard::replay);
        for (Delivery delivery : result.deliveries()) {
            Consumer<Object> handler = parked.remove(delivery.key());
            if (handler != null) {
                Object response = delivery.response();
                scheduler.after(networkMs, () -> handler.accept(response));
            }
        }
    }

    /** Schedules the timer check for the core's next deadline, unless an earlier check is already scheduled. */
    private void armTimers() {
        OptionalLong next = shard.nextDeadline();
        if (next.isPresent() && next.getAsLong() < armedDeadline) {
            armedDeadline = next.getAsLong();
            scheduler.at(next.getAsLong(), this::fireTimers);
        }
    }

    private void fireTimers() {
        if (scheduler.nowMs() < armedDeadline) {
            return;
        }
        armedDeadline = Long.MAX_VALUE;
        shard.expireDueTimers(scheduler.nowMs(), this::apply);
        armTimers();
    }
}
