package dev.fovea.attention.bench;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import dev.fovea.attention.glimpse.GlimpseSensor;
import dev.fovea.attention.spatial.GridSample;
import dev.fovea.attention.spatial.Padding;
import dev.fovea.attention.spatial.SamplingMode;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.TearDown;

/**
 * {@link GridSample} forward + backward at the acceptance size \( N = 64, C = 32, 64 \times 64 \) (input and output
 * \( 64 \times 32 \times 64 \times 64 \), a random affine-like grid in \( [-1.1, 1.1]^2 \), bilinear, zeros,
 * corners not aligned), measured next to a STREAM-like copy and triad on arrays far larger than the caches, so that
 * the sampler's time can be read as a fraction of this machine's memory bandwidth in the same run; and the glimpse
 * sensor per image (3 patches of 8×8, scale 2, on a 3×64×64 image).
 *
 * <p>Bytes a perfect sampler must move per forward + backward, with \( E = NCHW \) (here \( H_o = H, W_o = W \))
 * and \( G = 2NHW \) grid entries: forward reads the input and the grid and writes the output (\( 2E + G \));
 * backward reads the input, the grid and the upstream gradient and writes both gradients (\( 3E + 2G \)): in all
 * \( 5E + 3G \) entries, 348 MB in double, 174 MB in float32. Settings of {@link NanosecondBenchmark}, reported in
 * milliseconds (microseconds for the glimpses).
 */
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class GridSampleBenchmark extends NanosecondBenchmark {

    static final int N = 64;
    static final int C = 32;
    static final int H = 64;
    static final int W = 64;
    /** STREAM array length: 8 Mi doubles = 64 MiB per array, far beyond the last-level cache. */
    static final int STREAM = 8 << 20;

    private double[][][][] input;
    private double[][][][] grid;
    private double[][][][] upstream;
    private double[] a;
    private double[] b;
    private double[] c;
    private float[] fa;
    private float[] fb;
    private NDManager manager;
    private NDArray inputArray;
    private NDArray gridArray;
    private NDArray upstreamArray;
    private double[][][] image;
    private NDArray images;
    private NDArray locations;
    private final GlimpseSensor sensor = new GlimpseSensor(3, 8, 2);

    @Setup
    public void setUp() {
        SplittableRandom random = new SplittableRandom(11);
        input = new double[N][C][H][W];
        upstream = new double[N][C][H][W];
        grid = new double[N][H][W][2];
        float[] inputFlat = new float[N * C * H * W];
        float[] upstreamFlat = new float[N * C * H * W];
        float[] gridFlat = new float[N * H * W * 2];
        int k = 0;
        int u = 0;
        int g = 0;
        for (int n = 0; n < N; n++) {
            for (int ch = 0; ch < C; ch++) {
                for (int r = 0; r < H; r++) {
                    for (int q = 0; q < W; q++) {
                        input[n][ch][r][q] = random.nextDouble();
                        upstream[n][ch][r][q] = random.nextDouble(-1, 1);
                        inputFlat[k++] = (float) input[n][ch][r][q];
                        upstreamFlat[u++] = (float) upstream[n][ch][r][q];
                    }
                }
            }
            // A rotation by 0.3 rad with scale 1.05 and jitter: neighbouring outputs read neighbouring inputs.
            for (int r = 0; r < H; r++) {
                for (int q = 0; q < W; q++) {
                    double x = (2 * q + 1.0) / W - 1;
                    double y = (2 * r + 1.0) / H - 1;
                    grid[n][r][q][0] = 1.05 * (Math.cos(0.3) * x - Math.sin(0.3) * y) + random.nextDouble(-0.01, 0.01);
                    grid[n][r][q][1] = 1.05 * (Math.sin(0.3) * x + Math.cos(0.3) * y) + random.nextDouble(-0.01, 0.01);
                    gridFlat[g++] = (float) grid[n][r][q][0];
                    gridFlat[g++] = (float) grid[n][r][q][1];
                }
            }
        }
        a = new double[STREAM];
        b = new double[STREAM];
        c = new double[STREAM];
        fa = new float[2 * STREAM];
        fb = new float[2 * STREAM];
        for (int i = 0; i < STREAM; i++) {
            b[i] = i;
            c[i] = 1.0 / (i + 1);
        }
        manager = NDManager.newBaseManager();
        inputArray = manager.create(inputFlat, new Shape(N, C, H, W));
        gridArray = manager.create(gridFlat, new Shape(N, H, W, 2));
        upstreamArray = manager.create(upstreamFlat, new Shape(N, C, H, W));
        inputArray.setRequiresGradient(true);
        gridArray.setRequiresGradient(true);
        image = new double[][][] {input[0][0], input[0][1], input[0][2]};
        images = inputArray.get(":, 0:3").duplicate();
        float[] where = new float[2 * N];
        for (int i = 0; i < where.length; i++) {
            where[i] = (float) random.nextDouble(-1, 1);
        }
        locations = manager.create(where, new Shape(N, 2));
    }

    @TearDown
    public void tearDown() {
        manager.close();
    }

    /** The double kernel: {@link GridSample#forward} then {@link GridSample#backward}. */
    @Benchmark
    public Object kernelForwardBackward() {
        double[][][][] out = GridSample.forward(input, grid, SamplingMode.BILINEAR, Padding.ZEROS, false);
        return GridSample.backward(input, grid, upstream, SamplingMode.BILINEAR, Padding.ZEROS, false).grid()[0][0]
                [0][0] + out[0][0][0][0];
    }

    /** The NDArray function in float32 on the PyTorch CPU engine: forward, then autograd to input and grid. */
    @Benchmark
    public float arrayForwardBackward() {
        try (NDScope scope = new NDScope();
                GradientCollector collector = Engine.getInstance().newGradientCollector()) {
            NDArray out = GridSample.apply(inputArray, gridArray, SamplingMode.BILINEAR, Padding.ZEROS, false);
            NDArray loss = out.mul(upstreamArray).sum();
            collector.backward(loss);
            return loss.getFloat();
        }
    }

    /** STREAM copy on doubles: 16 bytes moved per element (read + write). */
    @Benchmark
    public double streamCopyDouble() {
        System.arraycopy(b, 0, a, 0, STREAM);
        return a[STREAM - 1];
    }

    /** STREAM triad on doubles, \( a = b + 3 c \): 24 bytes moved per element. */
    @Benchmark
    public double streamTriadDouble() {
        double[] x = a;
        double[] y = b;
        double[] z = c;
        for (int i = 0; i < STREAM; i++) {
            x[i] = y[i] + 3.0 * z[i];
        }
        return x[STREAM - 1];
    }

    /** STREAM copy on floats (the same 64 MiB per array as the double arrays). */
    @Benchmark
    public float streamCopyFloat() {
        System.arraycopy(fb, 0, fa, 0, fa.length);
        return fa[fa.length - 1];
    }

    /** The glimpse kernel on one 3×64×64 image. */
    @Benchmark
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public Object glimpseKernelPerImage() {
        return sensor.glimpse(image, 0.3, -0.6);
    }

    /** The glimpse array function on a batch of 64 float32 images, per image. */
    @Benchmark
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    @OperationsPerInvocation(N)
    public float glimpseArrayPerImage() {
        try (NDScope scope = new NDScope()) {
            return sensor.apply(images, locations).getFloat(0, 0, 0, 0, 0);
        }
    }
}
