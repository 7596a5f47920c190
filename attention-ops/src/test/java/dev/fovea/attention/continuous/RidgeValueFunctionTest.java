package dev.fovea.attention.continuous;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import dev.fovea.attention.ManagerExtension;
import dev.fovea.attention.RelativeError;
import dev.fovea.math.linalg.SymmetricMatrix2;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class RidgeValueFunctionTest {

    @RegisterExtension
    final ManagerExtension managers = new ManagerExtension();

    @Test
    void reproducesAValueFunctionInTheSpanOfTheBasis() {
        // Values V(t_l) = B ψ(t_l) lie in the span; with a tiny ridge the fit recovers B, so c = V^T G r = B r.
        GaussianBasis2 basis = GaussianBasis2.grid(3, 0.2);
        UnitSquareGrid grid = UnitSquareGrid.of(8);
        RidgeValueFunction valueFunction = RidgeValueFunction.fit(basis, grid, 1e-12);
        SplittableRandom random = new SplittableRandom(17);
        int d = 4;
        double[][] b = new double[d][basis.size()];
        for (double[] row : b) {
            for (int j = 0; j < row.length; j++) {
                row[j] = 2 * random.nextDouble() - 1;
            }
        }
        double[][] centres = grid.centres();
        double[][] values = new double[grid.cellCount()][d];
        for (int l = 0; l < centres.length; l++) {
            double[] psi = basis.evaluate(centres[l][0], centres[l][1]);
            for (int k = 0; k < d; k++) {
                for (int j = 0; j < psi.length; j++) {
                    values[l][k] += b[k][j] * psi[j];
                }
            }
        }
        double[] r = ContinuousSoftmax2.expectation(
                Gaussian2.of(0.4, 0.6, SymmetricMatrix2.of(0.03, 0.01, 0.02)), basis);
        double[] expected = new double[d];
        for (int k = 0; k < d; k++) {
            for (int j = 0; j < r.length; j++) {
                expected[k] += b[k][j] * r[j];
            }
        }
        double error = RelativeError.normwise(valueFunction.context(values, r), expected);
        assertTrue(error <= 1e-6, "relative error " + error);
    }

    @Test
    void batchedContextMatchesTheKernel() {
        GaussianBasis2 basis = GaussianBasis2.grid(4, 0.15);
        RidgeValueFunction valueFunction = RidgeValueFunction.fit(basis, UnitSquareGrid.of(6), 1e-3);
        SplittableRandom random = new SplittableRandom(4);
        int batch = 2;
        int cells = 36;
        int d = 3;
        double[][][] values = new double[batch][cells][d];
        double[][] r = new double[batch][basis.size()];
        double[] flatValues = new double[batch * cells * d];
        int k = 0;
        for (int b = 0; b < batch; b++) {
            for (int l = 0; l < cells; l++) {
                for (int e = 0; e < d; e++) {
                    values[b][l][e] = random.nextDouble();
                    flatValues[k++] = values[b][l][e];
                }
            }
            for (int j = 0; j < basis.size(); j++) {
                r[b][j] = random.nextDouble();
            }
        }
        NDArray context = valueFunction.context(managers.manager().create(flatValues, new Shape(batch, cells, d)),
                managers.manager().create(r));
        assertEquals(new Shape(batch, d), context.getShape());
        double[] got = context.toDoubleArray();
        for (int b = 0; b < batch; b++) {
            double[] expected = valueFunction.context(values[b], r[b]);
            double error = RelativeError.normwise(java.util.Arrays.copyOfRange(got, b * d, (b + 1) * d), expected);
            assertTrue(error <= 1e-12, "row " + b + ": " + error);
        }
    }

    @Test
    void rejectsBadArguments() {
        GaussianBasis2 basis = GaussianBasis2.grid(2, 0.3);
        assertEquals("ridge must be finite and > 0, got -1.0", assertThrows(IllegalArgumentException.class,
                () -> RidgeValueFunction.fit(basis, UnitSquareGrid.of(4), -1.0)).getMessage());
        RidgeValueFunction valueFunction = RidgeValueFunction.fit(basis, UnitSquareGrid.of(4), 1e-3);
        assertEquals("values must have shape (2, 16, *), got (2, 15, 3)", assertThrows(IllegalArgumentException.class,
                () -> valueFunction.context(managers.manager().zeros(new Shape(2, 15, 3)), managers.manager().zeros(new Shape(2, 4))))
                .getMessage());
        assertEquals("expectation has 3 entries, the basis 4 functions", assertThrows(IllegalArgumentException.class,
                () -> valueFunction.context(new double[16][2], new double[3])).getMessage());
    }

    @Test
    void paddingRingEntersTheFitAsZeroValuedCells() {
        // With a ring of padding, a constant value field is pinned towards 0 just outside the square; without it,
        // basis functions centred outside extrapolate it. V(t) = Vᵀ G ψ(t), i.e. context() with r = ψ(t).
        java.util.List<Gaussian2> functions = new java.util.ArrayList<>();
        for (int row = -1; row <= 4; row++) {
            for (int col = -1; col <= 4; col++) {
                functions.add(Gaussian2.of((col + 0.5) / 4, (row + 0.5) / 4, SymmetricMatrix2.diagonal(0.02, 0.02)));
            }
        }
        GaussianBasis2 basis = GaussianBasis2.of(functions);
        UnitSquareGrid grid = UnitSquareGrid.of(8);
        double[][] ones = new double[64][1];
        for (double[] row : ones) {
            row[0] = 1.0;
        }
        RidgeValueFunction plain = RidgeValueFunction.fit(basis, grid, 1e-6);
        RidgeValueFunction padded = RidgeValueFunction.fit(basis, grid, 1e-6, 3);
        assertEquals(3, padded.padCellsPerSide());
        // Inside, near 1; not exactly, since smooth basis functions cannot follow the step to 0 at the border.
        assertEquals(1.0, padded.context(ones, basis.evaluate(0.5, 0.5))[0], 0.15);
        double plainOutside = plain.context(ones, basis.evaluate(1.15, 0.5))[0];
        double paddedOutside = padded.context(ones, basis.evaluate(1.15, 0.5))[0];
        assertTrue(plainOutside > 0.5, "unpadded " + plainOutside);
        assertTrue(Math.abs(paddedOutside) < 0.1, "padded " + paddedOutside);
        assertEquals("padCellsPerSide must be >= 0, got -2", assertThrows(IllegalArgumentException.class,
                () -> RidgeValueFunction.fit(basis, grid, 1e-3, -2)).getMessage());
    }
}
