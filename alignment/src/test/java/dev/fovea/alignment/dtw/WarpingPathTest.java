package dev.fovea.alignment.dtw;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class WarpingPathTest {

    @Test
    void acceptsAValidPathAndReportsItsShape() {
        WarpingPath path = WarpingPath.of(3, 4, new int[] {0, 1, 1, 2, 2}, new int[] {0, 1, 2, 2, 3});
        assertEquals(5, path.length());
        assertEquals(3, path.rowCount());
        assertEquals(4, path.columnCount());
        assertEquals(new WarpingPath.Cell(1, 2), path.cell(2));
        assertEquals("WarpingPath[(0, 0), (1, 1), (1, 2), (2, 2), (2, 3)]", path.toString());
    }

    @Test
    void copiesInAndOut() {
        int[] rows = {0, 1};
        int[] columns = {0, 0};
        WarpingPath path = new WarpingPath(rows, columns);
        rows[1] = 7;
        path.columns()[1] = 9;
        assertArrayEquals(new int[] {0, 1}, path.rows());
        assertArrayEquals(new int[] {0, 0}, path.columns());
    }

    @Test
    void equalityIsByCells() {
        WarpingPath a = new WarpingPath(new int[] {0, 1}, new int[] {0, 1});
        assertEquals(a, new WarpingPath(new int[] {0, 1}, new int[] {0, 1}));
        assertEquals(a.hashCode(), new WarpingPath(new int[] {0, 1}, new int[] {0, 1}).hashCode());
        assertNotEquals(a, new WarpingPath(new int[] {0, 1}, new int[] {0, 0}));
    }

    @Test
    void rejectsMalformedPathsWithTheOffendingCells() {
        assertEquals("rows has 2 entries, columns has 1", assertThrows(IllegalArgumentException.class,
                () -> new WarpingPath(new int[] {0, 1}, new int[] {0})).getMessage());
        assertEquals("a warping path must have at least one cell, got 0", assertThrows(IllegalArgumentException.class,
                () -> new WarpingPath(new int[0], new int[0])).getMessage());
        assertEquals("a warping path must start at (0, j) with j >= 0, got (1, 0)", assertThrows(IllegalArgumentException.class,
                () -> new WarpingPath(new int[] {1}, new int[] {0})).getMessage());
        assertEquals("step 1 of the warping path goes from (1, 1) to (0, 2), a step of (-1, 1);"
                        + " steps must not go back or stand still",
                assertThrows(IllegalArgumentException.class,
                        () -> new WarpingPath(new int[] {0, 1, 0}, new int[] {0, 1, 2})).getMessage());
        // Standing still and going back are both rejected.
        assertThrows(IllegalArgumentException.class, () -> new WarpingPath(new int[] {0, 0}, new int[] {0, 0}));
        assertThrows(IllegalArgumentException.class,
                () -> new WarpingPath(new int[] {0, 1, 0}, new int[] {0, 1, 2}));
        assertThrows(NullPointerException.class, () -> new WarpingPath(null, new int[] {0}));
    }

    @Test
    void jumpsAndOpenStartsAreValidButNotContinuous() {
        // The asymmetric pattern's step (1, 2) skips a column; an open begin starts at (0, j0).
        WarpingPath jump = new WarpingPath(new int[] {0, 1, 1}, new int[] {0, 1, 3});
        assertEquals(false, jump.isContinuous());
        WarpingPath open = new WarpingPath(new int[] {0, 1}, new int[] {2, 3});
        assertEquals(true, open.isContinuous());
        assertEquals(4, open.columnCount());
        assertEquals("a warping path for n = 2, m = 4 must start at (0, 0), got (0, 2)",
                assertThrows(IllegalArgumentException.class,
                        () -> WarpingPath.of(2, 4, new int[] {0, 1}, new int[] {2, 3})).getMessage());
    }

    @Test
    void ofRejectsTheWrongEnd() {
        assertEquals("a warping path for n = 3, m = 2 must end at (2, 1), got (1, 1)",
                assertThrows(IllegalArgumentException.class,
                        () -> WarpingPath.of(3, 2, new int[] {0, 1}, new int[] {0, 1})).getMessage());
    }

    @Test
    void dtwResultRejectsNonFiniteCost() {
        WarpingPath path = new WarpingPath(new int[] {0}, new int[] {0});
        assertEquals("cost must be finite, got NaN",
                assertThrows(IllegalArgumentException.class, () -> new DtwResult(Double.NaN, path)).getMessage());
        assertThrows(NullPointerException.class, () -> new DtwResult(0.0, null));
    }
}
