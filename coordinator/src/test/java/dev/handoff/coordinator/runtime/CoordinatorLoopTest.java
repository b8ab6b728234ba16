package dev.handoff.coordinator.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

import dev.handoff.testsupport.ManualClock;
import org.apache.kafka.common.errors.CoordinatorLoadInProgressException;
import org.apache.kafka.common.errors.CoordinatorNotAvailableException;
import org.apache.kafka.common.errors.UnknownMemberIdException;
import org.junit.jupiter.api.Test;

/** The loop, tested without any group logic: the shard is a list of strings. */
class CoordinatorLoopTest {

    /** Replays records into a list; one timer that emits a record. */
    static final class StringShard implements CoordinatorShard<String> {
        final List<String> state = new ArrayList<>();
        final TimerQueue<String, String> timers = new TimerQueue<>();
        long loadedAtMs = -1;

        @Override
        public void replay(String record) {
            state.add(record);
        }

        @Override
        public Result<String, Void> onLoaded(long nowMs) {
            loadedAtMs = nowMs;
            return Result.of(null);
        }

        @Override
        public OptionalLong nextDeadline() {
            return timers.nextDeadline();
        }

        @Override
        public Result<String, Boolean> expireNextTimer(long nowMs) {
            return timers.expireNext(nowMs)
                .map(expired -> Result.of(List.of(expired.action()), true))
                .orElseGet(() -> Result.of(false));
        }
    }

    /** A log whose appends can be made to fail. */
    static final class FlakyLog implements CoordinatorLog<String> {
        final InMemoryCoordinatorLog<String> delegate = new InMemoryCoordinatorLog<>();
        boolean failAppends;

        @Override
        public void append(List<String> records) {
            if (failAppends) {
                throw new IllegalStateException("disk full");
            }
            delegate.append(records);
        }

        @Override
        public void readAll(Consumer<? super String> sink) {
            delegate.readAll(sink);
        }
    }

    private final ManualClock clock = new ManualClock(1_000);
    private final StringShard shard = new StringShard();
    private final FlakyLog log = new FlakyLog();

    private CoordinatorLoop<StringShard, String> loop(EventProcessor processor) {
        return new CoordinatorLoop<>(shard, log, clock::nowMs, processor);
    }

    @Test
    void completesAnOperationAfterItsRecordsAreAppendedAndReplayed() {
        // Given
        CoordinatorLoop<StringShard, String> loop = loop(new DirectEventProcessor());
        loop.load().join();

        // When
        CompletableFuture<Integer> response = loop.submit("write", (s, nowMs) -> {
            assertThat(s.state).isEmpty();
            return Result.of(List.of("a", "b"), s.state.size());
        });

        // Then
        assertThat(response).isCompletedWithValue(0);
        assertThat(log.delegate.records()).containsExactly("a", "b");
        assertThat(shard.state).containsExactly("a", "b");
    }

    @Test
    void replaysTheLogWhenLoading() {
        // Given
        log.delegate.append(List.of("x", "y"));
        CoordinatorLoop<StringShard, String> loop = loop(new DirectEventProcessor());

        // When
        CompletableFuture<Void> loaded = loop.load();

        // Then
        assertThat(loaded).isCompleted();
        assertThat(shard.state).containsExactly("x", "y");
        assertThat(shard.loadedAtMs).isEqualTo(1_000);
    }

    @Test
    void rejectsOperationsWhileLoading() {
        // Given
        ManualEventProcessor processor = new ManualEventProcessor();
        CoordinatorLoop<StringShard, String> loop = loop(processor);
        CompletableFuture<Void> loaded = loop.load();

        // When
        CompletableFuture<String> early = loop.submit("early", (s, nowMs) -> Result.of("never"));

        // Then
        assertThat(early).isCompletedExceptionally();
        assertThat(early.handle((v, e) -> e)).isCompletedWithValueMatching(
            e -> e instanceof CoordinatorLoadInProgressException);
        processor.drain();
        assertThat(loaded).isCompleted();
        assertThat(loop.submit("later", (s, nowMs) -> Result.of("ok"))).isNotDone();
        processor.drain();
    }

    @Test
    void runsEventsOneAtATimeInSubmissionOrder() {
        // Given
        ManualEventProcessor processor = new ManualEventProcessor();
        CoordinatorLoop<StringShard, String> loop = loop(processor);
        loop.load();
        processor.drain();
        CompletableFuture<Void> first = loop.submit("first", (s, nowMs) -> Result.of(List.of("1"), null));
        CompletableFuture<Void> second = loop.submit("second", (s, nowMs) -> Result.of(List.of("2"), null));

        // When
        processor.poll();

        // Then
        assertThat(first).isCompleted();
        assertThat(second).isNotDone();
        assertThat(shard.state).containsExactly("1");
        processor.drain();
        assertThat(shard.state).containsExactly("1", "2");
    }

    @Test
    void parkedReplyCompletesWhenALaterResultDeliversIt() {
        // Given
        CoordinatorLoop<StringShard, String> loop = loop(new DirectEventProcessor());
        loop.load().join();
        CompletableFuture<String> parked = loop.submit("join", (s, nowMs) -> new ResultBuilder<String>().park("k"));

        // When
        CompletableFuture<String> other = loop.submit("complete", (s, nowMs) ->
            new ResultBuilder<String>().deliver("k", "your answer").reply("done"));

        // Then
        assertThat(other).isCompletedWithValue("done");
        assertThat(parked).isCompletedWithValue("your answer");
        assertThat(loop.parkedCount()).isZero();
    }

    @Test
    void aResultMayDeliverToTheKeyItParksUnder() {
        // Given
        CoordinatorLoop<StringShard, String> loop = loop(new DirectEventProcessor());
        loop.load().join();

        // When
        CompletableFuture<String> last = loop.submit("last-join", (s, nowMs) ->
            new ResultBuilder<String>().deliver("k", "generation 1").park("k"));

        // Then
        assertThat(last).isCompletedWithValue("generation 1");
    }

    @Test
    void failedAppendFailsTheOperationAndReplaysNothing() {
        // Given
        CoordinatorLoop<StringShard, String> loop = loop(new DirectEventProcessor());
        loop.load().join();
        log.failAppends = true;

        // When
        CompletableFuture<String> response = loop.submit("write", (s, nowMs) -> Result.of(List.of("a"), "ok"));

        // Then
        assertThat(response).isCompletedExceptionally();
        assertThat(shard.state).isEmpty();
    }

    @Test
    void operationErrorsReachTheCaller() {
        // Given
        CoordinatorLoop<StringShard, String> loop = loop(new DirectEventProcessor());
        loop.load().join();

        // When
        CompletableFuture<String> response = loop.submit("bad", (s, nowMs) -> {
            throw new UnknownMemberIdException("who?");
        });

        // Then
        assertThat(response.handle((v, e) -> e)).isCompletedWithValueMatching(
            e -> e instanceof UnknownMemberIdException);
    }

    @Test
    void timersFireOnTheLoopAndTheirRecordsAreReplayed() {
        // Given
        ManualEventProcessor processor = new ManualEventProcessor();
        CoordinatorLoop<StringShard, String> loop = loop(processor);
        loop.load();
        processor.drain();
        loop.submit("arm", (s, nowMs) -> {
            s.timers.schedule("t", nowMs + 500, "expired");
            return Result.of(null);
        });
        processor.drain();
        assertThat(processor.requestedWakeUpDelayMs()).hasValue(500);
        clock.advance(500);

        // When
        loop.fireTimers();
        processor.drain();

        // Then
        assertThat(shard.state).containsExactly("expired");
        assertThat(log.delegate.records()).containsExactly("expired");
    }

    @Test
    void timersDueTogetherRunOneAtATimeAndARequestSubmittedMeanwhileRunsBetweenThem() {
        // Given
        ManualEventProcessor processor = new ManualEventProcessor();
        CoordinatorLoop<StringShard, String> loop = loop(processor);
        loop.load();
        processor.drain();
        loop.submit("arm", (s, nowMs) -> {
            s.timers.schedule("t1", nowMs + 500, "first expired");
            s.timers.schedule("t2", nowMs + 500, "second expired");
            s.timers.schedule("t3", nowMs + 800, "third expired");
            return Result.of(null);
        });
        processor.drain();
        clock.advance(500);

        // When
        CompletableFuture<Void> timers = loop.fireTimers();
        CompletableFuture<List<String>> request = loop.submit("read", (s, nowMs) -> Result.of(List.copyOf(s.state)));
        processor.drain();

        // Then
        assertThat(request).isCompletedWithValue(List.of("first expired"));
        assertThat(timers).isCompleted();
        assertThat(shard.state).containsExactly("first expired", "second expired");
        assertThat(log.delegate.records()).containsExactly("first expired", "second expired");
        assertThat(processor.requestedWakeUpDelayMs()).hasValue(300);
    }

    @Test
    void closingFailsParkedRequestsAndRejectsNewOnes() {
        // Given
        CoordinatorLoop<StringShard, String> loop = loop(new DirectEventProcessor());
        loop.load().join();
        CompletableFuture<String> parked = loop.submit("join", (s, nowMs) -> new ResultBuilder<String>().park("k"));

        // When
        loop.close();

        // Then
        assertThat(parked.handle((v, e) -> e)).isCompletedWithValueMatching(
            e -> e instanceof CoordinatorNotAvailableException);
        assertThat(loop.submit("late", (s, nowMs) -> Result.of("x")).handle((v, e) -> e))
            .isCompletedWithValueMatching(e -> e instanceof CoordinatorNotAvailableException);
    }

    @Test
    void singleThreadProcessorRunsEventsOnItsOwnThread() {
        // Given
        SingleThreadEventProcessor processor = new SingleThreadEventProcessor("coordinator-test");
        CoordinatorLoop<StringShard, String> loop = loop(processor);
        loop.load().join();

        // When
        CompletableFuture<String> thread = loop.submit("where", (s, nowMs) ->
            Result.of(List.of("r"), Thread.currentThread().getName()));

        // Then
        assertThat(thread).succeedsWithin(Duration.ofSeconds(10)).isEqualTo("coordinator-test");
        loop.close();
    }
}
