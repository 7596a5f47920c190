package dev.fovea.alignment.bench;

import dev.fovea.alignment.softdtw.SoftDtw;
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

/** Soft-DTW of two 3-channel random walks of {@code length} frames: the value alone, and value plus gradient. */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class SoftDtwBenchmark {

    @Param("200")
    public int length;

    private double[][] x;
    private double[][] y;
    private final SoftDtw softDtw = SoftDtw.of(1.0);

    @Setup
    public void setUp() {
        Random random = new Random(42L);
        x = randomWalk(random, length);
        y = randomWalk(random, length);
    }

    private static double[][] randomWalk(Random random, int n) {
        double[][] walk = new double[n][3];
        for (int i = 1; i < n; i++) {
            for (int c = 0; c < 3; c++) {
                walk[i][c] = walk[i - 1][c] + random.nextGaussian();
            }
        }
        return walk;
    }

    @Benchmark
    public double value() {
        return softDtw.value(x, y);
    }

    @Benchmark
    public double[][] gradient() {
        return softDtw.gradient(x, y).dx();
    }
}
