package dev.handoff.lab.sim;

import java.util.ArrayList;
import java.util.List;

/**
 * The model's invariants, checked as the run goes: no partition is owned by two live members at once, and no
 * member reads past the log end or commits past it. A violation stops the run with the member, partition and time.
 */
final class Invariants {

    private final String[] owner;
    private final List<Integer> touched = new ArrayList<>();
    private final EventScheduler scheduler;
    private long checks;

    Invariants(int partitions, EventScheduler scheduler) {
        this.owner = new String[partitions];
        this.scheduler = scheduler;
    }

    void acquired(String member, int partition) {
        if (owner[partition] != null && !owner[partition].equals(member)) {
            throw new IllegalStateException("At " + scheduler.nowMs() + " ms " + member + " was assigned partition "
                + partition + " which " + owner[partition] + " still owns");
        }
        owner[partition] = member;
        touched.add(partition);
    }

    void released(String member, int partition) {
        if (member.equals(owner[partition])) {
            owner[partition] = null;
        }
        touched.add(partition);
    }

    void positionWithinLog(String member, int partition, long position, long logEnd) {
        if (position > logEnd) {
            throw new IllegalStateException("At " + scheduler.nowMs() + " ms " + member + " read partition " + partition
                + " up to " + position + " past its log end " + logEnd);
        }
    }

    /** After every event: the partitions whose ownership changed have at most one owner (checked as they change). */
    void afterEvent() {
        checks += touched.size();
        touched.clear();
    }

    long checks() {
        return checks;
    }

    String ownerOf(int partition) {
        return owner[partition];
    }
}
