package dev.handoff.bench.assignor;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import org.openjdk.jmh.Main;
import org.openjdk.jmh.runner.RunnerException;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Unmatched;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code assignors jmh [JMH options]} runs {@link ServerAssignorBenchmark} (Handoff vs Apache Kafka 4.4.0);
 * {@code assignors report} prints balance and partitions moved for both on the same inputs;
 * {@code assignors table} turns JMH JSON results into a Markdown comparison.
 */
@Command(name = "assignors", mixinStandardHelpOptions = true,
        description = "Server-side assignors, Handoff vs Apache Kafka 4.4.0.",
        subcommands = {AssignorCommand.Jmh.class, AssignorCommand.Report.class, AssignorCommand.Table.class})
public final class AssignorCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    /** Runs the command on its own, until the bench main lists it. */
    public static void main(String[] args) {
        System.exit(new CommandLine(new AssignorCommand()).setCaseInsensitiveEnumValuesAllowed(true).execute(args));
    }

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return spec.exitCodeOnInvalidInput();
    }

    @Command(name = "jmh", description = "Run the JMH benchmark; other arguments go to JMH (e.g. -p members=100 -f 1 -wi 1 -i 3).")
    static final class Jmh implements Callable<Integer> {

        @Unmatched
        List<String> jmhArgs = new ArrayList<>();

        @Override
        public Integer call() throws RunnerException, IOException {
            List<String> args = new ArrayList<>(jmhArgs);
            args.add(ServerAssignorBenchmark.class.getName());
            Main.main(args.toArray(new String[0]));
            return 0;
        }
    }

    @Command(name = "report", description = "Print balance and partitions moved for both implementations.")
    static final class Report implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Option(names = "--members", split = ",", defaultValue = "100,1000,10000")
        List<Integer> members;

        @Option(names = "--partitions-per-member", split = ",", defaultValue = "10")
        List<Integer> partitionsPerMember;

        @Option(names = "--topics", split = ",", defaultValue = "10,100")
        List<Integer> topics;

        @Option(names = "--subscription", split = ",", defaultValue = "HOMOGENEOUS,MIXED")
        List<Scenario.Subscription> subscriptions;

        @Option(names = "--change", split = ",", defaultValue = "FULL,JOIN,LEAVE,PARTITIONS_ADDED")
        List<Scenario.Change> changes;

        @Option(names = "--assignor", split = ",", defaultValue = "uniform,range")
        List<String> assignors;

        @Option(names = "--racks", split = ",", defaultValue = "0",
                description = "Rack counts to spread members and partitions over (0: no racks), e.g. 0,3.")
        List<Integer> racks;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            new AssignorReport(out).run(members, partitionsPerMember, topics, subscriptions, changes, assignors, racks);
            return 0;
        }
    }

    @Command(name = "table", description = "Print JMH JSON results (-rf json) as a Markdown table, Handoff next to Kafka.")
    static final class Table implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Parameters(arity = "1..*", paramLabel = "RESULT_JSON")
        List<Path> files;

        @Override
        public Integer call() throws IOException {
            JmhTable.read(files).print(spec.commandLine().getOut());
            return 0;
        }
    }
}
