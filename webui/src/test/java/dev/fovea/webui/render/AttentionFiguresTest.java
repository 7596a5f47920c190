package dev.fovea.webui.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fovea.attention.continuous.Gaussian2;
import dev.fovea.attention.continuous.TruncatedParaboloid;
import dev.fovea.attention.mixture.ComponentCount;
import dev.fovea.attention.mixture.GaussianMixture2;
import dev.fovea.attention.mixture.GaussianMixtureFit;
import dev.fovea.attention.mixture.MixtureRequest;
import dev.fovea.attention.mixture.MixtureSelection;
import dev.fovea.models.shapes.PlacedShape;
import dev.fovea.models.shapes.ShapesConfig;
import dev.fovea.models.shapes.ShapesDataset;
import dev.fovea.models.shapes.ShapesSample;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.DoubleBinaryOperator;
import org.junit.jupiter.api.Test;

/**
 * The figures of {@code docs/attention.md}: one generated image whose question is about two shapes far apart, its
 * discrete attention over the 8 × 8 grid (here the ground-truth relevance, normalised), and the three continuous
 * densities fitted to it — a Gaussian (continuous softmax) and a truncated paraboloid (continuous sparsemax) by
 * moment matching, and a Gaussian mixture chosen by penalised likelihood (Farinhas et al. 2021). Written to
 * {@code target/figures/}; the test checks what the figures are meant to show: the mixture puts its mass on both
 * shapes, the unimodal densities put theirs between them.
 */
class AttentionFiguresTest {

    static final Path FIGURES = Path.of("target", "figures");
    static final int PIXELS = 320;
    static final int FINE = 160;

    @Test
    void unimodalDensitiesFallBetweenTwoShapesAndTheMixtureCoversBoth() throws IOException {
        ShapesConfig config = ShapesConfig.DEFAULT;
        ShapesSample sample = twoDistantRelevantShapes(new ShapesDataset(config));
        int grid = config.grid();

        double[] discrete = normalised(sample.relevance());
        double[][] points = new double[grid * grid][];
        for (int cell = 0; cell < points.length; cell++) {
            points[cell] = new double[] {(cell % grid + 0.5) / grid, (cell / grid + 0.5) / grid};
        }
        GaussianMixtureFit unimodal = MixtureSelection.fit(MixtureRequest.of(points, discrete,
                ComponentCount.exactly(1)).withIterations(1));
        Gaussian2 gaussian = unimodal.components().getFirst().density();
        TruncatedParaboloid paraboloid = TruncatedParaboloid.fromCovariance(gaussian.meanX(), gaussian.meanY(),
                gaussian.covariance());
        // Weight on a cell stands for mass spread over the cell, whose variance is h²/12 per axis (h = 1/grid): the
        // floor keeps a component from collapsing onto the few cell centres one shape covers.
        double cellVariance = 1.0 / (12.0 * grid * grid);
        GaussianMixtureFit multimodal = MixtureSelection.fit(MixtureRequest.of(points, discrete,
                ComponentCount.atMost(4)).withIterations(30).withCovarianceFloor(cellVariance));
        GaussianMixture2 mixture = multimodal.mixture();

        List<double[]> centres = sample.shapes().stream().filter(sample.question()::matches)
                .map(s -> centre(s, config)).toList();
        double[] between = {(centres.get(0)[0] + centres.get(1)[0]) / 2, (centres.get(0)[1] + centres.get(1)[1]) / 2};
        assertTrue(multimodal.selectedComponents() >= 2, "selected " + multimodal.selectedComponents());
        for (double[] c : centres) {
            assertTrue(mixture.density(c[0], c[1]) > mixture.density(between[0], between[1]),
                    "the mixture is higher on a shape than between the shapes");
            assertTrue(mixture.density(c[0], c[1]) > gaussian.density(c[0], c[1]),
                    "the mixture is higher on a shape than the single Gaussian");
        }
        assertTrue(gaussian.density(between[0], between[1]) > gaussian.density(centres.get(0)[0], centres.get(0)[1]),
                "moment matching puts the single Gaussian's peak between the shapes");

        Files.createDirectories(FIGURES);
        float[] rgb = sample.rgb();
        int size = config.imageSize();
        write("attention-discrete.png", PngImages.overlayPng(rgb, size, discrete, grid, PIXELS));
        write("attention-continuous-softmax.png", PngImages.overlayPng(rgb, size, sampled(gaussian::density), FINE,
                PIXELS));
        write("attention-continuous-sparsemax.png", PngImages.overlayPng(rgb, size, sampled(paraboloid::density),
                FINE, PIXELS));
        write("attention-mixture.png", PngImages.overlayPng(rgb, size, sampled(mixture::density), FINE, PIXELS));
        assertEquals(4, Files.list(FIGURES).filter(p -> p.toString().endsWith(".png")).count());
    }

    /** The first sample whose question asks about exactly two shapes at least half the image apart. */
    static ShapesSample twoDistantRelevantShapes(ShapesDataset dataset) {
        for (int index = 0; index < 1000; index++) {
            ShapesSample sample = dataset.sample(7, index);
            List<double[]> centres = sample.shapes().stream().filter(sample.question()::matches)
                    .map(s -> centre(s, dataset.config())).toList();
            if (centres.size() == 2 && Math.hypot(centres.get(0)[0] - centres.get(1)[0],
                    centres.get(0)[1] - centres.get(1)[1]) >= 0.5) {
                return sample;
            }
        }
        throw new AssertionError("no sample with two distant relevant shapes in the first 1000");
    }

    /** The centre of a shape in unit-square coordinates (x right, y down), the frame of the grid cells. */
    static double[] centre(PlacedShape shape, ShapesConfig config) {
        return new double[] {(shape.x() + shape.size() / 2.0) / config.imageSize(),
                (shape.y() + shape.size() / 2.0) / config.imageSize()};
    }

    static double[] normalised(double[] weights) {
        double total = 0;
        for (double w : weights) {
            total += w;
        }
        double[] out = new double[weights.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = weights[i] / total;
        }
        return out;
    }

    /** A density sampled at the centres of a FINE × FINE grid over the unit square, row-major, rows top down. */
    static double[] sampled(DoubleBinaryOperator density) {
        double[] out = new double[FINE * FINE];
        for (int r = 0; r < FINE; r++) {
            for (int c = 0; c < FINE; c++) {
                out[r * FINE + c] = density.applyAsDouble((c + 0.5) / FINE, (r + 0.5) / FINE);
            }
        }
        return out;
    }

    static void write(String name, byte[] png) throws IOException {
        Files.write(FIGURES.resolve(name), png);
    }
}
