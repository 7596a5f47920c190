package dev.fovea.attention.discrete;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import dev.fovea.attention.ManagerExtension;
import dev.fovea.math.LogSumExp;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class FenchelYoungLossTest {

    private static final double NEG_INF = Double.NEGATIVE_INFINITY;

    @RegisterExtension
    final ManagerExtension managers = new ManagerExtension();

    static Stream<SimplexMapping> mappings() {
        return SimplexMappingTest.mappings();
    }

    @Test
    void softmaxGivesTheCrossEntropy() {
        // Cross-entropy from its own definition: log sum exp(s) - <s, y> + sum y log y (the last term 0 for one-hot).
        FenchelYoungLoss loss = FenchelYoungLoss.of(SimplexMapping.softmax());
        double[] s = {1.2, -0.3, 0.5, 2.0};
        assertEquals(LogSumExp.of(s) - s[2], loss.value(s, new double[] {0, 0, 1, 0}), 1e-14);
        double[] y = {0.5, 0.0, 0.25, 0.25};
        double expected = LogSumExp.of(s) - (0.5 * s[0] + 0.25 * s[2] + 0.25 * s[3])
                + 0.5 * Math.log(0.5) + 0.5 * Math.log(0.25);
        assertEquals(expected, loss.value(s, y), 1e-14);
        assertEquals(1.0, loss.alpha());
    }

    @Test
    void sparsemaxGivesTheSparsemaxLoss() {
        // Martins & Astudillo 2016, section 3: L(s; e_k) = -s_k + 1/2 sum_{j in S} (s_j^2 - tau^2) + 1/2.
        FenchelYoungLoss loss = FenchelYoungLoss.of(SimplexMapping.sparsemax());
        double[] s = {0.9, 0.4, 0.75, -1.0, 0.3};
        double[] p = Sparsemax.probabilities(s);
        double tau = s[0] - p[0];
        for (int k = 0; k < s.length; k++) {
            double expected = -s[k] + 0.5;
            for (int j = 0; j < s.length; j++) {
                expected += p[j] > 0 ? 0.5 * (s[j] * s[j] - tau * tau) : 0.0;
            }
            double[] y = new double[s.length];
            y[k] = 1.0;
            assertEquals(expected, loss.value(s, y), 1e-15, "class " + k);
        }
    }

    @ParameterizedTest
    @MethodSource("mappings")
    void isNonNegativeAndVanishesExactlyAtTheMappingsOutput(SimplexMapping mapping) {
        FenchelYoungLoss loss = FenchelYoungLoss.of(mapping);
        SplittableRandom random = new SplittableRandom(71);
        for (int trial = 0; trial < 30; trial++) {
            int n = 2 + random.nextInt(12);
            double[] s = SimplexMappingContract.randomScores(random, n, 3.0);
            double[] y = randomTarget(random, n, trial % 2 == 0);
            assertTrue(loss.value(s, y) >= -1e-14, "trial " + trial + ": " + loss.value(s, y));
            assertEquals(0.0, loss.value(s, mapping.probabilities(s)), 1e-14, "trial " + trial);
        }
    }

    @ParameterizedTest
    @MethodSource("mappings")
    void gradientIsPMinusYAndMatchesCentralDifferences(SimplexMapping mapping) {
        FenchelYoungLoss loss = FenchelYoungLoss.of(mapping);
        SplittableRandom random = new SplittableRandom(72);
        double h = 1e-6;
        for (int trial = 0; trial < 10; trial++) {
            int n = 2 + random.nextInt(8);
            double[] s = SimplexMappingContract.randomScores(random, n, 2.0);
            double[] y = randomTarget(random, n, trial % 2 == 0);
            double[] gradient = loss.gradient(s, y);
            double[] p = mapping.probabilities(s);
            double[] numeric = new double[n];
            for (int i = 0; i < n; i++) {
                assertEquals(p[i] - y[i], gradient[i], 0.0);
                double[] plus = s.clone();
                double[] minus = s.clone();
                plus[i] += h;
                minus[i] -= h;
                numeric[i] = (loss.value(plus, y) - loss.value(minus, y)) / (2 * h);
            }
            // The loss is C^1 even where the mapping has kinks, so no point needs to be avoided.
            double error = KernelContract.gradientError(numeric, gradient);
            assertTrue(error <= 1e-6, mapping + " trial " + trial + ": " + error);
        }
    }

    @ParameterizedTest
    @MethodSource("mappings")
    void minusInfinityScoresAreLeftOutAndTargetMassOnThemIsInfinitelyWrong(SimplexMapping mapping) {
        FenchelYoungLoss loss = FenchelYoungLoss.of(mapping);
        double[] s = {0.4, NEG_INF, -0.2, 0.1};
        double[] y = {0.5, 0.0, 0.0, 0.5};
        assertEquals(loss.value(new double[] {0.4, -0.2, 0.1}, new double[] {0.5, 0.0, 0.5}), loss.value(s, y), 1e-15);
        assertEquals(0.0, loss.gradient(s, y)[1], 0.0);
        assertEquals(Double.POSITIVE_INFINITY, loss.value(s, new double[] {0.5, 0.5, 0.0, 0.0}));
        double[] gradient = loss.gradient(s, new double[] {0.5, 0.5, 0.0, 0.0});
        assertTrue(Arrays.stream(gradient).allMatch(Double::isFinite), Arrays.toString(gradient));
    }

    @Test
    void rejectsBadTargetsAndScores() {
        FenchelYoungLoss loss = FenchelYoungLoss.of(SimplexMapping.entmax15());
        var length = assertThrows(IllegalArgumentException.class, () -> loss.value(new double[4], new double[] {1, 0, 0}));
        assertEquals("target has 3 entries, scores 4", length.getMessage());
        var negative = assertThrows(IllegalArgumentException.class,
                () -> loss.value(new double[2], new double[] {1.5, -0.5}));
        assertEquals("target must be non-negative, got -0.5 at [1]", negative.getMessage());
        var sum = assertThrows(IllegalArgumentException.class, () -> loss.gradient(new double[2], new double[] {0.5, 0.0}));
        assertEquals("target must sum to 1, got 0.5", sum.getMessage());
        var nan = assertThrows(IllegalArgumentException.class,
                () -> loss.value(new double[] {0.0, Double.NaN}, new double[] {1.0, 0.0}));
        assertEquals("scores must be finite or -Infinity (masked), got NaN at [1]", nan.getMessage());
        assertThrows(NullPointerException.class, () -> FenchelYoungLoss.of(null));
    }

    @ParameterizedTest
    @MethodSource("mappings")
    void theNDArrayFormAgreesWithTheKernelAndAutogradGivesPMinusY(SimplexMapping mapping) {
        FenchelYoungLoss loss = FenchelYoungLoss.of(mapping);
        SplittableRandom random = new SplittableRandom(73);
        int batch = 4;
        int n = 6;
        double[][] s = new double[batch][];
        double[][] y = new double[batch][];
        for (int b = 0; b < batch; b++) {
            s[b] = SimplexMappingContract.randomScores(random, n, 2.0);
            y[b] = randomTarget(random, n, b % 2 == 0);
        }
        NDArray scores = managers.manager().create(s);
        scores.setRequiresGradient(true);
        NDArray values;
        try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
            values = loss.apply(scores, managers.manager().create(y), 1);
            collector.backward(values.sum());
        }
        assertEquals(new Shape(batch), values.getShape());
        double[] perRow = values.toDoubleArray();
        double[] gradient = scores.getGradient().toDoubleArray();
        for (int b = 0; b < batch; b++) {
            assertEquals(loss.value(s[b], y[b]), perRow[b], 1e-14, "row " + b);
            assertArrayEquals(loss.gradient(s[b], y[b]), Arrays.copyOfRange(gradient, b * n, (b + 1) * n), 1e-14);
        }
    }

    @ParameterizedTest
    @MethodSource("mappings")
    void theMaskedNDArrayFormNeverMakesNaN(SimplexMapping mapping) {
        FenchelYoungLoss loss = FenchelYoungLoss.of(mapping);
        NDArray scores = managers.manager().create(new double[][] {
                {0.4, NEG_INF, -0.2, Double.NaN},   // masked -Infinity and NaN, target on kept positions
                {1.0, 2.0, NEG_INF, 0.0},           // padding: nothing kept, target anywhere
                {0.4, 0.3, 0.2, 0.1},               // target mass on a masked position
                {0.4, Double.NaN, 0.2, 0.1}});      // NaN under a keep: this row only is NaN
        NDArray mask = managers.manager().create(new boolean[][] {
                {true, true, true, false}, {false, false, false, false}, {true, true, true, false}, {true, true, true, true}});
        NDArray target = managers.manager().create(new double[][] {
                {0.5, 0.0, 0.5, 0.0}, {0.0, 1.0, 0.0, 0.0}, {0.5, 0.0, 0.0, 0.5}, {1.0, 0.0, 0.0, 0.0}});
        scores.setRequiresGradient(true);
        NDArray values;
        try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
            values = loss.apply(scores, target, mask, 1);
            collector.backward(values.get("0:3").sum());
        }
        double[] perRow = values.toDoubleArray();
        assertEquals(loss.value(new double[] {0.4, -0.2}, new double[] {0.5, 0.5}), perRow[0], 1e-15);
        assertEquals(0.0, perRow[1], 0.0);
        assertEquals(Double.POSITIVE_INFINITY, perRow[2]);
        assertTrue(Double.isNaN(perRow[3]));
        double[] gradient = scores.getGradient().toDoubleArray();
        double[] row0 = loss.gradient(new double[] {0.4, -0.2}, new double[] {0.5, 0.5});
        double[] p2 = mapping.probabilities(new double[] {0.4, 0.3, 0.2});
        assertArrayEquals(new double[] {row0[0], 0, row0[1], 0, 0, 0, 0, 0, p2[0] - 0.5, p2[1], p2[2], 0},
                Arrays.copyOf(gradient, 12), 1e-14);
    }

    @Test
    void theNDArrayFormRejectsAMismatchedTarget() {
        FenchelYoungLoss loss = FenchelYoungLoss.of(SimplexMapping.sparsemax());
        var e = assertThrows(IllegalArgumentException.class, () -> loss.apply(
                managers.manager().zeros(new Shape(2, 5)), managers.manager().zeros(new Shape(2, 4)), 1));
        assertEquals("target has shape (2, 4), scores (2, 5)", e.getMessage());
    }

    private static double[] randomTarget(SplittableRandom random, int n, boolean oneHot) {
        double[] y = new double[n];
        if (oneHot) {
            y[random.nextInt(n)] = 1.0;
            return y;
        }
        double sum = 0.0;
        for (int i = 0; i < n; i++) {
            y[i] = random.nextInt(3) == 0 ? 0.0 : random.nextDouble();
            sum += y[i];
        }
        if (sum == 0.0) {
            y[0] = 1.0;
            return y;
        }
        for (int i = 0; i < n; i++) {
            y[i] /= sum;
        }
        return y;
    }
}
