package dev.fovea.math;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class FiniteTest {

    @Test
    void scalarMessagesNameTheArgumentAndTheValue() {
        assertEquals("sigma must be finite, got NaN",
                assertThrows(IllegalArgumentException.class, () -> Finite.check("sigma", Double.NaN)).getMessage());
        assertEquals("sigma must be finite, got -Infinity",
                assertThrows(IllegalArgumentException.class,
                        () -> Finite.check("sigma", Double.NEGATIVE_INFINITY)).getMessage());
        assertDoesNotThrow(() -> Finite.check("sigma", -Double.MAX_VALUE));
        assertDoesNotThrow(() -> Finite.check("sigma", Double.MIN_VALUE));
    }

    @Test
    void vectorMessageGivesTheFirstBadIndex() {
        double[] x = {0.0, 1.0, 2.0, Double.NaN, Double.POSITIVE_INFINITY};
        assertEquals("x must be finite, got NaN at [3]",
                assertThrows(IllegalArgumentException.class, () -> Finite.check("x", x)).getMessage());
        double[] y = {Double.POSITIVE_INFINITY};
        assertEquals("y must be finite, got Infinity at [0]",
                assertThrows(IllegalArgumentException.class, () -> Finite.check("y", y)).getMessage());
        assertDoesNotThrow(() -> Finite.check("empty", new double[0]));
    }

    @Test
    void matrixMessageGivesRowAndColumnInRowMajorOrder() {
        double[][] scores = {{0.0, 1.0}, {2.0, 3.0, Double.NEGATIVE_INFINITY}, {Double.NaN}};
        assertEquals("scores must be finite, got -Infinity at [1, 2]",
                assertThrows(IllegalArgumentException.class, () -> Finite.check("scores", scores)).getMessage());
    }

    @Test
    void nullsAreNamed() {
        assertEquals("x must not be null",
                assertThrows(NullPointerException.class, () -> Finite.check("x", (double[]) null)).getMessage());
        assertEquals("m[1] must not be null",
                assertThrows(NullPointerException.class,
                        () -> Finite.check("m", new double[][] {{1.0}, null})).getMessage());
    }
}
