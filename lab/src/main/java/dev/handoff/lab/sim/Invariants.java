package dev.handoff.lab.sim;

import java.util.ArrayList;
import java.util.List;

/**
 * The model's invariants: after every event, no partition is owned by two live members (only the partitions the
 * event touched can have changed, so only they are checked), and no member ever reads past the log end. A
 * violation stops the run with the time, the partition and its owners.
 */
final class Invariants {

    private final List<List<String>> owners;
    private final List<Integer> touched = new ArrayList<>();
    private final EventScheduler scheduler;

    Invariants(int partitions, EventScheduler scheduler) {
        this.owners = new ArrayList<>(partitions);
        for (int p = 0; p < partitions; p++) {
            owners.add(new ArrayList<>(1));
        }
        this.scheduler = scheduler;
    }

    void acquired(String member, int partition) {
        owners.get(partition).add(member);
        touched.add(partition);
    }

    void released(String member, int partition) {
        owners.get(partition).remove(member);
        touched.add(partition);
    }

    void positionWithinLog(String member, int partition, long position, long logEnd) {
        if (position > logEnd) {
            throw new IllegalStateException("At " + scheduler.nowMs() + " ms " + member + " read partition " + partition
                + " up to " + position + " past its log end " + logEnd);
        }
    }

    /** Called after every event. */
    void afterEvent() {
        for (int partition : touched) {
            if (owners.get(partition).size() > 1) {
                throw new IllegalStateException("At " + scheduler.nowMs() + " ms partition " + partition
                    + " is owned by " + owners.get(partition));
            }
        }
        touched.clear();
    }
}
