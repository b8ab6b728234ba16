package dev.handoff.lab.timeline;

import java.util.List;

/**
 * One event of a run.
 *
 * @param atMs       milliseconds since the run's start
 * @param member     the consumer, {@code c<slot>.<generation>}, or {@link #COORDINATOR} for a step of the
 *                   coordinator itself
 * @param slot       the consumer's pod slot (its lane in the report), {@link #COORDINATOR_SLOT} for the coordinator
 * @param kind       what happened
 * @param partitions the partitions concerned (assigned, revoked, lost), or those a batch came from
 * @param count      records processed ({@link EventKind#PROCESSED}), partitions changing owner
 *                   ({@link EventKind#TARGET_ASSIGNMENT_COMPUTED}), members ({@link EventKind#CLASSIC_JOIN_COMPLETED}),
 *                   else 0
 * @param value      the batch's highest end-to-end latency in ms ({@link EventKind#PROCESSED}), or the generation
 *                   or member epoch ({@link EventKind#ASSIGNED} and protocol messages), else 0
 */
public record TimelineEvent(long atMs, String member, int slot, EventKind kind, List<Integer> partitions, long count,
                            long value) {

    /** The member name of the coordinator's own steps. */
    public static final String COORDINATOR = "coordinator";
    public static final int COORDINATOR_SLOT = -1;

    public TimelineEvent {
        partitions = List.copyOf(partitions);
    }

    public static TimelineEvent of(long atMs, String member, int slot, EventKind kind) {
        return new TimelineEvent(atMs, member, slot, kind, List.of(), 0, 0);
    }
}
