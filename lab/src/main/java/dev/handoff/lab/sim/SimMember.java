package dev.handoff.lab.sim;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import dev.handoff.lab.timeline.EventKind;

/**
 * A simulated consumer: the application's poll loop, which is where rebalance callbacks run and where records are
 * processed, plus the protocol's background work (heartbeats, joins) in subclasses.
 *
 * <p>The poll loop: a poll first runs the protocol's pending work (callbacks, starting a rejoin), then returns up to
 * {@code max.poll.records} available records of the owned partitions; processing them takes the processing time
 * per record; then the loop commits and polls again. An idle loop waits for the next record on its partitions, or
 * for the protocol to need it. Stopping waits for the batch in hand, then closes: revoke (commit) and leave.
 */
abstract class SimMember {

    protected final SimContext context;
    protected final String name;
    protected final int slot;
    /** Owned partitions (the client's view) and the next offset to read from each. */
    protected final TreeMap<Integer, Long> owned = new TreeMap<>();
    protected boolean alive;
    private boolean stopping;
    private boolean busy;
    private long pollAt = Long.MAX_VALUE;
    private int rotation;

    SimMember(SimContext context, String name, int slot) {
        this.context = context;
        this.name = name;
        this.slot = slot;
    }

    final void start() {
        alive = true;
        context.recorder().record(name, slot, EventKind.STARTED, List.of(), 0);
        onStart();
    }

    /** Clean close, after the batch in hand. */
    final void stop() {
        stopping = true;
        requestPoll();
    }

    /** A crash: nothing more is sent, the coordinator finds out when the session expires. */
    final void kill() {
        alive = false;
        owned.keySet().forEach(p -> context.invariants().released(name, p));
        owned.clear();
        context.recorder().record(name, slot, EventKind.KILLED, List.of(), 0);
    }

    /** Wakes the poll loop now (if idle) so that pending protocol work runs. */
    protected final void requestPoll() {
        schedulePoll(context.scheduler().nowMs());
    }

    private void schedulePoll(long atMs) {
        if (!alive || busy || atMs >= pollAt) {
            return;
        }
        pollAt = atMs;
        context.scheduler().at(atMs, () -> {
            if (pollAt == atMs) {
                poll();
            }
        });
    }

    private void poll() {
        pollAt = Long.MAX_VALUE;
        if (!alive) {
            return;
        }
        if (stopping) {
            close();
            return;
        }
        onPoll();
        if (!alive) {
            return;
        }
        fetch();
    }

    private void close() {
        revoke(new ArrayList<>(owned.keySet()), 0);
        onLeave();
        alive = false;
        context.recorder().record(name, slot, EventKind.STOPPED, List.of(), 0);
    }

    private void fetch() {
        long now = context.scheduler().nowMs();
        Workload workload = context.workload();
        List<long[]> batch = new ArrayList<>();
        List<Integer> partitions = new ArrayList<>(owned.keySet());
        long nextRecordAt = Long.MAX_VALUE;
        int max = context.model().maxPollRecords();
        for (int i = 0; i < partitions.size() && batch.size() < max; i++) {
            int p = partitions.get((i + rotation) % partitions.size());
            long position = owned.get(p);
            long end = workload.logEnd(p, now - context.model().fetchMs(), context.producerStopMs());
            while (position < end && batch.size() < max) {
                batch.add(new long[] {p, position++});
            }
            owned.put(p, position);
            context.invariants().positionWithinLog(name, p, position, workload.logEnd(p, now,
                context.producerStopMs()));
            if (position >= end) {
                long next = workload.producedAtMs(p, position);
                if (next <= context.producerStopMs()) {
                    nextRecordAt = Math.min(nextRecordAt, next + context.model().fetchMs());
                }
            }
        }
        rotation++;
        if (!batch.isEmpty()) {
            busy = true;
            long duration = (long) Math.ceil(batch.size() * context.scenario().processingMs());
            context.scheduler().after(duration, () -> batchDone(batch));
        } else if (nextRecordAt != Long.MAX_VALUE) {
            schedulePoll(Math.max(now + 1, nextRecordAt));
        }
    }

    private void batchDone(List<long[]> batch) {
        busy = false;
        if (!alive) {
            return;
        }
        Workload workload = context.workload();
        long[] producedAtMs = new long[batch.size()];
        TreeMap<Integer, Long> touched = new TreeMap<>();
        for (int i = 0; i < batch.size(); i++) {
            int p = (int) batch.get(i)[0];
            long offset = batch.get(i)[1];
            producedAtMs[i] = workload.producedAtMs(p, offset);
            context.recorder().tally().processed(workload.seq(p, offset));
            touched.merge(p, offset + 1, Math::max);
        }
        context.recorder().processed(name, slot, List.copyOf(touched.keySet()), producedAtMs);
        touched.forEach((p, next) -> {
            if (owned.containsKey(p)) {
                workload.commit(p, next);
            }
        });
        poll();
    }

    /** Takes the partitions: positions start at the committed offsets. */
    protected final void assign(Collection<Integer> partitions, long epoch) {
        List<Integer> added = new ArrayList<>();
        for (int p : partitions) {
            if (!owned.containsKey(p)) {
                context.invariants().acquired(name, p);
                owned.put(p, context.workload().committed(p));
                added.add(p);
            }
        }
        added.sort(Integer::compare);
        context.recorder().record(name, slot, EventKind.ASSIGNED, added, epoch);
    }

    /** {@code onPartitionsRevoked}: commit what was processed (done after each batch already), give them up. */
    protected final void revoke(Collection<Integer> partitions, long epoch) {
        List<Integer> revoked = release(partitions);
        if (!revoked.isEmpty()) {
            context.recorder().record(name, slot, EventKind.REVOKED, revoked, epoch);
        }
    }

    /** {@code onPartitionsLost}: gone without a commit. */
    protected final void lose(Collection<Integer> partitions, long epoch) {
        List<Integer> lost = release(partitions);
        if (!lost.isEmpty()) {
            context.recorder().record(name, slot, EventKind.LOST, lost, epoch);
        }
    }

    private List<Integer> release(Collection<Integer> partitions) {
        List<Integer> released = new ArrayList<>();
        for (int p : partitions) {
            if (owned.remove(p) != null) {
                context.invariants().released(name, p);
                released.add(p);
            }
        }
        released.sort(Integer::compare);
        return released;
    }

    protected final void message(EventKind kind, Collection<Integer> partitions, long epoch) {
        context.recorder().record(name, slot, kind, List.copyOf(partitions), epoch);
    }

    protected final Map<Integer, Long> owned() {
        return owned;
    }

    /** The consumer starts: subscribe and join. */
    protected abstract void onStart();

    /** The protocol's work that runs in the application thread at the start of a poll (callbacks, rejoin). */
    protected abstract void onPoll();

    /** The clean close's leave request. */
    protected abstract void onLeave();
}
