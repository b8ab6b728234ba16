package dev.handoff.lab.sim;

import dev.handoff.lab.scenario.Scenario;
import dev.handoff.lab.timeline.TimelineRecorder;
import org.apache.kafka.common.Uuid;

/**
 * What every simulated member shares: time, the coordinator, the topic and its offsets, the recorder and the
 * ownership invariant.
 *
 * @param producerStopMs when the producer stops (the plan's end)
 */
record SimContext(EventScheduler scheduler, SimCoordinator coordinator, Workload workload, TimelineRecorder recorder,
                  Invariants invariants, Scenario scenario, ClientModel model, String groupId, String topic,
                  Uuid topicId, long producerStopMs) {
}
