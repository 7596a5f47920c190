package dev.fovea.attention.continuous;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fovea.math.linalg.NotPositiveDefiniteException;
import dev.fovea.math.linalg.SymmetricMatrix2;
import org.junit.jupiter.api.Test;

class ContinuousAttentionTest {

    private static final double[][] MEANS_2 = {{0.2, 0.3}, {0.8, 0.25}, {0.5, 0.9}, {0.45, 0.55}};
    private static final double[][][] COVARIANCES_2 = {
        {{0.01, 0}, {0, 0.01}}, {{0.02, 0.008}, {0.008, 0.015}}, {{0.005, -0.002}, {-0.002, 0.03}},
        {{0.04, 0}, {0, 0.002}}};
    private static final double[][] MEANS_1 = {{0.1}, {0.45}, {0.7}, {0.95}};
    private static final double[][][] VARIANCES_1 = {{{0.01}}, {{0.0004}}, {{0.25}}, {{0.0025}}};

    @Test
    void parsesMappingIds() {
        assertEquals(ContinuousMapping.SOFTMAX, ContinuousMapping.parse("softmax"));
        assertEquals(ContinuousMapping.SPARSEMAX, ContinuousMapping.parse("sparsemax"));
        assertEquals("unknown continuous mapping 'entmax', expected one of softmax, sparsemax",
                assertThrows(IllegalArgumentException.class, () -> ContinuousMapping.parse("entmax")).getMessage());
    }

    @Test
    void agreesWithTheKernelsAndReportsTheSupport() {
        GaussianBasis2 basis2 = ContinuousSoftmax2Test.mixedBasis();
        double[][] sigma = {{0.02, 0.008}, {0.008, 0.012}};
        ContinuousEvaluation softmax2 = ContinuousAttention.evaluate(ContinuousMapping.SOFTMAX, new double[] {0.4, 0.55},
                sigma, MEANS_2, COVARIANCES_2, false);
        assertArrayEquals(ContinuousSoftmax2.expectation(Gaussian2.of(0.4, 0.55, SymmetricMatrix2.of(0.02, 0.008, 0.012)),
                basis2), softmax2.expectation(), 0.0);
        assertNull(softmax2.jacobian());
        assertEquals(new Support.WholeSpace(2), softmax2.support());

        ContinuousEvaluation sparsemax2 = ContinuousAttention.evaluate(ContinuousMapping.SPARSEMAX,
                new double[] {0.4, 0.55}, sigma, MEANS_2, COVARIANCES_2, true);
        TruncatedParaboloid paraboloid = TruncatedParaboloidTest.correlated();
        assertArrayEquals(ContinuousSparsemax2.expectation(paraboloid, basis2), sparsemax2.expectation(), 0.0);
        assertEquals(6, sparsemax2.jacobian().length);
        assertEquals(paraboloid.support(), sparsemax2.support());
        assertInstanceOf(Support.Ellipse.class, sparsemax2.support());

        ContinuousEvaluation sparsemax1 = ContinuousAttention.evaluate(ContinuousMapping.SPARSEMAX, new double[] {0.3},
                new double[][] {{0.01}}, MEANS_1, VARIANCES_1, true);
        TruncatedParabola parabola = TruncatedParabola.of(0.3, 0.01);
        assertEquals(parabola.support(), sparsemax1.support());
        assertEquals(2, sparsemax1.jacobian().length);
        assertEquals(ContinuousSparsemax1.canonicalJacobian(parabola, ContinuousSoftmax1Test.mixedBasis())[1][2],
                ContinuousAttention.evaluate(ContinuousMapping.SPARSEMAX, new double[] {0.3}, new double[][] {{0.01}},
                        new double[][] {{0.7}}, new double[][][] {{{0.25}}}, true).jacobian()[1][0], 0.0);
        assertEquals(new Support.WholeSpace(1), ContinuousAttention.evaluate(ContinuousMapping.SOFTMAX,
                new double[] {0.3}, new double[][] {{0.01}}, MEANS_1, VARIANCES_1, false).support());
    }

    /** \( \theta \mapsto (\mu, \Sigma) \) arrays for the façade, \( \theta_2 \) full row-major as in the Jacobian. */
    private static ContinuousEvaluation atTheta(ContinuousMapping mapping, double[] theta, boolean withJacobian) {
        if (theta.length == 2) {
            QuadraticScore1 score = new QuadraticScore1(theta[0], theta[1]);
            return ContinuousAttention.evaluate(mapping, new double[] {score.location()},
                    new double[][] {{score.scale()}}, MEANS_1, VARIANCES_1, withJacobian);
        }
        QuadraticScore2 score = new QuadraticScore2(theta[0], theta[1], theta[2], theta[3], theta[4], theta[5]);
        return ContinuousAttention.evaluate(mapping, score.location(), score.scale().toRows(), MEANS_2, COVARIANCES_2,
                withJacobian);
    }

    @Test
    void jacobianRowsAreCentralDifferencesInTheRowMajorParametrisation() {
        // θ₂[0][1] and θ₂[1][0] are perturbed one at a time, each an independent entry of the score.
        double[][] thetas = {
            QuadraticScore1.fromLocationScale(0.3, 0.01).toArray(),
            QuadraticScore2.fromLocationScale(0.4, 0.55, SymmetricMatrix2.of(0.02, 0.008, 0.012)).toArray()};
        for (ContinuousMapping mapping : ContinuousMapping.values()) {
            for (double[] theta : thetas) {
                double[][] explicit = atTheta(mapping, theta, true).jacobian();
                double[][] numeric = CanonicalGradients.centralDifferences(
                        t -> atTheta(mapping, t, false).expectation(), theta, 1.0);
                double error = CanonicalGradients.normwise(explicit, numeric);
                assertTrue(error <= 1e-6, mapping + " d=" + (theta.length == 2 ? 1 : 2) + ": relative error " + error);
                if (theta.length == 6) {
                    assertArrayEquals(explicit[3], explicit[4], 0.0, "the two off-diagonal rows are equal");
                }
            }
        }
    }

    @Test
    void rejectsBadArgumentsNamingThem() {
        ContinuousMapping m = ContinuousMapping.SOFTMAX;
        double[] mean = {0.5, 0.5};
        double[][] sigma = {{0.01, 0}, {0, 0.01}};
        assertEquals("basisMeans[3] has 1 coordinate, mean has 2", assertThrows(IllegalArgumentException.class,
                () -> ContinuousAttention.evaluate(m, mean, sigma,
                        new double[][] {{0, 0}, {0, 0}, {0, 0}, {0}}, COVARIANCES_2, false)).getMessage());
        assertEquals("mean has 3 coordinates, expected 1 or 2", assertThrows(IllegalArgumentException.class,
                () -> ContinuousAttention.evaluate(m, new double[3], sigma, MEANS_2, COVARIANCES_2, false)).getMessage());
        assertEquals("mean must be finite, got NaN at [1]", assertThrows(IllegalArgumentException.class,
                () -> ContinuousAttention.evaluate(m, new double[] {0, Double.NaN}, sigma, MEANS_2, COVARIANCES_2,
                        false)).getMessage());
        assertEquals("covariance has 1 rows, mean has 2 coordinates", assertThrows(IllegalArgumentException.class,
                () -> ContinuousAttention.evaluate(m, mean, new double[][] {{1}}, MEANS_2, COVARIANCES_2, false))
                .getMessage());
        assertEquals("basisMeans must have at least one row, got none", assertThrows(IllegalArgumentException.class,
                () -> ContinuousAttention.evaluate(m, mean, sigma, new double[0][], new double[0][][], false))
                .getMessage());
        assertEquals("basisCovariances has 3 matrices, basisMeans 4 rows", assertThrows(IllegalArgumentException.class,
                () -> ContinuousAttention.evaluate(m, mean, sigma, MEANS_2, new double[3][][], false)).getMessage());
        assertEquals("basisMeans must be finite, got Infinity at [2, 0]", assertThrows(IllegalArgumentException.class,
                () -> ContinuousAttention.evaluate(m, mean, sigma,
                        new double[][] {{0, 0}, {0, 0}, {Double.POSITIVE_INFINITY, 0}, {0, 0}}, COVARIANCES_2, false))
                .getMessage());
        assertEquals("covariance must be symmetric, got [0][1] = 0.5 and [1][0] = 0.4 ([[1.0, 0.5], [0.4, 1.0]])",
                assertThrows(IllegalArgumentException.class, () -> ContinuousAttention.evaluate(m, mean,
                        new double[][] {{1, 0.5}, {0.4, 1}}, MEANS_2, COVARIANCES_2, false)).getMessage());
        var notPd = assertThrows(NotPositiveDefiniteException.class, () -> ContinuousAttention.evaluate(
                ContinuousMapping.SPARSEMAX, mean, sigma, MEANS_2,
                new double[][][] {COVARIANCES_2[0], COVARIANCES_2[1], {{1, 2}, {2, 1}}, COVARIANCES_2[3]}, false));
        assertTrue(notPd.getMessage().startsWith("basisCovariances[2] matrix [[1.0, 2.0], [2.0, 1.0]] must be positive"
                + " definite"), notPd.getMessage());
        assertEquals("covariance matrix [[-0.5]] must be positive definite, but its entry is <= 0",
                assertThrows(NotPositiveDefiniteException.class, () -> ContinuousAttention.evaluate(m,
                        new double[] {0}, new double[][] {{-0.5}}, MEANS_1, VARIANCES_1, false)).getMessage());
        assertEquals("basisCovariances[1][0] has 2 columns, mean has 1 coordinate",
                assertThrows(IllegalArgumentException.class, () -> ContinuousAttention.evaluate(m, new double[] {0},
                        new double[][] {{1}}, new double[][] {{0}, {1}}, new double[][][] {{{1}}, {{1, 0}}}, false))
                        .getMessage());
    }
}
