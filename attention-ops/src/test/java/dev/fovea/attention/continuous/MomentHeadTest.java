package dev.fovea.attention.continuous;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.types.Shape;
import dev.fovea.attention.ManagerExtension;
import dev.fovea.math.linalg.SymmetricMatrix2;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class MomentHeadTest {

    @RegisterExtension
    final ManagerExtension managers = new ManagerExtension();

    private static double softplus(double x) {
        return Math.max(x, 0) + Math.log1p(Math.exp(-Math.abs(x)));
    }

    @Test
    void unitSquareMatchesTheFormulasAndIsPositiveDefiniteEvenForExtremeOutputs() {
        MomentHead head = new MomentHead(1e-3, 0.9);
        SplittableRandom random = new SplittableRandom(2);
        int batch = 64;
        double[][] outputs = new double[batch][5];
        for (double[] row : outputs) {
            for (int i = 0; i < 5; i++) {
                row[i] = random.nextDouble(-60, 60);
            }
        }
        outputs[0] = new double[] {0, 0, -1e4, -1e4, 1e4};
        MomentMatching.Moments m = head.unitSquare(managers.manager().create(outputs));
        assertEquals(new Shape(batch, 2, 2), m.covariance().getShape());
        double[] mean = m.mean().toDoubleArray();
        double[] c = m.covariance().toDoubleArray();
        for (int b = 0; b < batch; b++) {
            double[] o = outputs[b];
            assertEquals(1 / (1 + Math.exp(-o[0])), mean[2 * b], 1e-15);
            double xx = softplus(o[2]) + 1e-3;
            double yy = softplus(o[3]) + 1e-3;
            // PyTorch's softplus returns x itself above 20: a relative difference below e^-20 / 20 ≈ 1e-10.
            assertEquals(xx, c[4 * b], 1e-10 * xx);
            assertEquals(0.9 * Math.tanh(o[4]) * Math.sqrt(xx * yy), c[4 * b + 1], 1e-10 * Math.sqrt(xx * yy));
            assertEquals(c[4 * b + 1], c[4 * b + 2], 0.0);
            SymmetricMatrix2 sigma = SymmetricMatrix2.of(c[4 * b], c[4 * b + 1], c[4 * b + 3]);
            double smallest = 0.5 * sigma.trace() - Math.sqrt(0.25 * Math.pow(sigma.xx() - sigma.yy(), 2)
                    + sigma.xy() * sigma.xy());
            assertTrue(smallest >= (1 - 0.9) * 1e-3 * (1 - 1e-9), "row " + b + ": smallest eigenvalue " + smallest);
        }
    }

    @Test
    void unitIntervalStaysInsideAndAboveTheFloor() {
        MomentHead head = MomentHead.forGrid(16);
        double floor = 1.0 / (12 * 256);
        assertEquals(floor, head.varianceFloor(), 1e-18);
        MomentMatching.Moments1 m = head.unitInterval(managers.manager().create(new double[][] {{-800, -800},
            {3, 0.5}}));
        double[] mean = m.mean().toDoubleArray();
        double[] variance = m.variance().toDoubleArray();
        assertEquals(0.0, mean[0], 1e-300);
        assertEquals(floor, variance[0], 1e-18);
        assertEquals(1 / (1 + Math.exp(-3)), mean[1], 1e-15);
        assertEquals(softplus(0.5) + floor, variance[1], 1e-15);
    }

    @Test
    void rejectsBadSettingsAndShapes() {
        assertEquals("varianceFloor must be finite and > 0, got 0.0",
                assertThrows(IllegalArgumentException.class, () -> new MomentHead(0.0, 0.5)).getMessage());
        assertEquals("maxCorrelation must be in [0, 1), got 1.0",
                assertThrows(IllegalArgumentException.class, () -> new MomentHead(1e-3, 1.0)).getMessage());
        assertEquals("outputs must have shape (*, 5), got (2, 4)", assertThrows(IllegalArgumentException.class,
                () -> new MomentHead(1e-3, 0.5).unitSquare(managers.manager().zeros(new Shape(2, 4)))).getMessage());
    }
}
