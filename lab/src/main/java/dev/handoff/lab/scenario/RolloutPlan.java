package dev.handoff.lab.scenario;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The rollout as data: when each consumer starts and stops. Both run modes execute the same plan.
 *
 * <p>The rule, after a Kubernetes rolling update: at time 0 every consumer of generation 0 starts. The first step
 * comes after the warm-up; steps replace {@link Scenario#batchSize()} slots each. At a step's start, up to
 * {@code maxUnavailable} old consumers stop and all the step's replacements are scheduled; the replacements start
 * after the pod-start delay, and the step's remaining (surge-covered) old consumers stop at that moment. The next
 * step begins {@code stepWaitMs} later. The run ends {@code cooldownMs} after the last replacement starts.
 *
 * @param actions the actions, sorted by time (stops before starts at equal times)
 * @param endMs   when the run ends
 * @param lastChangeMs when the last action happens
 */
public record RolloutPlan(List<RolloutAction> actions, long endMs, long lastChangeMs) {

    public RolloutPlan {
        actions = List.copyOf(actions);
    }

    /** @return the plan for {@code scenario} */
    public static RolloutPlan of(Scenario scenario) {
        List<RolloutAction> actions = new ArrayList<>();
        for (int slot = 0; slot < scenario.consumers(); slot++) {
            actions.add(new RolloutAction(0, RolloutAction.Kind.START, memberName(slot, 0), slot));
        }
        long stepStart = scenario.warmupMs();
        long lastChange = 0;
        for (int first = 0; first < scenario.consumers(); first += scenario.batchSize()) {
            int last = Math.min(scenario.consumers(), first + scenario.batchSize());
            long replacementsStart = stepStart + scenario.podStartDelayMs();
            for (int slot = first; slot < last; slot++) {
                boolean stopsAtOnce = slot - first < scenario.maxUnavailable();
                long stopAt = stopsAtOnce ? stepStart : replacementsStart;
                actions.add(new RolloutAction(stopAt, RolloutAction.Kind.STOP, memberName(slot, 0), slot));
                actions.add(new RolloutAction(replacementsStart, RolloutAction.Kind.START, memberName(slot, 1), slot));
            }
            lastChange = replacementsStart;
            stepStart = replacementsStart + scenario.stepWaitMs();
        }
        actions.sort(Comparator.comparingLong(RolloutAction::atMs)
            .thenComparing(RolloutAction::kind, Comparator.reverseOrder())
            .thenComparingInt(RolloutAction::slot));
        return new RolloutPlan(actions, lastChange + scenario.cooldownMs(), lastChange);
    }

    /** @return the name of the consumer of {@code generation} in {@code slot} */
    public static String memberName(int slot, int generation) {
        return String.format("c%03d.%d", slot, generation);
    }

    /** @return the number of membership changes (starts and stops after the initial start) */
    public long membershipChanges() {
        return actions.stream().filter(a -> a.atMs() > 0).count();
    }
}
