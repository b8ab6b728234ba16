package dev.handoff.migrate.playbook;

import dev.handoff.migrate.groups.GroupInspector;
import java.time.Clock;
import java.time.Duration;

/** Strategy B: polls a group's lag on the old cluster until it is drained or the timeout passes. */
public final class DrainWatcher {

    /**
     * @param drained   whether the group drained in time
     * @param last      the last status seen
     * @param waitedMs  how long it watched
     */
    public record Outcome(boolean drained, DrainStatus last, long waitedMs) {
    }

    private final GroupInspector inspector;
    private final Clock clock;
    private final ProgressBar progress;

    public DrainWatcher(GroupInspector inspector, Clock clock, ProgressBar progress) {
        this.inspector = inspector;
        this.clock = clock;
        this.progress = progress;
    }

    public Outcome watch(String groupId, Duration interval, Duration timeout) throws InterruptedException {
        long start = clock.millis();
        DrainStatus previous = null;
        long initial = -1;
        while (true) {
            DrainStatus now = DrainStatus.of(inspector.offsets(groupId));
            if (initial < 0) {
                initial = Math.max(1, now.remaining());
            }
            progress.update(1.0 - (double) now.remaining() / initial, "lag " + now.remaining());
            long waited = clock.millis() - start;
            if (now.drainedSince(previous)) {
                progress.finish();
                return new Outcome(true, now, waited);
            }
            if (waited >= timeout.toMillis()) {
                progress.finish();
                return new Outcome(false, now, waited);
            }
            previous = now;
            Thread.sleep(Math.min(interval.toMillis(), Math.max(1, timeout.toMillis() - waited)));
        }
    }
}
