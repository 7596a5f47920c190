package dev.fovea.attention.discrete;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.fovea.attention.ManagerExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class TsallisEntropyTest {

    @RegisterExtension
    final ManagerExtension managers = new ManagerExtension();

    @Test
    void knownValues() {
        double[] p = {0.5, 0.25, 0.25, 0.0};
        // Shannon: -(0.5 log 0.5 + 2 * 0.25 log 0.25) = 1.5 log 2.
        assertEquals(1.5 * Math.log(2.0), TsallisEntropy.of(p, 1.0), 1e-15);
        // Gini: (1 - (0.25 + 2 * 0.0625)) / 2 = 0.3125.
        assertEquals(0.3125, TsallisEntropy.of(p, 2.0), 1e-16);
        // alpha = 3: (1 - (0.125 + 2 / 64)) / 6.
        assertEquals((1 - 0.125 - 2.0 / 64) / 6, TsallisEntropy.of(p, 3.0), 1e-16);
        // Every H_alpha vanishes at a vertex of the simplex and at the all-zero vector (a fully masked row).
        for (double alpha : new double[] {1.0, 1.5, 2.0}) {
            assertEquals(0.0, TsallisEntropy.of(new double[] {0.0, 1.0, 0.0}, alpha), 0.0);
            assertEquals(0.0, TsallisEntropy.of(new double[3], alpha), 0.0);
        }
    }

    @Test
    void isSmoothInAlphaAtOne() {
        // Expanding p^alpha = p e^{(alpha - 1) log p} in H_alpha = (1 - sum p^alpha) / (alpha (alpha - 1)) gives
        // H_alpha = H_1 - (alpha - 1) (H_1 + 1/2 sum p log^2 p) + O((alpha - 1)^2) on the simplex.
        double[] p = {0.1, 0.2, 0.3, 0.4};
        double shannon = TsallisEntropy.of(p, 1.0);
        double secondMoment = 0.0;
        for (double v : p) {
            secondMoment += v * Math.log(v) * Math.log(v);
        }
        double slope = -(shannon + 0.5 * secondMoment);
        double e = 1e-4;
        double central = (TsallisEntropy.of(p, 1.0 + e) - TsallisEntropy.of(p, 1.0 - e)) / (2 * e);
        assertEquals(slope, central, 1e-6 * Math.abs(slope));
        assertEquals(shannon, 0.5 * (TsallisEntropy.of(p, 1.0 + e) + TsallisEntropy.of(p, 1.0 - e)), 1e-7);
    }

    @Test
    void theNDArrayFormAgreesPerSlice() {
        double[][] p = {{0.5, 0.25, 0.25, 0.0}, {0.0, 0.0, 0.0, 0.0}, {0.1, 0.2, 0.3, 0.4}};
        for (double alpha : new double[] {1.0, 1.5, 2.0}) {
            double[] h = TsallisEntropy.apply(managers.manager().create(p), alpha, -1).toDoubleArray();
            for (int b = 0; b < p.length; b++) {
                assertEquals(TsallisEntropy.of(p[b], alpha), h[b], 1e-15, "alpha " + alpha + " row " + b);
            }
        }
    }

    @Test
    void rejectsBadInput() {
        var alpha = assertThrows(IllegalArgumentException.class, () -> TsallisEntropy.of(new double[] {1.0}, 0.0));
        assertEquals("alpha must be finite and > 0, got 0.0", alpha.getMessage());
        var negative = assertThrows(IllegalArgumentException.class, () -> TsallisEntropy.of(new double[] {1.5, -0.5}, 2.0));
        assertEquals("p must be non-negative, got -0.5 at [1]", negative.getMessage());
        var nan = assertThrows(IllegalArgumentException.class, () -> TsallisEntropy.of(new double[] {Double.NaN}, 2.0));
        assertEquals("p must be finite, got NaN at [0]", nan.getMessage());
    }
}
