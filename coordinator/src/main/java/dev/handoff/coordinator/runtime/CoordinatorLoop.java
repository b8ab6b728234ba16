package dev.handoff.coordinator.runtime;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;

import org.apache.kafka.common.errors.CoordinatorLoadInProgressException;
import org.apache.kafka.common.errors.CoordinatorNotAvailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Owns one shard and runs everything that touches it as events on one {@link EventProcessor} (Kafka's
 * {@code CoordinatorRuntime}, for a single partition). An operation's future completes only after its records have
 * been appended to the {@link CoordinatorLog} and replayed into the shard; a parked reply completes when a later
 * result delivers it. Timers fire on the same processor.
 *
 * <p>Until {@link #load()} has replayed the log, operations fail with COORDINATOR_LOAD_IN_PROGRESS; after
 * {@link #close()} they fail with COORDINATOR_NOT_AVAILABLE.
 *
 * @param <S> the shard type
 * @param <R> the record type
 */
public final class CoordinatorLoop<S extends CoordinatorShard<R>, R> implements AutoCloseable {

    private static final Logger LOGGER = LoggerFactory.getLogger(CoordinatorLoop.class);

    private enum State {
        LOADING, ACTIVE, CLOSED
    }

    private final S shard;
    private final CoordinatorLog<R> log;
    private final Clock clock;
    private final EventProcessor processor;
    /** Futures of parked requests, by parking key. Touched on the loop thread only. */
    private final Map<Object, List<CompletableFuture<Object>>> parked = new LinkedHashMap<>();
    private volatile State state = State.LOADING;
    /** True while a due timer's successor is queued; that chain re-arms the wake-up when it ends. Loop thread only. */
    private boolean firingTimers;

    public CoordinatorLoop(S shard, CoordinatorLog<R> log, Clock clock, EventProcessor processor) {
        this.shard = shard;
        this.log = log;
        this.clock = clock;
        this.processor = processor;
    }

    /** Replays the whole log into the shard, then accepts operations. */
    public CompletableFuture<Void> load() {
        CompletableFuture<Void> loaded = new CompletableFuture<>();
        processor.submit(() -> {
            try {
                log.readAll(shard::replay);
                commit(shard.onLoaded(clock.nowMs()));
                state = State.ACTIVE;
                loaded.complete(null);
            } catch (RuntimeException e) {
                LOGGER.error("Loading the coordinator state failed", e);
                state = State.CLOSED;
                loaded.completeExceptionally(e);
            }
            requestWakeUp();
        });
        return loaded;
    }

    /**
     * Runs {@code operation} on the loop.
     *
     * @return completes with the response once its records are replayed, or when a parked reply is delivered;
     *         completes exceptionally with the {@code ApiException} the operation threw
     */
    public <T> CompletableFuture<T> submit(String name, CoordinatorOperation<S, R, T> operation) {
        CompletableFuture<T> future = new CompletableFuture<>();
        if (failIfNotActive(future)) {
            return future;
        }
        processor.submit(() -> {
            if (!failIfNotActive(future)) {
                run(name, operation, future);
            }
            requestWakeUp();
        });
        return future;
    }

    /**
     * Fires the timers due now, each as its own operation whose records are appended and replayed before the next
     * timer runs (Kafka's runtime does the same). The next timer's operation is queued behind whatever was submitted
     * meanwhile, so a burst of due timers interleaves with requests instead of holding them up. Production wake-ups
     * call it; tests call it after advancing their clock.
     *
     * @return completes once no timer is due any more, or exceptionally with the first timer's failure
     */
    public CompletableFuture<Void> fireTimers() {
        CompletableFuture<Void> drained = new CompletableFuture<>();
        if (failIfNotActive(drained)) {
            return drained;
        }
        processor.submit(() -> fireNextTimer(drained));
        return drained;
    }

    private void fireNextTimer(CompletableFuture<Void> drained) {
        if (failIfNotActive(drained)) {
            return;
        }
        CompletableFuture<Boolean> fired = new CompletableFuture<>();
        run("fire-timer", CoordinatorShard::expireNextTimer, fired);
        firingTimers = false;
        // A timer never parks, so run() has completed fired by now and this callback runs right here.
        fired.whenComplete((firedOne, error) -> {
            if (error != null) {
                drained.completeExceptionally(error);
            } else if (firedOne) {
                firingTimers = true;
                processor.submit(() -> fireNextTimer(drained));
            } else {
                drained.complete(null);
            }
        });
        requestWakeUp();
    }

    private <T> void run(String name, CoordinatorOperation<S, R, T> operation, CompletableFuture<T> future) {
        Result<R, T> result;
        try {
            result = operation.execute(shard, clock.nowMs());
        } catch (RuntimeException e) {
            LOGGER.atDebug().addKeyValue("operation", name).setCause(e).log("Operation failed");
            future.completeExceptionally(e);
            return;
        }
        // Park before delivering: the result may itself deliver to the key it parks under (the last member to
        // join completes the join phase, its own JoinGroup included).
        Object parkingKey = result.reply() instanceof Reply.Parked<T> parkedReply ? parkedReply.key() : null;
        if (parkingKey != null) {
            park(parkingKey, future);
        }
        try {
            commit(result);
        } catch (RuntimeException e) {
            LOGGER.atError().addKeyValue("operation", name).setCause(e).log("Appending or replaying records failed");
            if (parkingKey != null) {
                unpark(parkingKey, future);
            }
            future.completeExceptionally(e);
            return;
        }
        if (parkingKey == null) {
            future.complete(result.response());
        }
    }

    private void commit(Result<R, ?> result) {
        if (!result.records().isEmpty()) {
            log.append(result.records());
            result.records().forEach(shard::replay);
        }
        result.deliveries().forEach(this::deliver);
    }

    @SuppressWarnings("unchecked")
    private <T> void park(Object key, CompletableFuture<T> future) {
        parked.computeIfAbsent(key, k -> new ArrayList<>()).add((CompletableFuture<Object>) future);
    }

    private void unpark(Object key, CompletableFuture<?> future) {
        List<CompletableFuture<Object>> waiting = parked.get(key);
        if (waiting != null) {
            waiting.remove(future);
            if (waiting.isEmpty()) {
                parked.remove(key);
            }
        }
    }

    private void deliver(Delivery delivery) {
        List<CompletableFuture<Object>> waiting = parked.remove(delivery.key());
        if (waiting == null) {
            LOGGER.atDebug().addKeyValue("key", delivery.key()).log("No parked request for delivery; dropped");
            return;
        }
        waiting.forEach(future -> future.complete(delivery.response()));
    }

    private void requestWakeUp() {
        if (state != State.ACTIVE || firingTimers) {
            return;
        }
        OptionalLong deadline = shard.nextDeadline();
        if (deadline.isPresent()) {
            processor.wakeUpAfter(Math.max(0, deadline.getAsLong() - clock.nowMs()), this::fireTimers);
        }
    }

    private boolean failIfNotActive(CompletableFuture<?> future) {
        State current = state;
        if (current == State.LOADING) {
            future.completeExceptionally(new CoordinatorLoadInProgressException("The coordinator is loading"));
            return true;
        }
        if (current == State.CLOSED) {
            future.completeExceptionally(new CoordinatorNotAvailableException("The coordinator is closed"));
            return true;
        }
        return false;
    }

    /** @return the number of parked requests still waiting for a delivery */
    public int parkedCount() {
        return parked.values().stream().mapToInt(List::size).sum();
    }

    /** Stops accepting operations and fails every parked request with COORDINATOR_NOT_AVAILABLE. */
    @Override
    public void close() {
        state = State.CLOSED;
        processor.submit(() -> {
            parked.values().forEach(futures -> futures.forEach(future -> future.completeExceptionally(
                new CoordinatorNotAvailableException("The coordinator is closed"))));
            parked.clear();
        });
        processor.close();
    }
}
