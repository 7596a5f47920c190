package dev.fovea.alignment.bench;

import dev.fovea.alignment.dtw.DistanceKernel;
import dev.fovea.alignment.dtw.Window;
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

/**
 * Single-pair DTW cost (squared local cost, symmetric1) of two random walks of equal {@code length}, with no window
 * ({@code bandPercent = 100}: \( n^2 \) cells) or a Sakoe–Chiba band of radius {@code length · bandPercent / 100}
 * (\( n (2r + 1) - r(r + 1) \) cells), by each {@link DistanceKernel}. Cells per second = cells / measured time
 * (docs/alignment.md lists them). The fork adds {@code jdk.incubator.vector} so that both kernels can run.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = "--add-modules=jdk.incubator.vector")
public class DtwDistanceBenchmark {

    @Param({"1000", "4000", "10000"})
    public int length;

    @Param({"100", "10"})
    public int bandPercent;

    @Param({"ANTI_DIAGONAL_SIMD", "FOUR_ROW_SCALAR"})
    public DistanceKernel kernel;

    private double[] x;
    private double[] y;
    private Window.SakoeChiba band;

    @Setup
    public void setUp() {
        Random random = new Random(42L);
        x = randomWalk(random, length);
        y = randomWalk(random, length);
        band = Window.sakoeChiba(length * bandPercent / 100);
    }

    // Random walks rather than white noise: neighbouring values are close, as in real signals, so the minimum in
    // the recurrence does not always pick the same predecessor (which would flatter branch prediction).
    static double[] randomWalk(Random random, int n) {
        double[] walk = new double[n];
        for (int i = 1; i < n; i++) {
            walk[i] = walk[i - 1] + random.nextGaussian();
        }
        return walk;
    }

    @Benchmark
    public double distance() {
        return kernel.distance(x, y, band, Double.POSITIVE_INFINITY);
    }
}
