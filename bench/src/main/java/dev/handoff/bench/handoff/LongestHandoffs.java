package dev.handoff.bench.handoff;

import dev.handoff.lab.scenario.RolloutAction;
import dev.handoff.lab.scenario.RolloutPlan;
import java.util.List;
import java.util.Locale;

/**
 * The longest handoffs of a rolling restart, each placed after the rollout action it followed, so that a long tail
 * (the p99) can be explained from the bench's own output: which consumer gave the partition up and how, how long
 * after which stop or start, and who got it.
 */
final class LongestHandoffs {

    private LongestHandoffs() {
    }

    /**
     * @return one line per handoff, longest first, e.g.
     *         {@code p7 2,618 ms: revoked by c006.0 at 51,250 ms (step 5 start c004.1 +1,250 ms) -> c004.1}
     */
    static List<String> describe(Handoffs handoffs, RolloutPlan plan, int count) {
        return handoffs.longest(count).stream().map(h -> describe(h, plan)).toList();
    }

    private static String describe(Handoffs.Handoff handoff, RolloutPlan plan) {
        String after = "before the first step";
        int step = 0;
        for (RolloutAction action : plan.actions()) {
            if (action.atMs() > handoff.fromMs()) {
                break;
            }
            if (action.kind() == RolloutAction.Kind.STOP) {
                step++;
            }
            after = String.format(Locale.ROOT, "step %d %s %s +%,d ms", step,
                    action.kind().name().toLowerCase(Locale.ROOT), action.member(), handoff.fromMs() - action.atMs());
        }
        return String.format(Locale.ROOT, "p%d %,d ms: %s by %s at %,d ms (%s) -> %s", handoff.partition(),
                handoff.durationMs(), handoff.cause().name().toLowerCase(Locale.ROOT), handoff.releasedBy(),
                handoff.fromMs(), after, handoff.receivedBy().isEmpty() ? "nobody by the end" : handoff.receivedBy());
    }
}
