package dev.handoff.coordinator.recorder;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.LongFunction;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

import dev.handoff.coordinator.GroupRegistry;
import dev.handoff.coordinator.consumer.ServerAssignors;
import dev.handoff.coordinator.record.CoordinatorRecord;
import dev.handoff.coordinator.runtime.Result;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The rebalance flight recorder: keeps, per group, the last {@code handoff.flight.recorder.events.per.group} events
 * for at most {@code handoff.flight.recorder.groups} groups (the group whose newest event is oldest goes first).
 *
 * <p>Each observed operation that writes records leaves a note (trigger, time, duration) that its records pick up
 * as they replay, matched by identity and in order; records replayed while the log loads find no note and produce
 * no event. A failure inside the recorder is logged and never reaches the coordinator.
 *
 * <p>Not thread-safe: everything, reads included, runs on the coordinator loop's thread.
 */
public final class FlightRecorder implements RebalanceObserver {

    private static final Logger LOGGER = LoggerFactory.getLogger(FlightRecorder.class);
    /** Notes whose records never replayed (their append failed) are dropped beyond this many. */
    private static final int MAX_PENDING_NOTES = 1_024;

    /** An operation's records, and how many of them have replayed. */
    private static final class Note {
        final OperationContext context;
        final List<CoordinatorRecord> records;
        int replayed;

        Note(OperationContext context, List<CoordinatorRecord> records) {
            this.context = context;
            this.records = records;
        }
    }

    private final FlightRecorderConfig config;
    private final LongSupplier nanoTicker;
    private final Consumer<RebalanceEvent> listener;
    private final ConsumerGroupTracker consumer;
    private final ClassicGroupTracker classic;
    private final ArrayDeque<Note> notes = new ArrayDeque<>();
    /** Insertion order is recency order: a group is moved to the end on each event. */
    private final LinkedHashMap<String, GroupHistory> histories = new LinkedHashMap<>();
    private long nextSequence = 1;
    private long failures;

    /**
     * @param assignorNames {@code group.consumer.assignors}, to name the assignor that computed an assignment
     * @param nanoTicker    a monotonic nanosecond source that times operations (the shell passes
     *                      {@code System::nanoTime}; tests a manual one)
     * @param listener      sees every kept event on the loop thread, e.g. to update metrics; must not block
     */
    public FlightRecorder(FlightRecorderConfig config, List<String> assignorNames, LongSupplier nanoTicker,
                          Consumer<RebalanceEvent> listener) {
        this.config = config;
        this.nanoTicker = nanoTicker;
        this.listener = listener;
        this.consumer = new ConsumerGroupTracker(this, new ServerAssignors(assignorNames));
        this.classic = new ClassicGroupTracker(this);
    }

    @Override
    public <T> Result<CoordinatorRecord, T> observe(Trigger trigger, long nowMs, GroupRegistry groups,
                                                    Supplier<Result<CoordinatorRecord, T>> operation) {
        long startNanos = nanoTicker.getAsLong();
        Result<CoordinatorRecord, T> result = operation.get();
        OperationContext context = new OperationContext(trigger, nowMs, nanoTicker.getAsLong() - startNanos);
        try {
            if (!result.records().isEmpty()) {
                if (notes.size() == MAX_PENDING_NOTES) {
                    notes.pollFirst();
                }
                notes.addLast(new Note(context, result.records()));
            }
            classic.afterOperation(context, groups);
        } catch (RuntimeException e) {
            failed(e);
        }
        return result;
    }

    @Override
    public void replaying(CoordinatorRecord record, GroupRegistry groups) {
        try {
            OperationContext context = contextOf(record);
            if (context != null) {
                consumer.onRecord(record, context, groups);
            }
        } catch (RuntimeException e) {
            failed(e);
        }
    }

    /** @return the note of the operation that wrote this record, or null for a record loaded from the log */
    private OperationContext contextOf(CoordinatorRecord record) {
        while (!notes.isEmpty()) {
            Note head = notes.peekFirst();
            if (head.records.get(head.replayed) == record) {
                head.replayed++;
                if (head.replayed == head.records.size()) {
                    notes.pollFirst();
                }
                return head.context;
            }
            // Its records were never replayed (the append failed): forget it.
            notes.pollFirst();
        }
        return null;
    }

    private void failed(RuntimeException e) {
        failures++;
        LOGGER.atWarn().setCause(e).addKeyValue("failures", failures)
            .log("The flight recorder failed to record an event; the coordinator is unaffected");
    }

    EventDraft event(OperationContext context, String groupId, EventType type, Cause cause) {
        return new EventDraft(this, context.nowMs, groupId, type, cause);
    }

    void keep(LongFunction<RebalanceEvent> stamped) {
        RebalanceEvent event = stamped.apply(nextSequence++);
        GroupHistory history = histories.remove(event.groupId());
        if (history == null) {
            history = new GroupHistory(event.groupId(), config.eventsPerGroup());
            if (histories.size() == config.maxGroups()) {
                Iterator<GroupHistory> leastRecent = histories.values().iterator();
                leastRecent.next();
                leastRecent.remove();
            }
        }
        history.add(event);
        histories.put(event.groupId(), history);
        listener.accept(event);
    }

    // ---- reads (on the loop thread) --------------------------------------------------------------------------

    /** @return the group's events after {@code afterSequence}, or empty if the group has no recording */
    public Optional<Timeline> timeline(String groupId, long afterSequence) {
        return Optional.ofNullable(histories.get(groupId)).map(history -> history.after(afterSequence));
    }

    /** @return every recorded group, by group id */
    public List<GroupSummary> groups() {
        List<GroupSummary> summaries = new ArrayList<>();
        histories.forEach((id, history) -> summaries.add(new GroupSummary(id, history.size(),
            history.lastSequence(), history.lastTimeMs())));
        summaries.sort((a, b) -> a.groupId().compareTo(b.groupId()));
        return summaries;
    }

    /** @return how many times recording failed (each failure is logged) */
    public long failures() {
        return failures;
    }
}
