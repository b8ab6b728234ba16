package dev.handoff.lab.sim;

import dev.handoff.lab.scenario.Protocol;
import dev.handoff.lab.scenario.Scenario;
import dev.handoff.lab.timeline.Timeline;

/** Entry point of a simulated run. */
public final class Simulation {

    private Simulation() {
    }

    public static Timeline run(Scenario scenario, Protocol protocol) {
        throw new UnsupportedOperationException("not yet");
    }
}
