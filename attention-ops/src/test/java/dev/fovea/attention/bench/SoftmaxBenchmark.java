package dev.fovea.attention.bench;

import dev.fovea.attention.discrete.Softmax;
import java.util.SplittableRandom;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;

/** Throughput of the double softmax kernel and its explicit backward, per score vector. */
public class SoftmaxBenchmark extends NanosecondBenchmark {

    @Param({"64", "1024"})
    int length;

    private double[] scores;
    private double[] upstream;
    private double[] probabilities;

    @Setup
    public void setUp() {
        SplittableRandom random = new SplittableRandom(42);
        scores = random.doubles(length, -5, 5).toArray();
        upstream = random.doubles(length, -1, 1).toArray();
        probabilities = Softmax.probabilities(scores);
    }

    @Benchmark
    public double[] probabilities() {
        return Softmax.probabilities(scores);
    }

    @Benchmark
    public double[] jacobianVectorProduct() {
        return Softmax.jacobianVectorProduct(probabilities, upstream);
    }
}
