package dev.fovea.math.bench;

import dev.fovea.math.linalg.Cholesky2;
import dev.fovea.math.linalg.SymmetricMatrix2;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/** {@link Cholesky2#solve(double, double)} for one 2×2 covariance, the inner step of a Gaussian density. */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class Cholesky2SolveBenchmark {

    private Cholesky2 factor;

    // Non-final fields so that the JIT cannot fold the right-hand side into constants.
    private double x = 0.3;
    private double y = -1.7;

    @Setup
    public void setUp() {
        factor = SymmetricMatrix2.positiveDefinite(2.0, 0.6, 0.5).cholesky();
    }

    @Benchmark
    public double[] solve() {
        return factor.solve(x, y);
    }
}
