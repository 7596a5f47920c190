package dev.fovea.alignment.bench;

import dev.fovea.alignment.ctw.CanonicalTimeWarping;
import dev.fovea.alignment.ctw.CtwOptions;
import dev.fovea.alignment.ctw.CtwResult;
import dev.fovea.alignment.gtw.GeneralizedTimeWarping;
import dev.fovea.alignment.gtw.GtwOptions;
import dev.fovea.alignment.gtw.GtwResult;
import dev.fovea.alignment.synthetic.SpiralPair;
import dev.fovea.alignment.synthetic.SpiralSequences;
import java.util.List;
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

/** CTW and GCTW with their defaults on the spiral pair of seed 0 (about 100 frames each). */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class CtwBenchmark {

    private SpiralPair pair;

    @Setup
    public void setUp() {
        pair = SpiralSequences.generate(0);
    }

    @Benchmark
    public CtwResult ctw() {
        return CanonicalTimeWarping.align(pair.x(), pair.y(), CtwOptions.defaults());
    }

    @Benchmark
    public GtwResult gctw() {
        return GeneralizedTimeWarping.align(List.of(pair.x(), pair.y()), GtwOptions.canonicalDefaults());
    }
}
