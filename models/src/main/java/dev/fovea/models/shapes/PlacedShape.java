package dev.fovea.models.shapes;

import java.util.Objects;

/**
 * One shape drawn in an image: its kind, colour and pixel box \( [x, x + \mathit{size}) \times [y, y + \mathit{size}) \)
 * (\( x \) = column, \( y \) = row, origin top left).
 *
 * @param kind   square or circle
 * @param colour its colour
 * @param x      left column of the box, \( \ge 0 \)
 * @param y      top row of the box, \( \ge 0 \)
 * @param size   side of the box in pixels, \( \ge 1 \)
 */
public record PlacedShape(ShapeKind kind, Colour colour, int x, int y, int size) {

    /**
     * @throws IllegalArgumentException if a coordinate is negative or the size is not positive
     */
    public PlacedShape {
        Objects.requireNonNull(kind, "kind must not be null");
        Objects.requireNonNull(colour, "colour must not be null");
        if (x < 0 || y < 0 || size < 1) {
            throw new IllegalArgumentException("shape box must have x, y >= 0 and size >= 1, got x = " + x + ", y = "
                    + y + ", size = " + size);
        }
    }

    /** Whether the pixel in column {@code px}, row {@code py} is covered (see {@link ShapeKind} for the rule). */
    public boolean covers(int px, int py) {
        if (px < x || py < y || px >= x + size || py >= y + size) {
            return false;
        }
        if (kind == ShapeKind.SQUARE) {
            return true;
        }
        double dx = px + 0.5 - (x + size / 2.0);
        double dy = py + 0.5 - (y + size / 2.0);
        double radius = size / 2.0;
        return dx * dx + dy * dy <= radius * radius;
    }

    /** Whether the boxes of the two shapes, each grown by {@code gap} pixels on every side, intersect. */
    boolean overlaps(PlacedShape other, int gap) {
        return x < other.x + other.size + gap && other.x < x + size + gap
                && y < other.y + other.size + gap && other.y < y + size + gap;
    }
}
