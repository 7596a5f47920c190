package dev.fovea.math.bench;

import dev.fovea.math.LogSumExp;
import java.util.Random;
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

/** {@link LogSumExp#of(double...)} over a vector of attention-score-like values. */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class LogSumExpBenchmark {

    @Param("1000")
    public int length;

    private double[] scores;

    @Setup
    public void setUp() {
        Random random = new Random(42L);
        scores = new double[length];
        for (int i = 0; i < length; i++) {
            scores[i] = 10.0 * random.nextGaussian();
        }
    }

    @Benchmark
    public double logSumExp() {
        return LogSumExp.of(scores);
    }
}
