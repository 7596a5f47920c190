package dev.fovea.attention.discrete;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fovea.attention.RelativeError;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The bisection kernel of \( \alpha \)-entmax: the kernel contract at three values of \( \alpha \), known answers,
 * the limit \( \alpha \to 1 \), and the derivative in \( \alpha \) against central differences. Agreement with the
 * sort-based kernels at \( \alpha = 2 \) and \( 3/2 \) is tested in {@link SparsemaxKernelTest} and
 * {@link Entmax15KernelTest}.
 */
class EntmaxKernelTest {

    /** The kernel contract at a fixed \( \alpha \). */
    abstract static class AtAlpha extends KernelContract {

        private final double alpha;

        AtAlpha(double alpha) {
            this.alpha = alpha;
        }

        double alpha() {
            return alpha;
        }

        @Override
        double[] map(double[] scores) {
            return Entmax.probabilities(scores, alpha());
        }

        @Override
        double[] jacobianVectorProduct(double[] p, double[] g) {
            return Entmax.jacobianVectorProduct(p, g, alpha());
        }

        @Override
        String name() {
            return "entmax";
        }

        @Override
        double sensitivity(double p) {
            return Math.pow(p, 2.0 - alpha());
        }
    }

    @Nested
    class AlphaOneAndAQuarter extends AtAlpha {
        AlphaOneAndAQuarter() {
            super(1.25);
        }
    }

    @Nested
    class AlphaTwo extends AtAlpha {
        AlphaTwo() {
            super(2.0);
        }
    }

    @Nested
    class AlphaThree extends AtAlpha {
        AlphaThree() {
            super(3.0);
        }
    }

    @Test
    void rejectsAlphaAtOrBelowOneAndInfinity() {
        for (double alpha : new double[] {1.0, 0.5, -2.0, Double.NaN}) {
            var e = assertThrows(IllegalArgumentException.class, () -> Entmax.probabilities(new double[] {1, 2}, alpha));
            assertEquals("alpha must be > 1 (alpha = 1 is softmax: use SimplexMapping.softmax()), got " + alpha,
                    e.getMessage());
        }
        var infinite = assertThrows(IllegalArgumentException.class,
                () -> Entmax.jacobianVectorProduct(new double[] {1}, new double[] {1}, Double.POSITIVE_INFINITY));
        assertEquals("alpha must be finite, got Infinity", infinite.getMessage());
        var derivative = assertThrows(IllegalArgumentException.class,
                () -> Entmax.alphaDerivative(new double[] {0.5, -0.5}, 1.5));
        assertEquals("p must be non-negative, got -0.5 at [1]", derivative.getMessage());
    }

    @Test
    void alphaThreeHasAClosedFormForTwoScores() {
        // At alpha = 3, p_i^2 = 2 s_i - tau: p1^2 - p2^2 = 2 (s1 - s2) and p1 + p2 = 1, so p1 - p2 = 2 (s1 - s2).
        assertArrayEquals(new double[] {0.7, 0.3}, Entmax.probabilities(new double[] {0.2, 0.0}, 3.0), 1e-15);
        assertArrayEquals(new double[] {0.5, 0.5}, Entmax.probabilities(new double[] {-4.0, -4.0}, 3.0), 1e-15);
        // From a gap of 1/2 on, the lower score leaves the support.
        assertArrayEquals(new double[] {1.0, 0.0}, Entmax.probabilities(new double[] {0.5, 0.0}, 3.0), 1e-15);
    }

    @Test
    void tendsToSoftmaxAsAlphaTendsToOneInsteadOfUniform() {
        // The entmax library's bisection returned uniform near alpha = 1 (its issues #23/#24); here the gap to softmax
        // shrinks in proportion to alpha - 1.
        double[] s = {1.5, -0.5, 0.25, -2.0, 0.0};
        double[] softmax = Softmax.probabilities(s);
        double coarse = maxDifference(Entmax.probabilities(s, 1.01), softmax);
        double fine = maxDifference(Entmax.probabilities(s, 1.0001), softmax);
        assertTrue(coarse < 0.05, "alpha = 1.01: " + coarse);
        assertEquals(100.0, coarse / fine, 5.0, "alpha - 1 a hundred times smaller: " + coarse + " vs " + fine);
    }

    @Test
    void alphaDerivativeMatchesCentralDifferences() {
        SplittableRandom random = new SplittableRandom(51);
        double h = 1e-6;
        for (double alpha : new double[] {1.25, 1.5, 2.0, 3.0}) {
            int accepted = 0;
            for (int attempt = 0; attempt < 200 && accepted < 10; attempt++) {
                double[] s = SimplexMappingContract.randomScores(random, 2 + random.nextInt(10), 1.0);
                double[] p = Entmax.probabilities(s, alpha);
                double[] up = Entmax.probabilities(s, alpha + h);
                double[] down = Entmax.probabilities(s, alpha - h);
                String support = KernelContract.support(p);
                if (support.indexOf('+') == support.lastIndexOf('+') || !support.equals(KernelContract.support(up))
                        || !support.equals(KernelContract.support(down))) {
                    continue;
                }
                accepted++;
                double[] numeric = new double[p.length];
                for (int i = 0; i < p.length; i++) {
                    numeric[i] = (up[i] - down[i]) / (2 * h);
                }
                double error = RelativeError.normwise(numeric, Entmax.alphaDerivative(p, alpha));
                assertTrue(error <= 1e-6, "alpha " + alpha + ", scores " + Arrays.toString(s) + ": " + error);
            }
            assertEquals(10, accepted, "alpha " + alpha + ": points with a stable support of two or more");
        }
    }

    @Test
    void alphaDerivativeSumsToZeroAndVanishesOffTheSupport() {
        double[] p = Entmax.probabilities(new double[] {1.0, 0.8, -3.0, 0.1}, 1.7);
        double[] derivative = Entmax.alphaDerivative(p, 1.7);
        assertEquals(0.0, p[2]);
        assertEquals(0.0, derivative[2]);
        assertEquals(0.0, Arrays.stream(derivative).sum(), 1e-15);
        // A larger alpha concentrates the mass: the top score gains, the lowest score in the support loses.
        assertTrue(derivative[0] > 0 && derivative[3] < 0, Arrays.toString(derivative));
    }

    @Test
    void theJacobianAtAlphaTwoIsTheSparsemaxJacobian() {
        double[] p = Sparsemax.probabilities(new double[] {0.3, 0.1, -0.9, 0.25});
        double[] g = {1.0, -2.0, 4.0, 0.5};
        assertArrayEquals(Sparsemax.jacobianVectorProduct(p, g), Entmax.jacobianVectorProduct(p, g, 2.0), 1e-15);
    }

    private static double maxDifference(double[] a, double[] b) {
        double max = 0.0;
        for (int i = 0; i < a.length; i++) {
            max = Math.max(max, Math.abs(a[i] - b[i]));
        }
        return max;
    }
}
