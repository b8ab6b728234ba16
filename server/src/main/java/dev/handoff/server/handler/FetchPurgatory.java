package dev.handoff.server.handler;

import java.util.Collection;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.apache.kafka.common.TopicPartition;

/**
 * Parks long-poll fetches (Kafka's delayed fetch): a fetch that found fewer than MinBytes waits until an append
 * to one of its partitions brings enough data, or until MaxWaitMs passes, whichever is first. Each attempt
 * re-reads the logs, so the response always reflects the latest state.
 */
public final class FetchPurgatory {

    private final Scheduler scheduler;
    private final Map<TopicPartition, Set<DelayedFetch<?>>> watchers = new ConcurrentHashMap<>();

    public FetchPurgatory(Scheduler scheduler) {
        this.scheduler = scheduler;
    }

    /** Runs a task after a delay; the broker uses its request executors, tests fire tasks by hand. */
    @FunctionalInterface
    public interface Scheduler {
        Future<?> schedule(Runnable task, long delayMs);
    }

    /** An attempt at a fetch response, and whether it is good enough to send before the deadline. */
    record Attempt<T>(T response, boolean satisfied) {
    }

    /**
     * Waits for {@code attempt} to be satisfied, re-trying it after every append to one of {@code partitions}.
     *
     * @param attempt  reads the logs and builds a response
     * @param maxWaitMs how long to wait at most; then the latest attempt is sent as it is
     */
    <T> CompletableFuture<T> park(Collection<TopicPartition> partitions, Supplier<Attempt<T>> attempt,
                                  long maxWaitMs) {
        DelayedFetch<T> delayed = new DelayedFetch<>(Set.copyOf(partitions), attempt);
        for (TopicPartition tp : delayed.partitions) {
            watchers.computeIfAbsent(tp, k -> ConcurrentHashMap.newKeySet()).add(delayed);
        }
        delayed.timeout = scheduler.schedule(delayed::forceComplete, maxWaitMs);
        // An append may have landed between the first attempt and the registration.
        delayed.tryComplete();
        return delayed.future;
    }

    /** Called after appends: re-tries the fetches waiting on these partitions. */
    public void onAppend(Collection<TopicPartition> partitions) {
        Set<DelayedFetch<?>> woken = new HashSet<>();
        for (TopicPartition tp : partitions) {
            Set<DelayedFetch<?>> waiting = watchers.get(tp);
            if (waiting != null) {
                waiting.forEach(woken::add);
            }
        }
        woken.forEach(DelayedFetch::tryComplete);
    }

    private final class DelayedFetch<T> {

        private final Set<TopicPartition> partitions;
        private final Supplier<Attempt<T>> attempt;
        private final CompletableFuture<T> future = new CompletableFuture<>();
        private final AtomicBoolean done = new AtomicBoolean();
        private volatile Future<?> timeout;

        DelayedFetch(Set<TopicPartition> partitions, Supplier<Attempt<T>> attempt) {
            this.partitions = partitions;
            this.attempt = attempt;
        }

        void tryComplete() {
            if (done.get()) {
                return;
            }
            try {
                Attempt<T> result = attempt.get();
                if (result.satisfied()) {
                    complete(result.response(), null);
                }
            } catch (RuntimeException e) {
                complete(null, e);
            }
        }

        void forceComplete() {
            if (done.get()) {
                return;
            }
            try {
                complete(attempt.get().response(), null);
            } catch (RuntimeException e) {
                complete(null, e);
            }
        }

        private void complete(T response, Throwable error) {
            if (!done.compareAndSet(false, true)) {
                return;
            }
            Future<?> pending = timeout;
            if (pending != null) {
                pending.cancel(false);
            }
            for (TopicPartition tp : partitions) {
                watchers.computeIfPresent(tp, (k, set) -> {
                    set.remove(this);
                    return set.isEmpty() ? null : set;
                });
            }
            if (error == null) {
                future.complete(response);
            } else {
                future.completeExceptionally(error);
            }
        }
    }
}
