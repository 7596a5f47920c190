package dev.fovea.alignment.synthetic;

import dev.fovea.alignment.ctw.CanonicalTimeWarping;
import dev.fovea.alignment.ctw.CostMatrixDtw;
import dev.fovea.alignment.ctw.CtwOptions;
import dev.fovea.alignment.ctw.PathDeviation;
import dev.fovea.alignment.dtw.WarpingPath;
import dev.fovea.alignment.gtw.GeneralizedTimeWarping;
import dev.fovea.alignment.gtw.GtwOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * Alignment error of several aligners on {@link SpiralSequences} over many seeds.
 *
 * <p>The error of one alignment is {@link PathDeviation#meanAbsolute} against the ground truth, in frames of
 * \( y \), divided by \( n_y \) (so 0.01 means one percent of \( y \)'s length). Run as a program to print the
 * Markdown table of {@code docs/alignment.md}: {@code SpiralBenchmark [seeds]}.
 *
 * <p>Thread-safe: static.
 */
public final class SpiralBenchmark {

    private SpiralBenchmark() {
    }

    /**
     * One aligner: its name and, for a pair, the real frame of \( y \) it aligns with each frame of \( x \) (for a
     * warping path, {@link PathDeviation#columnPerRow}).
     */
    public record Method(String name, Function<SpiralPair, double[]> align) {

        /** An aligner that returns a warping path. */
        public static Method ofPath(String name, Function<SpiralPair, WarpingPath> path) {
            return new Method(name, p -> PathDeviation.columnPerRow(path.apply(p)));
        }
    }

    /**
     * One row of the table.
     *
     * @param method     the aligner's name
     * @param meanError  mean normalised error over the seeds
     * @param stdError   sample standard deviation of the normalised error
     * @param errors     the normalised error per seed
     */
    public record Row(String method, double meanError, double stdError, double[] errors) {
    }

    /**
     * UTW, DTW, derivative DTW, CTW with {@link CtwOptions#defaults()}, and GCTW with
     * {@link GtwOptions#canonicalDefaults()}.
     */
    public static List<Method> methods() {
        return List.of(
                Method.ofPath("UTW (uniform time warping)",
                        p -> CanonicalTimeWarping.uniformTimeWarping(p.x().length, p.y().length)),
                Method.ofPath("DTW", p -> CostMatrixDtw.align(p.x(), p.y()).path()),
                Method.ofPath("DDTW (derivative DTW)",
                        p -> CostMatrixDtw.align(derivative(p.x()), derivative(p.y())).path()),
                Method.ofPath("CTW", p -> CanonicalTimeWarping.align(p.x(), p.y(), CtwOptions.defaults()).path()),
                new Method("GCTW", p -> GeneralizedTimeWarping.align(List.of(p.x(), p.y()),
                        GtwOptions.canonicalDefaults()).columnPerRow(0, 1)));
    }

    /** Runs every method on seeds {@code 0 … seeds − 1}. */
    public static List<Row> run(List<Method> methods, int seeds) {
        if (seeds < 2) {
            throw new IllegalArgumentException("seeds must be >= 2, got " + seeds);
        }
        List<SpiralPair> pairs = new ArrayList<>();
        for (int seed = 0; seed < seeds; seed++) {
            pairs.add(SpiralSequences.generate(seed));
        }
        List<Row> rows = new ArrayList<>();
        for (Method method : methods) {
            double[] errors = new double[seeds];
            double mean = 0;
            for (int k = 0; k < seeds; k++) {
                SpiralPair pair = pairs.get(k);
                errors[k] = PathDeviation.meanAbsolute(method.align().apply(pair), pair.truth()) / pair.y().length;
                mean += errors[k] / seeds;
            }
            double variance = 0;
            for (double e : errors) {
                variance += (e - mean) * (e - mean) / (seeds - 1);
            }
            rows.add(new Row(method.name(), mean, Math.sqrt(variance), errors));
        }
        return rows;
    }

    /**
     * Keogh &amp; Pazzani's derivative estimate (SDM 2001, §3): \( d_i = ((x_i - x_{i-1}) + (x_{i+1} - x_{i-1})/2)/2 \)
     * per channel, with the first and last frames copying their neighbours' estimate.
     */
    public static double[][] derivative(double[][] x) {
        int n = x.length;
        int d = x[0].length;
        double[][] out = new double[n][d];
        if (n < 3) {
            return out;
        }
        for (int i = 1; i < n - 1; i++) {
            for (int c = 0; c < d; c++) {
                out[i][c] = ((x[i][c] - x[i - 1][c]) + (x[i + 1][c] - x[i - 1][c]) / 2) / 2;
            }
        }
        out[0] = out[1].clone();
        out[n - 1] = out[n - 2].clone();
        return out;
    }

    /** Prints the Markdown table for {@code args[0]} seeds (default 100). */
    public static void main(String[] args) {
        int seeds = args.length > 0 ? Integer.parseInt(args[0]) : 100;
        System.out.println("| method | mean error (fraction of n_y) | std | seeds |");
        System.out.println("|---|---|---|---|");
        for (Row row : run(methods(), seeds)) {
            System.out.println(String.format(Locale.ROOT, "| %s | %.4f | %.4f | %d |", row.method(), row.meanError(),
                    row.stdError(), seeds));
        }
    }
}
