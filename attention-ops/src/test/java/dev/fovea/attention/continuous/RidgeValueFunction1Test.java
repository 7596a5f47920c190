package dev.fovea.attention.continuous;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import dev.fovea.attention.ManagerExtension;
import dev.fovea.attention.RelativeError;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class RidgeValueFunction1Test {

    @RegisterExtension
    final ManagerExtension managers = new ManagerExtension();

    @Test
    void reproducesAValueFunctionInTheSpanOfTheBasis() {
        GaussianBasis1 basis = GaussianBasis1.grid(8, 0.1);
        UnitIntervalGrid grid = UnitIntervalGrid.of(40);
        RidgeValueFunction1 valueFunction = RidgeValueFunction1.fit(basis, grid, 1e-12, 0);
        SplittableRandom random = new SplittableRandom(3);
        int d = 3;
        double[][] b = new double[d][basis.size()];
        for (double[] row : b) {
            for (int j = 0; j < row.length; j++) {
                row[j] = random.nextDouble(-1, 1);
            }
        }
        double[][] values = new double[grid.cells()][d];
        double[] t = grid.centres();
        for (int l = 0; l < t.length; l++) {
            double[] psi = basis.evaluate(t[l]);
            for (int k = 0; k < d; k++) {
                for (int j = 0; j < psi.length; j++) {
                    values[l][k] += b[k][j] * psi[j];
                }
            }
        }
        double[] r = ContinuousSparsemax1.expectation(TruncatedParabola.of(0.4, 0.003), basis);
        double[] expected = new double[d];
        for (int k = 0; k < d; k++) {
            for (int j = 0; j < r.length; j++) {
                expected[k] += b[k][j] * r[j];
            }
        }
        double error = RelativeError.normwise(valueFunction.context(values, r), expected);
        assertTrue(error <= 1e-6, "relative error " + error);
    }

    /** Basis functions that reach past both ends of the interval, so that the fit has something to extrapolate. */
    private static GaussianBasis1 wideBasis() {
        List<Gaussian1> functions = new ArrayList<>();
        for (int k = 0; k < 13; k++) {
            functions.add(Gaussian1.of(-0.25 + 0.125 * k, 0.01));
        }
        return GaussianBasis1.of(functions);
    }

    @Test
    void paddingPinsTheValueFunctionToZeroBeyondTheEnds() {
        // V(t) = Vᵀ G ψ(t): context() with r = ψ(t). Constant values 1 on [0, 1].
        GaussianBasis1 basis = wideBasis();
        UnitIntervalGrid grid = UnitIntervalGrid.of(20);
        double[][] ones = new double[20][1];
        for (double[] row : ones) {
            row[0] = 1.0;
        }
        RidgeValueFunction1 plain = RidgeValueFunction1.fit(basis, grid, 1e-6, 0);
        RidgeValueFunction1 padded = RidgeValueFunction1.fit(basis, grid, 1e-6, RidgeValueFunction1.halfLengthPadding(20));
        assertEquals(10, padded.padCellsPerSide());
        // Inside, the fit stays near 1; not exactly, since smooth basis functions cannot follow the step to 0.
        double inside = padded.context(ones, basis.evaluate(0.5))[0];
        assertEquals(1.0, inside, 0.1);
        double plainOutside = plain.context(ones, basis.evaluate(1.2))[0];
        double paddedOutside = padded.context(ones, basis.evaluate(1.2))[0];
        assertTrue(plainOutside > 0.5, "unpadded extrapolation " + plainOutside);
        assertTrue(Math.abs(paddedOutside) < 0.1, "padded " + paddedOutside);
    }

    @Test
    void paddedWeightsSolveTheNormalEquationsOfTheExtendedFit() {
        // Independent route: B from the normal equations of the fit on real + zero-valued padding cells, solved by
        // Gauss–Jordan elimination with partial pivoting, against c = Vᵀ G r from the Cholesky-based weights.
        GaussianBasis1 basis = wideBasis();
        UnitIntervalGrid grid = UnitIntervalGrid.of(12);
        int pad = 3;
        double ridge = 1e-3;
        RidgeValueFunction1 valueFunction = RidgeValueFunction1.fit(basis, grid, ridge, pad);
        double[] real = grid.centres();
        double[] padding = grid.paddingCentres(pad);
        assertEquals(-2.5 / 12, padding[0], 1e-15);
        assertEquals(14.5 / 12, padding[5], 1e-15);
        SplittableRandom random = new SplittableRandom(9);
        double[] v = random.doubles(real.length, -1, 1).toArray();
        int n = basis.size();
        double[][] system = new double[n][n + 1];
        for (double[] points : new double[][] {real, padding}) {
            for (int l = 0; l < points.length; l++) {
                double[] psi = basis.evaluate(points[l]);
                double value = points == real ? v[l] : 0.0;
                for (int i = 0; i < n; i++) {
                    for (int j = 0; j < n; j++) {
                        system[i][j] += psi[i] * psi[j];
                    }
                    system[i][n] += psi[i] * value;
                }
            }
        }
        for (int i = 0; i < n; i++) {
            system[i][i] += ridge;
        }
        double[] coefficients = gaussJordan(system);
        double[] r = ContinuousSoftmax1.expectation(Gaussian1.of(0.8, 0.02), basis);
        double expected = 0;
        for (int j = 0; j < n; j++) {
            expected += coefficients[j] * r[j];
        }
        double[][] values = new double[real.length][1];
        for (int l = 0; l < real.length; l++) {
            values[l][0] = v[l];
        }
        assertEquals(expected, valueFunction.context(values, r)[0], 1e-10 * Math.abs(expected));
    }

    private static double[] gaussJordan(double[][] a) {
        int n = a.length;
        for (int col = 0; col < n; col++) {
            int pivot = col;
            for (int row = col + 1; row < n; row++) {
                pivot = Math.abs(a[row][col]) > Math.abs(a[pivot][col]) ? row : pivot;
            }
            double[] swap = a[col];
            a[col] = a[pivot];
            a[pivot] = swap;
            for (int row = 0; row < n; row++) {
                if (row != col) {
                    double factor = a[row][col] / a[col][col];
                    for (int k = col; k <= n; k++) {
                        a[row][k] -= factor * a[col][k];
                    }
                }
            }
        }
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = a[i][n] / a[i][i];
        }
        return x;
    }

    @Test
    void batchedContextMatchesTheKernel() {
        GaussianBasis1 basis = GaussianBasis1.grid(6, 0.15);
        RidgeValueFunction1 valueFunction = RidgeValueFunction1.fit(basis, UnitIntervalGrid.of(9), 1e-3, 2);
        SplittableRandom random = new SplittableRandom(4);
        int batch = 2;
        int d = 3;
        double[] flat = random.doubles(batch * 9 * d, -1, 1).toArray();
        double[][] r = {random.doubles(6).toArray(), random.doubles(6).toArray()};
        NDArray context = valueFunction.context(managers.manager().create(flat, new Shape(batch, 9, d)),
                managers.manager().create(r));
        double[] got = context.toDoubleArray();
        for (int b = 0; b < batch; b++) {
            double[][] values = new double[9][d];
            for (int l = 0; l < 9; l++) {
                System.arraycopy(flat, (b * 9 + l) * d, values[l], 0, d);
            }
            double error = RelativeError.normwise(Arrays.copyOfRange(got, b * d, (b + 1) * d),
                    valueFunction.context(values, r[b]));
            assertTrue(error <= 1e-12, "row " + b + ": " + error);
        }
    }

    @Test
    void rejectsBadArguments() {
        GaussianBasis1 basis = GaussianBasis1.grid(3, 0.2);
        assertEquals("padCellsPerSide must be >= 0, got -1", assertThrows(IllegalArgumentException.class,
                () -> RidgeValueFunction1.fit(basis, UnitIntervalGrid.of(4), 1e-3, -1)).getMessage());
        assertEquals("ridge must be finite and > 0, got 0.0", assertThrows(IllegalArgumentException.class,
                () -> RidgeValueFunction1.fit(basis, UnitIntervalGrid.of(4), 0.0, 0)).getMessage());
        assertEquals("cells must be >= 1, got 0",
                assertThrows(IllegalArgumentException.class, () -> UnitIntervalGrid.of(0)).getMessage());
        assertEquals(6, RidgeValueFunction1.halfLengthPadding(11));
    }
}
