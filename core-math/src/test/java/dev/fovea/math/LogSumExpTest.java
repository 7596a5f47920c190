package dev.fovea.math;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class LogSumExpTest {

    private static final double INF = Double.POSITIVE_INFINITY;

    /** Route one: the textbook formula, exact enough where exp neither overflows nor underflows. */
    private static double naive(double[] x) {
        double sum = 0.0;
        for (double v : x) {
            sum += Math.exp(v);
        }
        return Math.log(sum);
    }

    @Test
    void agreesWithTheNaiveFormulaWhereItDoesNotOverflow() {
        Random random = new Random(20240611L);
        for (int trial = 0; trial < 2000; trial++) {
            double[] x = new double[1 + random.nextInt(50)];
            for (int i = 0; i < x.length; i++) {
                x[i] = 20.0 * random.nextDouble() - 10.0;
            }
            // Both routes round each of ≤ 50 terms once, so they differ by at most ~100 ε in absolute terms.
            double expected = naive(x);
            assertEquals(expected, LogSumExp.of(x), 1e-13 * Math.max(1.0, Math.abs(expected)), "trial " + trial);
        }
    }

    @Test
    void knownAnswersFromFiftyDigitArithmetic() {
        // References computed with Python's decimal module at 50 significant digits:
        // ln(e^1000 + e^1000.5) = 1000 + ln(1 + e^0.5) = 1000.97407698418010668...
        assertEquals(1000.9740769841801066808729973550811707, LogSumExp.of(1000.0, 1000.5), Math.ulp(1000.0));
        // ln(1 + e^2 + e^3) = 3.34901221676818638541...
        assertEquals(3.3490122167681863854175399132507507, LogSumExp.of(0.0, 2.0, 3.0), 2 * Math.ulp(3.35));
        // ln(1 + e^-40) = 4.24835425529158898630e-18: a naive log(sum) returns exactly 0 here.
        double tiny = LogSumExp.of(0.0, -40.0);
        assertEquals(4.2483542552915889863049778436316241e-18, tiny, 1e-15 * 4.25e-18);
        assertEquals(0.0, naive(new double[] {0.0, -40.0}));
    }

    @Test
    void largeShiftsDoNotOverflowAndShiftInvariance() {
        double[] base = {0.25, -1.0, 0.5, 3.0};
        double reference = LogSumExp.of(base);
        for (double shift : new double[] {1000.0, -1000.0, 1e5, -745.0, 709.0}) {
            double[] shifted = base.clone();
            for (int i = 0; i < shifted.length; i++) {
                shifted[i] += shift;
            }
            double got = LogSumExp.of(shifted);
            assertTrue(Double.isFinite(got), () -> "shift " + shift);
            // Adding the shift to each entry rounds each entry by ≤ ulp(shift)/2, which propagates at most that much.
            assertEquals(reference + shift, got, 4 * Math.ulp(Math.abs(shift) + 4.0), () -> "shift " + shift);
        }
    }

    @Test
    void minusInfinityContributesNothingAndAllMinusInfinityIsMinusInfinity() {
        assertEquals(LogSumExp.of(1.0, 2.0), LogSumExp.of(Double.NEGATIVE_INFINITY, 1.0, Double.NEGATIVE_INFINITY, 2.0));
        assertEquals(Double.NEGATIVE_INFINITY, LogSumExp.of(Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY));
        assertEquals(Double.NEGATIVE_INFINITY, LogSumExp.of(Double.NEGATIVE_INFINITY));
        assertEquals(7.5, LogSumExp.of(7.5));
    }

    @Test
    void plusInfinityWins() {
        assertEquals(INF, LogSumExp.of(1.0, INF, Double.NEGATIVE_INFINITY));
        assertEquals(INF, LogSumExp.of(INF, INF));
    }

    @Test
    void rangeOverloadUsesOnlyTheRange() {
        double[] x = {Double.NaN, 0.0, 2.0, 3.0, Double.NaN};
        assertEquals(LogSumExp.of(0.0, 2.0, 3.0), LogSumExp.of(x, 1, 4));
        assertEquals(Math.log(2.0), LogSumExp.of(new double[] {9.0, 0.0, 0.0}, 1, 3), Math.ulp(Math.log(2.0)));
    }

    @Test
    void rejectsNaNWithItsIndexAndEmptyInput() {
        assertEquals("x must not contain NaN, got NaN at [2]",
                assertThrows(IllegalArgumentException.class, () -> LogSumExp.of(1.0, INF, Double.NaN)).getMessage());
        assertEquals("x must not contain NaN, got NaN at [4]",
                assertThrows(IllegalArgumentException.class,
                        () -> LogSumExp.of(new double[] {0, 0, 0, 0, Double.NaN}, 3, 5)).getMessage());
        String empty = assertThrows(IllegalArgumentException.class, LogSumExp::of).getMessage();
        assertTrue(empty.contains("[0, 0)"), empty);
        assertThrows(IndexOutOfBoundsException.class, () -> LogSumExp.of(new double[3], 2, 4));
        assertThrows(NullPointerException.class, () -> LogSumExp.of((double[]) null));
    }
}
