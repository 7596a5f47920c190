package dev.fovea.attention.bench;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import dev.fovea.attention.draw.DrawFilterbank;
import dev.fovea.attention.draw.DrawRead;
import dev.fovea.attention.draw.DrawWrite;
import dev.fovea.attention.draw.FilterbankParameters;
import java.util.Random;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.TearDown;

/**
 * DRAW's read and write of one image at the paper's MNIST-like attention size scaled up: \( A = B = 64 \),
 * \( N = 12 \). Each call builds the filterbank from the five parameters and applies it, as one step of the model
 * does: the double kernels, and the NDArray functions on a batch of one (float32, CPU engine, forward only). Run
 * settings: those of {@link NanosecondBenchmark}.
 */
public class DrawBenchmark extends NanosecondBenchmark {

    private static final int SIZE = 64;
    private static final int GLIMPSES = 12;
    private static final FilterbankParameters PARAMETERS = new FilterbankParameters(0.1, -0.2, 0.5, -0.3, 0.0);

    private double[][] image;
    private double[][] patch;
    private NDManager manager;
    private NDArray parameters;
    private NDArray images;
    private NDArray patches;

    @Setup
    public void setUp() {
        Random random = new Random(1);
        image = new double[SIZE][SIZE];
        for (double[] row : image) {
            for (int a = 0; a < SIZE; a++) {
                row[a] = random.nextDouble();
            }
        }
        patch = new double[GLIMPSES][GLIMPSES];
        for (double[] row : patch) {
            for (int a = 0; a < GLIMPSES; a++) {
                row[a] = random.nextGaussian();
            }
        }
        manager = NDManager.newBaseManager();
        parameters = manager.create(new float[] {0.1f, -0.2f, 0.5f, -0.3f, 0.0f}, new Shape(1, 5));
        images = manager.randomUniform(0f, 1f, new Shape(1, SIZE, SIZE), DataType.FLOAT32);
        patches = manager.randomNormal(new Shape(1, GLIMPSES, GLIMPSES));
    }

    @TearDown
    public void tearDown() {
        manager.close();
    }

    /** Filterbank + \( \gamma F_Y x F_X^\top \), double kernel. */
    @Benchmark
    public double[][] kernelRead() {
        return DrawRead.glimpse(image, DrawFilterbank.of(SIZE, SIZE, GLIMPSES, PARAMETERS));
    }

    /** Filterbank + \( \gamma^{-1} F_Y^\top w F_X \), double kernel. */
    @Benchmark
    public double[][] kernelWrite() {
        return DrawWrite.canvas(patch, DrawFilterbank.of(SIZE, SIZE, GLIMPSES, PARAMETERS));
    }

    /** Filterbank + read, NDArray functions, batch of one. */
    @Benchmark
    public float ndArrayRead() {
        try (NDScope scope = new NDScope()) {
            return DrawRead.apply(images, DrawFilterbank.apply(parameters, SIZE, SIZE, GLIMPSES)).getFloat(0, 0, 0);
        }
    }

    /** Filterbank + write, NDArray functions, batch of one. */
    @Benchmark
    public float ndArrayWrite() {
        try (NDScope scope = new NDScope()) {
            return DrawWrite.apply(patches, DrawFilterbank.apply(parameters, SIZE, SIZE, GLIMPSES)).getFloat(0, 0, 0);
        }
    }
}
