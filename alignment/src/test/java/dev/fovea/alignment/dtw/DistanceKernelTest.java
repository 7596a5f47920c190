package dev.fovea.alignment.dtw;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fovea.math.VectorApi;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Which kernel {@code Dtw.distance} runs, and the contract every available kernel keeps. The module's pom runs this
 * class twice: with {@code --add-modules jdk.incubator.vector} (expecting {@code ANTI_DIAGONAL_SIMD}) and without
 * (expecting {@code FOUR_ROW_SCALAR}), passing the expectation in {@code fovea.expectedDistanceKernel}.
 */
class DistanceKernelTest {


    @Test
    void theActiveKernelIsTheSimdOneExactlyWhenTheVectorModuleIsInTheJvm() {
        String expected = System.getProperty("fovea.expectedDistanceKernel");
        if (expected != null) {
            assertEquals(DistanceKernel.valueOf(expected), DistanceKernel.active());
        }
        assertEquals(VectorApi.isResolved() ? DistanceKernel.ANTI_DIAGONAL_SIMD : DistanceKernel.FOUR_ROW_SCALAR,
                DistanceKernel.active());
        assertEquals(VectorApi.isResolved(), DistanceKernel.ANTI_DIAGONAL_SIMD.isAvailable());
        assertTrue(DistanceKernel.FOUR_ROW_SCALAR.isAvailable());
    }

    @Test
    void anUnavailableKernelSaysWhichModuleIsMissingAndAnAvailableOneAnswers() {
        double[] x = {0.0, 1.0, 3.0};
        double[] y = {0.0, 2.0};
        Window.SakoeChiba band = Window.sakoeChiba(1);
        if (DistanceKernel.ANTI_DIAGONAL_SIMD.isAvailable()) {
            // (0−0)² + (1−0)² + (3−2)²: rows 0, 1 pair with column 0, row 2 with column 1.
            assertEquals(2.0, DistanceKernel.ANTI_DIAGONAL_SIMD.distance(x, y, band, Double.POSITIVE_INFINITY), 0.0);
        } else {
            IllegalStateException e = assertThrows(IllegalStateException.class,
                    () -> DistanceKernel.ANTI_DIAGONAL_SIMD.distance(x, y, band, Double.POSITIVE_INFINITY));
            assertEquals("ANTI_DIAGONAL_SIMD needs the module jdk.incubator.vector, which is not in this JVM; start"
                    + " java with --add-modules jdk.incubator.vector", e.getMessage());
        }
        assertEquals(2.0, DistanceKernel.FOUR_ROW_SCALAR.distance(x, y, band, Double.POSITIVE_INFINITY), 0.0);
    }

    @Test
    void everyAvailableKernelRejectsBadInputWithTheValues() {
        for (DistanceKernel kernel : DistanceKernel.values()) {
            if (!kernel.isAvailable()) {
                continue;
            }
            Window.SakoeChiba band = Window.sakoeChiba(2);
            IllegalArgumentException nan = assertThrows(IllegalArgumentException.class,
                    () -> kernel.distance(new double[] {0.0, Double.NaN}, new double[] {1.0}, band, 1.0));
            assertEquals("x must be finite, got NaN at [1]", nan.getMessage());
            IllegalArgumentException empty = assertThrows(IllegalArgumentException.class,
                    () -> kernel.distance(new double[] {1.0}, new double[0], band, 1.0));
            assertEquals("y must have at least one entry, got length 0", empty.getMessage());
            IllegalArgumentException narrow = assertThrows(IllegalArgumentException.class,
                    () -> kernel.distance(new double[5], new double[2], band, 1.0));
            assertTrue(narrow.getMessage().startsWith("window: a Sakoe-Chiba band |i - j| <= 2 cannot reach"),
                    narrow.getMessage());
            IllegalArgumentException threshold = assertThrows(IllegalArgumentException.class,
                    () -> kernel.distance(new double[2], new double[2], band, Double.NaN));
            assertEquals("abandonAbove must not be NaN", threshold.getMessage());
            ArithmeticException overflow = assertThrows(ArithmeticException.class,
                    () -> kernel.distance(new double[] {1e200}, new double[] {-1e200}, band, Double.POSITIVE_INFINITY));
            assertTrue(overflow.getMessage().contains("overflowed to Infinity"), overflow.getMessage());
        }
    }

    @Test
    void theDistanceMethodsEqualTheGeneralAlignerWhicheverKernelRuns() {
        Random random = new Random(79L);
        for (int trial = 0; trial < 60; trial++) {
            double[] x = LowerBoundsTest.randomWalk(random, 1 + random.nextInt(70));
            double[] y = LowerBoundsTest.randomWalk(random, 1 + random.nextInt(70));
            assertEquals(Dtw.align(x, y).cost(), Dtw.distance(x, y), 0.0, "trial " + trial);
            int whole = Math.max(x.length, y.length);
            for (LocalCost cost : new LocalCost[] {LocalCost.squared(), LocalCost.absolute(), LocalCost.euclidean()}) {
                assertEquals(Dtw.align(x, y, DtwOptions.defaults().withLocalCost(cost)).cost(),
                        Dtw.distance(x, y, cost), 0.0, "trial " + trial + ", " + cost);
            }
            assertEquals(Dtw.align(x, y, DtwOptions.defaults().withWindow(Window.sakoeChiba(whole))).cost(),
                    Dtw.distance(y, x, Window.sakoeChiba(whole)), 0.0, "trial " + trial);
        }
    }
}
