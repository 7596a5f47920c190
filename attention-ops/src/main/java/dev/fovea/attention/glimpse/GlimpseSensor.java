package dev.fovea.attention.glimpse;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;

/**
 * The glimpse sensor of the recurrent attention model (Mnih et al. 2014, "Recurrent Models of Visual Attention",
 * §3.1, the retina-like representation \( \rho(x_t, l_{t-1}) \)): \( k \) square patches centred at one location,
 * the \( i \)-th (\( i = 0, \dots, k - 1 \)) of side \( g s^i \) pixels, each reduced to \( g \times g \) by
 * <em>average pooling</em> over \( s^i \times s^i \) blocks (exact, since the scale \( s \) is an integer) and stacked:
 * high resolution at the centre, ever coarser context around it.
 *
 * <p>Coordinates: a location \( l = (l_x, l_y) \in [-1, 1]^2 \), \( (-1, -1) \) the top-left corner of the image and
 * \( (1, 1) \) the bottom-right corner (the outer pixel edges). The centre in pixels is
 * \( c_x = \tfrac{l_x + 1}{2} W \) and \( c_y = \tfrac{l_y + 1}{2} H \): \( x \) with the width, \( y \) with the
 * height, so non-square images are handled (a popular implementation scales both by the height). The patch of side
 * \( S \) starts at column \( \lfloor c_x - S/2 + \tfrac12 \rfloor \) and row \( \lfloor c_y - S/2 + \tfrac12 \rfloor \)
 * (the nearest pixel boundary); pixels outside the image read 0 (zero padding). At \( l = 0 \) in an image with even
 * sides the patch is exactly the central crop.
 *
 * <p>Shapes: image \( [C, H, W] \) (kernel) or \( [N, C, H, W] \) (array), glimpse \( [k, C, g, g] \) or
 * \( [N, k, C, g, g] \). The array function is differentiable with respect to the image; the location only chooses
 * where to read (RAM trains it by REINFORCE, not by backpropagation), so it is read to the host. Immutable and
 * thread-safe.
 *
 * @param patches \( k \ge 1 \)
 * @param size    \( g \ge 1 \), the side of every reduced patch in pixels
 * @param scale   \( s \ge 1 \), the integer growth factor of the side from one patch to the next
 */
public record GlimpseSensor(int patches, int size, int scale) {

    /** The largest patch side this sensor accepts, in pixels. */
    public static final int MAX_SIDE = 1 << 15;

    /**
     * @throws IllegalArgumentException if an argument is below 1 or the largest side \( g s^{k-1} \) exceeds
     *                                  {@link #MAX_SIDE} ({@code "scale makes patch 15 of 17 65536 pixels wide,
     *                                  more than 32768"})
     */
    public GlimpseSensor {
        if (patches < 1) {
            throw new IllegalArgumentException("patches must be >= 1, got " + patches);
        }
        if (size < 1) {
            throw new IllegalArgumentException("size must be >= 1, got " + size);
        }
        if (scale < 1) {
            throw new IllegalArgumentException("scale must be >= 1, got " + scale);
        }
        long side = size;
        for (int i = 1; i < patches; i++) {
            side *= scale;
            if (side > MAX_SIDE) {
                throw new IllegalArgumentException("scale makes patch " + i + " of " + patches + " " + side
                        + " pixels wide, more than " + MAX_SIDE);
            }
        }
    }

    /** The side \( g s^i \) of patch {@code i} in pixels, before pooling. */
    public int side(int patch) {
        int side = size;
        for (int i = 0; i < patch; i++) {
            side *= scale;
        }
        return side;
    }

    /** The pooling block \( s^i \) of patch {@code i}. */
    public int block(int patch) {
        return side(patch) / size;
    }

    /** The first column (or row) of a patch of this side centred at \( l \) on an axis of {@code extent} pixels. */
    public static int start(double location, int extent, int side) {
        return (int) Math.floor((location + 1) / 2 * extent - side / 2.0 + 0.5);
    }

    /**
     * The glimpse of one image.
     *
     * @param image     \( [C, H, W] \), rectangular, every extent \( \ge 1 \)
     * @param locationX \( l_x \in [-1, 1] \), along the width
     * @param locationY \( l_y \in [-1, 1] \), along the height
     * @return a new \( [k, C, g, g] \) array
     * @throws IllegalArgumentException if the image is ragged or empty or the location is not in \( [-1, 1]^2 \)
     */
    public double[][][][] glimpse(double[][][] image, double locationX, double locationY) {
        checkLocation(locationX, locationY);
        if (image == null || image.length == 0 || image[0] == null || image[0].length == 0
                || image[0][0] == null || image[0][0].length == 0) {
            throw new IllegalArgumentException("image must be a non-empty [C, H, W] array");
        }
        int channels = image.length;
        int height = image[0].length;
        int width = image[0][0].length;
        for (int c = 0; c < channels; c++) {
            if (image[c] == null || image[c].length != height) {
                throw new IllegalArgumentException("image is ragged at [" + c + "]");
            }
            for (int r = 0; r < height; r++) {
                if (image[c][r] == null || image[c][r].length != width) {
                    throw new IllegalArgumentException("image is ragged at [" + c + ", " + r + "]");
                }
            }
        }
        double[][][][] out = new double[patches][channels][size][size];
        for (int i = 0; i < patches; i++) {
            int side = side(i);
            int block = block(i);
            int left = start(locationX, width, side);
            int top = start(locationY, height, side);
            double area = (double) block * block;
            for (int c = 0; c < channels; c++) {
                double[][] plane = image[c];
                for (int a = 0; a < size; a++) {
                    for (int b = 0; b < size; b++) {
                        double sum = 0.0;
                        int row0 = Math.max(top + a * block, 0);
                        int row1 = Math.min(top + (a + 1) * block, height);
                        int col0 = Math.max(left + b * block, 0);
                        int col1 = Math.min(left + (b + 1) * block, width);
                        for (int r = row0; r < row1; r++) {
                            for (int q = col0; q < col1; q++) {
                                sum += plane[r][q];
                            }
                        }
                        out[i][c][a][b] = sum / area;
                    }
                }
            }
        }
        return out;
    }

    /**
     * The glimpses of a batch, differentiable by DJL autograd with respect to the images.
     *
     * @param images    \( [N, C, H, W] \), floating point
     * @param locations \( [N, 2] \), \( (l_x, l_y) \in [-1, 1]^2 \) per image
     * @return \( [N, k, C, g, g] \), the data type of {@code images}
     * @throws IllegalArgumentException if a shape is wrong or a location is not in \( [-1, 1]^2 \)
     */
    public NDArray apply(NDArray images, NDArray locations) {
        Shape shape = images.getShape();
        if (shape.dimension() != 4 || !images.getDataType().isFloating()) {
            throw new IllegalArgumentException("images must be a floating-point [N, C, H, W] array, got "
                    + images.getDataType() + " " + shape);
        }
        long batch = shape.get(0);
        if (!locations.getShape().equals(new Shape(batch, 2))) {
            throw new IllegalArgumentException(
                    "locations must have shape [" + batch + ", 2], got " + locations.getShape());
        }
        double[] where = locations.toType(DataType.FLOAT64, false).toDoubleArray();
        int height = Math.toIntExact(shape.get(2));
        int width = Math.toIntExact(shape.get(3));
        NDList perImage = new NDList();
        for (int n = 0; n < batch; n++) {
            checkLocation(where[2 * n], where[2 * n + 1]);
            NDArray image = images.get(n);
            NDList perPatch = new NDList();
            for (int i = 0; i < patches; i++) {
                int side = side(i);
                int block = block(i);
                NDArray patch = crop(image, start(where[2 * n + 1], height, side), start(where[2 * n], width, side),
                        side, height, width);
                NDArray pooled = patch.reshape(shape.get(1), size, block, size, block).sum(new int[] {2, 4})
                        .div((double) block * block);
                perPatch.add(pooled);
            }
            perImage.add(NDArrays.stack(perPatch, 0));
        }
        return NDArrays.stack(perImage, 0);
    }

    /** Rows {@code top..top+side-1}, columns {@code left..left+side-1} of a \( [C, H, W] \) image, zeros outside. */
    private static NDArray crop(NDArray image, int top, int left, int side, int height, int width) {
        long channels = image.getShape().get(0);
        NDManager manager = image.getManager();
        int row0 = Math.max(top, 0);
        int row1 = Math.min(top + side, height);
        int col0 = Math.max(left, 0);
        int col1 = Math.min(left + side, width);
        if (row0 >= row1 || col0 >= col1) {
            return manager.zeros(new Shape(channels, side, side), image.getDataType());
        }
        NDArray inside = image.get(new NDIndex(":, {}:{}, {}:{}", row0, row1, col0, col1));
        NDArray rows = pad(inside, 2, col0 - left, left + side - col1);
        return pad(rows, 1, row0 - top, top + side - row1);
    }

    /** {@code before} and {@code after} zeros along {@code axis}. */
    private static NDArray pad(NDArray array, int axis, int before, int after) {
        NDList parts = new NDList();
        NDManager manager = array.getManager();
        long[] dims = array.getShape().getShape();
        if (before > 0) {
            dims[axis] = before;
            parts.add(manager.zeros(new Shape(dims), array.getDataType()));
        }
        parts.add(array);
        if (after > 0) {
            dims[axis] = after;
            parts.add(manager.zeros(new Shape(dims), array.getDataType()));
        }
        return parts.size() == 1 ? array : NDArrays.concat(parts, axis);
    }

    private static void checkLocation(double x, double y) {
        if (!(x >= -1 && x <= 1 && y >= -1 && y <= 1)) {
            throw new IllegalArgumentException("location must be in [-1, 1]², got (" + x + ", " + y + ")");
        }
    }
}
