package dev.handoff.bench.assignor;

import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Handoff's server-side assignors against Apache Kafka 4.4.0's on identical inputs. The defaults are a
 * reduced set for a quick run; the full grid is members 100,1000,10000 × partitionsPerMember 10,50 ×
 * topics 10,100,1000 (pass {@code -p members=100,1000,10000 -p topics=10,100,1000 ...}). {@code racks} shows what
 * rack-aware assignment costs: the same inputs with members and partitions in 3 racks.
 *
 * <p>{@code change}: FULL assigns from scratch (no previous assignment); JOIN (one member joins), LEAVE (one
 * leaves) and PARTITIONS_ADDED (the first topic grows by {@code partitionsPerMember}) start from the previous
 * target assignment the same implementation computed for the others, as a coordinator does on each group
 * epoch bump. Apache Kafka's own {@code jmh-benchmarks/.../assignor/ServerSideAssignorBenchmark} prepares its
 * inputs the same way, once per trial. That is sound because neither side's assignor changes its inputs;
 * {@link InputCheck} checks that (two invocations, equal results) and the exact cover of the result for
 * every trial before measuring.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class ServerAssignorBenchmark {

    @Param({"HANDOFF", "KAFKA"})
    AssignorUnderTest.Implementation implementation;

    @Param({"uniform", "range"})
    String assignor;

    @Param({"1000", "10000"})
    int members;

    @Param({"10"})
    int partitionsPerMember;

    @Param({"100"})
    int topics;

    @Param({"HOMOGENEOUS", "MIXED"})
    Scenario.Subscription subscription;

    @Param({"FULL", "JOIN"})
    Scenario.Change change;

    /** 0: no racks; 3: members and partitions spread over 3 racks (Handoff prefers same-rack owners, Kafka 4.4 ignores racks). */
    @Param({"0", "3"})
    int racks;

    private AssignorUnderTest prepared;

    @Setup
    public void setUp() {
        Scenario before = Scenario.of(members, partitionsPerMember, topics, subscription).withRacks(racks);
        Scenario after = before.after(change, partitionsPerMember);
        prepared = change == Scenario.Change.FULL
                ? AssignorUnderTest.prepare(implementation, assignor, after.withoutMembers(), after)
                : AssignorUnderTest.prepare(implementation, assignor, before, after);
        InputCheck.verify(prepared, after, change);
    }

    @Benchmark
    public Object assign() {
        return prepared.assign();
    }
}
