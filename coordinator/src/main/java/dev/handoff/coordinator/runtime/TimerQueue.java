package dev.handoff.coordinator.runtime;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeSet;

/**
 * Deterministic keyed timers (the shape of Kafka's {@code CoordinatorTimer}): scheduling a key again replaces its
 * previous deadline, and timers due at the same instant fire in the order they were scheduled. Nothing fires by
 * itself; the owner asks for {@link #nextDeadline()} and drains due timers with {@link #expireNext(long)}.
 *
 * @param <K> the timer key
 * @param <A> the action run when the timer expires
 */
public final class TimerQueue<K, A> {

    /** A timer that expired: its key and its action. */
    public record Expired<K, A>(K key, long deadlineMs, A action) {
    }

    private record Entry<K, A>(K key, long deadlineMs, long sequence, A action) implements Comparable<Entry<K, A>> {
        @Override
        public int compareTo(Entry<K, A> other) {
            int byDeadline = Long.compare(deadlineMs, other.deadlineMs);
            return byDeadline != 0 ? byDeadline : Long.compare(sequence, other.sequence);
        }
    }

    private final Map<K, Entry<K, A>> byKey = new HashMap<>();
    private final TreeSet<Entry<K, A>> byDeadline = new TreeSet<>();
    private long nextSequence;

    /** Schedules {@code action} at {@code deadlineMs}, replacing any timer with the same key. */
    public void schedule(K key, long deadlineMs, A action) {
        cancel(key);
        Entry<K, A> entry = new Entry<>(key, deadlineMs, nextSequence++, action);
        byKey.put(key, entry);
        byDeadline.add(entry);
    }

    /** Cancels the timer with this key, if any. */
    public void cancel(K key) {
        Entry<K, A> removed = byKey.remove(key);
        if (removed != null) {
            byDeadline.remove(removed);
        }
    }

    public boolean isScheduled(K key) {
        return byKey.containsKey(key);
    }

    /** @return the deadline of the timer with this key, if scheduled */
    public OptionalLong deadlineOf(K key) {
        Entry<K, A> entry = byKey.get(key);
        return entry == null ? OptionalLong.empty() : OptionalLong.of(entry.deadlineMs());
    }

    /** @return the earliest deadline, if any timer is scheduled */
    public OptionalLong nextDeadline() {
        return byDeadline.isEmpty() ? OptionalLong.empty() : OptionalLong.of(byDeadline.first().deadlineMs());
    }

    /**
     * Removes and returns the earliest timer due at {@code nowMs}. One at a time, on purpose: running an action may
     * cancel or replace another timer that is due at the same time, and that one must then not fire.
     */
    public Optional<Expired<K, A>> expireNext(long nowMs) {
        if (byDeadline.isEmpty() || byDeadline.first().deadlineMs() > nowMs) {
            return Optional.empty();
        }
        Entry<K, A> entry = byDeadline.pollFirst();
        byKey.remove(entry.key());
        return Optional.of(new Expired<>(entry.key(), entry.deadlineMs(), entry.action()));
    }

    public int size() {
        return byKey.size();
    }
}
