package dev.handoff.bench;

import dev.handoff.bench.assignor.AssignorCommand;
import dev.handoff.bench.handoff.HandoffBenchCommand;
import dev.handoff.bench.heartbeat.HeartbeatCommand;
import dev.handoff.bench.heartbeat.SoakCommand;
import dev.handoff.bench.reliability.CrashLoopCommand;
import dev.handoff.bench.reliability.FuzzCommand;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code ./bench.sh <command>}: Handoff's benchmarks, some of them side by side with Apache Kafka. */
@Command(name = "bench.sh",
        mixinStandardHelpOptions = true,
        description = "Handoff's benchmarks, side by side with Apache Kafka 4.4.0 where it has the same part.",
        subcommands = {BrokerCommand.class, TestkitStartupCommand.class, AssignorCommand.class,
            CrashLoopCommand.class, HeartbeatCommand.class,
            SoakCommand.class, FuzzCommand.class, HandoffBenchCommand.class, KafkaServerCommand.class})
public final class BenchMain implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    static CommandLine commandLine() {
        return new CommandLine(new BenchMain()).setCaseInsensitiveEnumValuesAllowed(true);
    }

    /** Without a command there is nothing to run: show what there is. */
    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return spec.exitCodeOnInvalidInput();
    }
}
