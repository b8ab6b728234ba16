package dev.handoff.lab.timeline;

import java.util.List;

import dev.handoff.lab.scenario.Protocol;
import dev.handoff.lab.scenario.RolloutPlan;
import dev.handoff.lab.scenario.Scenario;
import org.HdrHistogram.Histogram;

/**
 * A finished run as data: what was run, everything that happened, and the record accounting. Reports and
 * metrics are functions of it.
 *
 * @param protocol the protocol run
 * @param mode     "live" (real clients, with the cluster named) or "simulated"
 * @param scenario the scenario
 * @param plan     the rollout executed
 * @param events   the events, ordered by time
 * @param latency  end-to-end latency of every processed record, in ms
 * @param counts   produced, processed, missing and duplicated records
 */
public record Timeline(Protocol protocol, String mode, Scenario scenario, RolloutPlan plan, List<TimelineEvent> events,
                       Histogram latency, RecordTally.Counts counts) {

    public Timeline {
        events = List.copyOf(events);
    }
}
