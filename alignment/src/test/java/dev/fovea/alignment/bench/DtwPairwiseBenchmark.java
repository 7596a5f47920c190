package dev.fovea.alignment.bench;

import dev.fovea.alignment.dtw.Dtw;
import dev.fovea.alignment.dtw.PairwiseDistances;
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
 * {@link PairwiseDistances#of} of 32 random walks of length 1000 on all cores ({@code pairwise32}), and the same 496
 * pairs one after another on one thread ({@code pairwise32OneThread}, the per-core figure): \( 10^6 \) cells per pair
 * without a window, 190 900 with a 10% band. The fork adds {@code jdk.incubator.vector}, so
 * {@code Dtw.distance} runs {@code DistanceKernel.ANTI_DIAGONAL_SIMD}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = "--add-modules=jdk.incubator.vector")
public class DtwPairwiseBenchmark {

    @Param({"100", "10"})
    public int bandPercent;

    private double[][] series;
    private int radiusCells;

    @Setup
    public void setUp() {
        Random random = new Random(43L);
        series = new double[32][];
        for (int a = 0; a < series.length; a++) {
            series[a] = DtwDistanceBenchmark.randomWalk(random, 1000);
        }
        radiusCells = 1000 * bandPercent / 100;
    }

    @Benchmark
    public double[][] pairwise32() {
        return PairwiseDistances.of(series, radiusCells);
    }

    @Benchmark
    public double pairwise32OneThread() {
        Window.SakoeChiba band = Window.sakoeChiba(radiusCells);
        double sum = 0.0;
        for (int a = 0; a < series.length; a++) {
            for (int b = a + 1; b < series.length; b++) {
                sum += Dtw.distance(series[a], series[b], band);
            }
        }
        return sum;
    }
}
