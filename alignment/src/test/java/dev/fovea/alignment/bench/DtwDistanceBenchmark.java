package dev.fovea.alignment.bench;

import dev.fovea.alignment.dtw.Dtw;
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

/** {@link Dtw#distance(double[], double[])} of two random walks of equal length ({@code length}² cells). */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class DtwDistanceBenchmark {

    @Param("1000")
    public int length;

    private double[] x;
    private double[] y;

    @Setup
    public void setUp() {
        Random random = new Random(42L);
        x = randomWalk(random, length);
        y = randomWalk(random, length);
    }

    // Random walks rather than white noise: neighbouring values are close, as in real signals, so the minimum in
    // the recurrence does not always pick the same predecessor (which would flatter branch prediction).
    private static double[] randomWalk(Random random, int n) {
        double[] walk = new double[n];
        for (int i = 1; i < n; i++) {
            walk[i] = walk[i - 1] + random.nextGaussian();
        }
        return walk;
    }

    @Benchmark
    public double distance() {
        return Dtw.distance(x, y);
    }
}
