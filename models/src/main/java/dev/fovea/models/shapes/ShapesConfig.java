package dev.fovea.models.shapes;

/**
 * The geometry of the synthetic shapes dataset.
 *
 * <p>Images are {@code imageSize} × {@code imageSize} pixels, cut into a {@code grid} × {@code grid} grid of square
 * cells of {@link #cellSize()} pixels (the positions the attention sees); each image holds 1 to {@code maxShapes}
 * non-overlapping shapes whose box is {@code shapeSize} pixels on a side.
 *
 * @param imageSize side of the image in pixels, 8 to 256
 * @param grid      cells per side, \( \ge 1 \), dividing {@code imageSize}
 * @param maxShapes most shapes per image, 1 to 9; answers range over \( 0..\mathit{maxShapes} \)
 * @param shapeSize side of a shape's box in pixels, \( \ge 3 \), at most {@code imageSize / 3} so that
 *                  {@code maxShapes} shapes always fit
 */
public record ShapesConfig(int imageSize, int grid, int maxShapes, int shapeSize) {

    /** 32 px images, an 8 × 8 grid of 4 px cells, up to 4 shapes of 7 px. */
    public static final ShapesConfig DEFAULT = new ShapesConfig(32, 8, 4, 7);

    /**
     * @throws IllegalArgumentException naming the field that is out of range, with its value
     */
    public ShapesConfig {
        if (imageSize < 8 || imageSize > 256) {
            throw new IllegalArgumentException("imageSize must be in 8..256, got " + imageSize);
        }
        if (grid < 1 || imageSize % grid != 0) {
            throw new IllegalArgumentException(
                    "grid must be >= 1 and divide imageSize " + imageSize + ", got " + grid);
        }
        if (maxShapes < 1 || maxShapes > 9) {
            throw new IllegalArgumentException("maxShapes must be in 1..9, got " + maxShapes);
        }
        if (shapeSize < 3 || shapeSize > imageSize / 3) {
            throw new IllegalArgumentException(
                    "shapeSize must be in 3.." + imageSize / 3 + " for imageSize " + imageSize + ", got " + shapeSize);
        }
        // Shapes are placed with a 1 px gap; a loose packing bound keeps rejection sampling fast.
        if (maxShapes * (shapeSize + 1) * (shapeSize + 1) * 3 > imageSize * imageSize) {
            throw new IllegalArgumentException("maxShapes " + maxShapes + " shapes of " + shapeSize
                    + " px do not fit loosely enough in " + imageSize + " px images");
        }
    }

    /** Side of one grid cell in pixels, {@code imageSize / grid}. */
    public int cellSize() {
        return imageSize / grid;
    }

    /** Number of grid cells, {@code grid * grid}. */
    public int cellCount() {
        return grid * grid;
    }

    /** Number of answer classes, {@code maxShapes + 1} (counts 0 to {@code maxShapes}). */
    public int answerCount() {
        return maxShapes + 1;
    }

    /** Length of an image array, {@code imageSize * imageSize * 3}. */
    public int pixelValueCount() {
        return imageSize * imageSize * 3;
    }
}
