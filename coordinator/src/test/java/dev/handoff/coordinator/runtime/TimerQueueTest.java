package dev.handoff.coordinator.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class TimerQueueTest {

    private final TimerQueue<String, String> timers = new TimerQueue<>();

    @Test
    void firesDueTimersInDeadlineOrderThenSchedulingOrder() {
        // Given
        timers.schedule("late", 200, "late-action");
        timers.schedule("first", 100, "first-action");
        timers.schedule("second", 100, "second-action");
        timers.schedule("future", 500, "future-action");

        // When
        List<String> fired = drain(200);

        // Then
        assertThat(fired).containsExactly("first-action", "second-action", "late-action");
        assertThat(timers.nextDeadline()).hasValue(500);
    }

    @Test
    void schedulingAKeyAgainReplacesItsDeadline() {
        // Given
        timers.schedule("session", 100, "old");

        // When
        timers.schedule("session", 300, "new");

        // Then
        assertThat(drain(299)).isEmpty();
        assertThat(drain(300)).containsExactly("new");
    }

    @Test
    void cancelledTimersNeverFire() {
        // Given
        timers.schedule("a", 100, "a");
        timers.schedule("b", 100, "b");

        // When
        timers.cancel("a");

        // Then
        assertThat(drain(100)).containsExactly("b");
        assertThat(timers.size()).isZero();
        assertThat(timers.nextDeadline()).isEmpty();
    }

    @Test
    void nothingIsDueBeforeTheDeadline() {
        // Given
        timers.schedule("a", 100, "a");

        // When
        Optional<TimerQueue.Expired<String, String>> expired = timers.expireNext(99);

        // Then
        assertThat(expired).isEmpty();
        assertThat(timers.isScheduled("a")).isTrue();
        assertThat(timers.deadlineOf("a")).hasValue(100);
    }

    private List<String> drain(long nowMs) {
        List<String> fired = new ArrayList<>();
        Optional<TimerQueue.Expired<String, String>> next;
        while ((next = timers.expireNext(nowMs)).isPresent()) {
            fired.add(next.get().action());
        }
        return fired;
    }
}
