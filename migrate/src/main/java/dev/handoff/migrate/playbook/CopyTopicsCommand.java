package dev.handoff.migrate.playbook;

import com.google.re2j.Pattern;
import dev.handoff.migrate.ClientSettings;
import dev.handoff.migrate.Json;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.admin.Admin;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code handoff migrate copy-topics}: strategy A, direct cutover. */
@Command(name = "copy-topics",
        description = "Creates the source's topics on the target with the same partition counts and explicitly "
                + "set configs, optionally carries group positions over, and prints a cutover checklist.",
        mixinStandardHelpOptions = true)
public final class CopyTopicsCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--from", required = true, paramLabel = "HOST:PORT", description = "The old cluster.")
    private String from;

    @Option(names = "--to", required = true, paramLabel = "HOST:PORT", description = "The new cluster.")
    private String to;

    @Option(names = "--topics", defaultValue = ".*", paramLabel = "REGEX",
            description = "Topics to copy, matched against the whole name (RE2 syntax; default all).")
    private String topics;

    @Option(names = "--translate-offsets",
            description = "For groups with commits on the copied topics, commit the target's log start offsets.")
    private boolean translateOffsets;

    @Option(names = "--dry-run", description = "Only show what would be created.")
    private boolean dryRun;

    @Option(names = "--command-config", paramLabel = "FILE", description = "Client properties for both clusters.")
    private Path commandConfig;

    @Option(names = "--json", description = "Print JSON for scripts instead of the table and checklist.")
    private boolean json;

    @Override
    public Integer call() {
        try (Admin source = Admin.create(ClientSettings.of(from, commandConfig).forClient("copy-topics"));
             Admin target = Admin.create(ClientSettings.of(to, commandConfig).forClient("copy-topics"))) {
            TopicCopier copier = new TopicCopier(source, target);
            List<TopicPlan> plans = copier.plan(Pattern.compile(topics));
            List<OffsetTranslator.Translation> translations = List.of();
            if (!dryRun) {
                copier.apply(plans);
                if (translateOffsets) {
                    translations = new OffsetTranslator(source, target).translate(plans.stream()
                            .filter(p -> p.action() == TopicPlan.Action.CREATE).map(TopicPlan::topic).toList());
                }
            }
            PrintWriter out = spec.commandLine().getOut();
            out.print(json
                    ? Json.write(new CopyResult(!dryRun, plans, translations)) + "\n"
                    : CutoverChecklist.render(from, to, plans, !dryRun, translations));
            out.flush();
            boolean conflicts = plans.stream().anyMatch(p -> p.action() == TopicPlan.Action.CONFLICT);
            return conflicts ? 1 : 0;
        }
    }
}
