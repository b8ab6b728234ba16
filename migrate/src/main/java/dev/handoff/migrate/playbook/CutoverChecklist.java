package dev.handoff.migrate.playbook;

import dev.handoff.migrate.TextTable;
import java.util.List;

/** The text {@code copy-topics} ends with: what it did, then the steps of a direct cutover in order. */
public final class CutoverChecklist {

    private CutoverChecklist() {
    }

    public static String render(String from, String to, List<TopicPlan> plans, boolean applied,
                                List<OffsetTranslator.Translation> translations) {
        StringBuilder text = new StringBuilder();
        TextTable table = new TextTable("TOPIC", "PARTITIONS", "REPLICATION", "CONFIGS", "ACTION", "NOTE");
        plans.forEach(p -> table.row(p.topic(), p.partitions(), p.replicationFactor(),
                p.configs().isEmpty() ? null : p.configs(), p.action(), p.note()));
        text.append(applied ? "Topics copied from " : "Plan (dry run) for topics from ")
                .append(from).append(" to ").append(to).append(":\n").append(table.render());
        if (!translations.isEmpty()) {
            text.append("\nGroup positions on ").append(to).append(":\n");
            TextTable groups = new TextTable("GROUP", "COMMITTED", "NOTE");
            translations.forEach(t -> groups.row(t.groupId(), t.offsets().isEmpty() ? null : t.offsets(),
                    t.skipped()));
            text.append(groups.render());
        }
        if (plans.stream().anyMatch(p -> p.action() == TopicPlan.Action.CONFLICT)) {
            text.append("\nResolve the CONFLICT topics before cutting over: keyed records would change partition.\n");
        }
        text.append("""

                Cutover checklist (strategy A, direct cutover):
                  1. Point the producers at %2$s and restart them; from now on nothing new is written to %1$s.
                  2. Watch every group drain %1$s: handoff migrate drain --from %1$s --group GROUP
                  3. Stop each group's consumers once its lag on %1$s is 0.
                  4. Start the consumers against %2$s. Without translated positions (--translate-offsets) set
                     auto.offset.reset=earliest for the first start, or records produced to %2$s before the
                     group first joins are skipped.
                  5. Prove it: handoff migrate verify --from %1$s --to %2$s --topic TOPIC --group GROUP
                The loss window of this strategy is steps 1-4: records written to %1$s after the consumers
                stopped, or to %2$s before they started at the right position, are not consumed.
                """.formatted(from, to));
        return text.toString();
    }
}
