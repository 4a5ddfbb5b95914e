package dev.aurasdk.benchmarks;

import java.util.Collection;
import java.util.List;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.profile.InternalProfiler;
import org.openjdk.jmh.results.AggregationPolicy;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.ScalarResult;

/**
 * A JMH profiler reporting the benchmark JVM's CPU time per operation ({@code cpu.time.norm}, µs/op:
 * the benchmark threads plus GC and JIT). On a machine shared with other work, wall time per operation
 * grows whenever the benchmark thread waits for a core; CPU time does not, so it is the steadier
 * number. Use with {@code -prof dev.aurasdk.benchmarks.CpuTimeProfiler}.
 */
public final class CpuTimeProfiler implements InternalProfiler {
    private long cpuBefore;

    /** Creates the profiler (JMH instantiates it by name). */
    public CpuTimeProfiler() {
        // nothing to set up
    }

    @Override
    public String getDescription() {
        return "process CPU time per operation";
    }

    @Override
    public void beforeIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams) {
        cpuBefore = BenchSupport.processCpuNanos();
    }

    @Override
    @SuppressWarnings("rawtypes") // JMH's InternalProfiler declares the raw Result type
    public Collection<? extends Result> afterIteration(
            BenchmarkParams benchmarkParams, IterationParams iterationParams, IterationResult result) {
        long cpu = BenchSupport.processCpuNanos() - cpuBefore;
        long ops = Math.max(1, result.getMetadata().getAllOps());
        return List.of(new ScalarResult("cpu.time.norm", cpu / 1e3 / ops, "us/op", AggregationPolicy.AVG));
    }
}
