package dev.fovea.attention.bench;

import dev.fovea.attention.discrete.SimplexMapping;
import java.util.OptionalDouble;
import java.util.SplittableRandom;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;

/**
 * The double kernels of every simplex mapping and their closed-form Jacobian–vector products, per score vector.
 * {@code mapping} is an id, with {@code :alpha} for entmax (which runs the bisection kernel).
 */
public class SimplexMappingBenchmark extends NanosecondBenchmark {

    @Param({"softmax", "sparsemax", "entmax15", "entmax:1.5"})
    String mapping;

    @Param({"64", "1024"})
    int length;

    private SimplexMapping simplexMapping;
    private double[] scores;
    private double[] upstream;
    private double[] probabilities;

    @Setup
    public void setUp() {
        simplexMapping = parse(mapping);
        SplittableRandom random = new SplittableRandom(42);
        scores = random.doubles(length, -5, 5).toArray();
        upstream = random.doubles(length, -1, 1).toArray();
        probabilities = simplexMapping.probabilities(scores);
    }

    @Benchmark
    public double[] probabilities() {
        return simplexMapping.probabilities(scores);
    }

    @Benchmark
    public double[] jacobianVectorProduct() {
        return simplexMapping.jacobianVectorProduct(probabilities, upstream);
    }

    /** {@code "entmax:1.5"} → {@code parse("entmax", 1.5)}; a bare id has no alpha. */
    static SimplexMapping parse(String parameter) {
        int colon = parameter.indexOf(':');
        return colon < 0
                ? SimplexMapping.parse(parameter, OptionalDouble.empty())
                : SimplexMapping.parse(parameter.substring(0, colon),
                        OptionalDouble.of(Double.parseDouble(parameter.substring(colon + 1))));
    }
}
