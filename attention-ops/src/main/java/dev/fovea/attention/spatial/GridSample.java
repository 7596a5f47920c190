package dev.fovea.attention.spatial;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.Objects;

/**
 * Samples an input at the points of a grid, with exactly the semantics of PyTorch's
 * {@code torch.nn.functional.grid_sample} for 4-D inputs (Jaderberg et al. 2015, "Spatial Transformer Networks",
 * eq. 3–5 for the bilinear kernel).
 *
 * <p>Shapes: input \( [N, C, H, W] \), grid \( [N, H_o, W_o, 2] \), output \( [N, C, H_o, W_o] \). A grid point is
 * \( (x, y) \) in that order: \( x \) runs along the width, \( y \) along the height, \( (-1, -1) \) is the top-left.
 * It is first mapped to pixel coordinates (pixel \( i \) has its centre at \( i \)):
 * <ul>
 *   <li>corners aligned: \( i_x = \tfrac{x + 1}{2}(W - 1) \): \( \pm 1 \) are the centres of the corner pixels;</li>
 *   <li>otherwise: \( i_x = \tfrac{(x + 1) W - 1}{2} \): \( \pm 1 \) are the outer edges of the corner pixels;</li>
 * </ul>
 * then padded ({@link Padding}: reflected and/or clamped, or left alone for zeros), then read ({@link SamplingMode}):
 * bilinear \( \sum_{i, j} U_{ij} \max(0, 1 - |i_x - i|) \max(0, 1 - |i_y - j|) \) over the four taps around the point,
 * a tap outside the input reading 0; nearest the tap \( (\operatorname{rint} i_x, \operatorname{rint} i_y) \).
 *
 * <p>Three entry points: the double kernel {@link #forward} with its explicit backward {@link #backward} (PyTorch's
 * {@code grid_sampler_2d_backward}: the gradient with respect to the input and to the grid, the latter through the
 * padding's derivative: 0 where a coordinate is clamped, \( \pm 1 \) under reflection), and the {@link NDArray}
 * function {@link #apply} built from {@code gather} and arithmetic, which DJL autograd differentiates with respect
 * to both arguments (DJL has no grid sampler). At the kinks (integer pixel coordinates, clamp limits, reflection
 * edges) the functions are not differentiable and the two routes may pick different one-sided derivatives.
 *
 * <p>NaN: the kernel rejects a grid with a non-finite coordinate; a NaN pixel of the input reaches every output
 * whose taps touch it (even with weight 0, since \( 0 \cdot \mathrm{NaN} \) is NaN). The NDArray function checks
 * shapes only (checking values would copy the arrays to the host). Stateless and thread-safe.
 */
public final class GridSample {

    private GridSample() {
    }

    /**
     * The gradients of a scalar loss with respect to the input and the grid.
     *
     * @param input \( [N, C, H, W] \)
     * @param grid  \( [N, H_o, W_o, 2] \)
     */
    public record Gradients(double[][][][] input, double[][][][] grid) {
    }

    /**
     * The samples of {@code input} at the points of {@code grid}.
     *
     * @param input        \( [N, C, H, W] \), rectangular, every extent \( \ge 1 \)
     * @param grid         \( [N, H_o, W_o, 2] \), finite, the same \( N \)
     * @param mode         bilinear or nearest
     * @param padding      zeros, border or reflection
     * @param alignCorners whether \( \pm 1 \) are the centres (true) or the outer edges (false) of the corner pixels
     * @return a new \( [N, C, H_o, W_o] \) array
     * @throws IllegalArgumentException if a shape is wrong ({@code "grid must have shape [N, Hout, Wout, 2], got 3
     *                                  coordinates at [0, 1, 2]"}) or a grid coordinate is not finite
     */
    public static double[][][][] forward(double[][][][] input, double[][][][] grid, SamplingMode mode,
            Padding padding, boolean alignCorners) {
        int[] in = shapes(input, grid, mode, padding);
        int[] g = {in[0], in[4], in[5]};
        int channels = in[1];
        int height = in[2];
        int width = in[3];
        double[][][][] output = new double[in[0]][channels][g[1]][g[2]];
        for (int n = 0; n < in[0]; n++) {
            Taps taps = Taps.of(grid[n], width, height, mode, padding, alignCorners);
            for (int c = 0; c < channels; c++) {
                double[][] plane = input[n][c];
                double[][] out = output[n][c];
                for (int r = 0, p = 0; r < g[1]; r++) {
                    double[] row = out[r];
                    for (int q = 0; q < g[2]; q++, p++) {
                        row[q] = taps.read(plane, p);
                    }
                }
            }
        }
        return output;
    }

    /**
     * The explicit backward of {@link #forward}: given \( \partial\ell/\partial\,\mathrm{output} \), the gradients
     * with respect to the input and the grid (PyTorch's {@code grid_sampler_2d_backward}; nearest sampling gives a
     * zero grid gradient; a clamped coordinate gives 0, a reflected one the sign of the reflection).
     *
     * @param input        as for {@link #forward}
     * @param grid         as for {@link #forward}
     * @param upstream     \( [N, C, H_o, W_o] \), the gradient with respect to the output
     * @param mode         bilinear or nearest
     * @param padding      zeros, border or reflection
     * @param alignCorners as for {@link #forward}
     * @return new arrays of the shapes of {@code input} and {@code grid}
     * @throws IllegalArgumentException as {@link #forward}, or if {@code upstream} does not have the output's shape
     */
    public static Gradients backward(double[][][][] input, double[][][][] grid, double[][][][] upstream,
            SamplingMode mode, Padding padding, boolean alignCorners) {
        int[] in = shapes(input, grid, mode, padding);
        int[] g = {in[0], in[4], in[5]};
        int channels = in[1];
        int height = in[2];
        int width = in[3];
        int[] up = SpatialArguments.shape4("upstream", upstream);
        if (up[0] != in[0] || up[1] != channels || up[2] != g[1] || up[3] != g[2]) {
            throw new IllegalArgumentException("upstream must have shape [" + in[0] + ", " + channels + ", " + g[1]
                    + ", " + g[2] + "], got [" + up[0] + ", " + up[1] + ", " + up[2] + ", " + up[3] + "]");
        }
        double[][][][] gInput = new double[in[0]][channels][height][width];
        double[][][][] gGrid = new double[in[0]][g[1]][g[2]][2];
        int points = g[1] * g[2];
        for (int n = 0; n < in[0]; n++) {
            Taps taps = Taps.of(grid[n], width, height, mode, padding, alignCorners);
            double[] gix = new double[points];
            double[] giy = new double[points];
            for (int c = 0; c < channels; c++) {
                double[][] plane = input[n][c];
                double[][] gPlane = gInput[n][c];
                double[][] gOut = upstream[n][c];
                for (int r = 0, p = 0; r < g[1]; r++) {
                    for (int q = 0; q < g[2]; q++, p++) {
                        taps.accumulate(plane, gPlane, gOut[r][q], p, gix, giy);
                    }
                }
            }
            if (mode == SamplingMode.NEAREST) {
                continue;
            }
            for (int r = 0, p = 0; r < g[1]; r++) {
                for (int q = 0; q < g[2]; q++, p++) {
                    gGrid[n][r][q][0] = gix[p] * sourceIndexDerivative(grid[n][r][q][0], width, padding, alignCorners);
                    gGrid[n][r][q][1] = giy[p] * sourceIndexDerivative(grid[n][r][q][1], height, padding,
                            alignCorners);
                }
            }
        }
        return new Gradients(gInput, gGrid);
    }

    /**
     * The taps of every point of one image's grid, computed once and shared by all channels, so that the channel
     * loop walks one plane at a time (the planes are the large arrays; the grid is read once per image).
     * Point \( p \) reads columns {@code x0[p]}, {@code x0[p] + 1} and rows {@code y0[p]}, {@code y0[p] + 1} with
     * weights {@code 1 - wx[p]}, {@code wx[p]} and {@code 1 - wy[p]}, {@code wy[p]}; bit \( t \) of
     * {@code flags[p]} says whether tap \( t \) (nw, ne, sw, se) is in the image. Nearest: only nw, weight 1.
     */
    private record Taps(int[] x0, int[] y0, double[] wx, double[] wy, byte[] flags, boolean nearest) {

        static Taps of(double[][][] grid, int width, int height, SamplingMode mode, Padding padding,
                boolean alignCorners) {
            int rows = grid.length;
            int cols = grid[0].length;
            int points = rows * cols;
            int[] x0 = new int[points];
            int[] y0 = new int[points];
            double[] wx = new double[points];
            double[] wy = new double[points];
            byte[] flags = new byte[points];
            boolean nearest = mode == SamplingMode.NEAREST;
            for (int r = 0, p = 0; r < rows; r++) {
                for (int q = 0; q < cols; q++, p++) {
                    double ix = sourceIndex(grid[r][q][0], width, padding, alignCorners);
                    double iy = sourceIndex(grid[r][q][1], height, padding, alignCorners);
                    int x = (int) (nearest ? Math.rint(ix) : Math.floor(ix));
                    int y = (int) (nearest ? Math.rint(iy) : Math.floor(iy));
                    x0[p] = x;
                    y0[p] = y;
                    wx[p] = ix - x;
                    wy[p] = iy - y;
                    int in = GridSample.inside(x, y, width, height) ? 1 : 0;
                    if (!nearest) {
                        in |= (GridSample.inside(x + 1, y, width, height) ? 2 : 0)
                                | (GridSample.inside(x, y + 1, width, height) ? 4 : 0)
                                | (GridSample.inside(x + 1, y + 1, width, height) ? 8 : 0);
                    }
                    flags[p] = (byte) in;
                }
            }
            return new Taps(x0, y0, wx, wy, flags, nearest);
        }

        /** The sample of point {@code p} in one plane. */
        double read(double[][] plane, int p) {
            int in = flags[p];
            int x = x0[p];
            int y = y0[p];
            if (nearest) {
                return in != 0 ? plane[y][x] : 0.0;
            }
            double wx1 = wx[p];
            double wy1 = wy[p];
            double wx0 = 1.0 - wx1;
            double wy0 = 1.0 - wy1;
            double v = 0.0;
            if ((in & 1) != 0) {
                v += plane[y][x] * wx0 * wy0;
            }
            if ((in & 2) != 0) {
                v += plane[y][x + 1] * wx1 * wy0;
            }
            if ((in & 4) != 0) {
                v += plane[y + 1][x] * wx0 * wy1;
            }
            if ((in & 8) != 0) {
                v += plane[y + 1][x + 1] * wx1 * wy1;
            }
            return v;
        }

        /**
         * Adds point {@code p}'s share of the upstream gradient {@code gOut} to the input plane's gradient and to
         * \( \partial\ell/\partial i_x \), \( \partial\ell/\partial i_y \) (PyTorch's {@code gix}, {@code giy}).
         */
        void accumulate(double[][] plane, double[][] gPlane, double gOut, int p, double[] gix, double[] giy) {
            int in = flags[p];
            int x = x0[p];
            int y = y0[p];
            if (nearest) {
                if (in != 0) {
                    gPlane[y][x] += gOut;
                }
                return;
            }
            double wx1 = wx[p];
            double wy1 = wy[p];
            double wx0 = 1.0 - wx1;
            double wy0 = 1.0 - wy1;
            double vNw = 0.0;
            double vNe = 0.0;
            double vSw = 0.0;
            double vSe = 0.0;
            if ((in & 1) != 0) {
                vNw = plane[y][x];
                gPlane[y][x] += wx0 * wy0 * gOut;
            }
            if ((in & 2) != 0) {
                vNe = plane[y][x + 1];
                gPlane[y][x + 1] += wx1 * wy0 * gOut;
            }
            if ((in & 4) != 0) {
                vSw = plane[y + 1][x];
                gPlane[y + 1][x] += wx0 * wy1 * gOut;
            }
            if ((in & 8) != 0) {
                vSe = plane[y + 1][x + 1];
                gPlane[y + 1][x + 1] += wx1 * wy1 * gOut;
            }
            gix[p] += gOut * (wy0 * (vNe - vNw) + wy1 * (vSe - vSw));
            giy[p] += gOut * (wx0 * (vSw - vNw) + wx1 * (vSe - vNe));
        }
    }

    /**
     * The samples of {@code input} at the points of {@code grid}, differentiable by DJL autograd with respect to
     * both: the four taps are read with {@code gather} from the flattened planes, out-of-range taps are clamped to a
     * valid index and multiplied by a 0/1 mask, and the floors and roundings are constants for autograd.
     *
     * @param input        \( [N, C, H, W] \), floating point
     * @param grid         \( [N, H_o, W_o, 2] \), the data type of {@code input}
     * @param mode         bilinear or nearest
     * @param padding      zeros, border or reflection
     * @param alignCorners as for {@link #forward}
     * @return \( [N, C, H_o, W_o] \), the data type of {@code input}
     * @throws IllegalArgumentException if a shape or data type is wrong
     */
    public static NDArray apply(NDArray input, NDArray grid, SamplingMode mode, Padding padding,
            boolean alignCorners) {
        Objects.requireNonNull(mode, "mode must not be null");
        Objects.requireNonNull(padding, "padding must not be null");
        Shape in = input.getShape();
        Shape g = grid.getShape();
        if (in.dimension() != 4 || !input.getDataType().isFloating()) {
            throw new IllegalArgumentException(
                    "input must be a floating-point [N, C, H, W] array, got " + input.getDataType() + " " + in);
        }
        if (g.dimension() != 4 || g.get(3) != 2 || g.get(0) != in.get(0)) {
            throw new IllegalArgumentException("grid must have shape [" + in.get(0) + ", Hout, Wout, 2], got " + g);
        }
        if (grid.getDataType() != input.getDataType()) {
            throw new IllegalArgumentException(
                    "grid must have the data type of input, " + input.getDataType() + ", got " + grid.getDataType());
        }
        long batch = in.get(0);
        long channels = in.get(1);
        long height = in.get(2);
        long width = in.get(3);
        long points = g.get(1) * g.get(2);
        NDArray ix = sourceIndex(grid.get("..., 0").reshape(batch, points), width, padding, alignCorners);
        NDArray iy = sourceIndex(grid.get("..., 1").reshape(batch, points), height, padding, alignCorners);
        NDArray planes = input.reshape(batch, channels, height * width);
        NDArray output;
        if (mode == SamplingMode.NEAREST) {
            output = tap(planes, ix.round().stopGradient(), iy.round().stopGradient(), height, width);
        } else {
            NDArray x0 = ix.floor().stopGradient();
            NDArray y0 = iy.floor().stopGradient();
            NDArray x1 = x0.add(1);
            NDArray y1 = y0.add(1);
            NDArray wx1 = ix.sub(x0).expandDims(1);
            NDArray wx0 = x1.sub(ix).expandDims(1);
            NDArray wy1 = iy.sub(y0).expandDims(1);
            NDArray wy0 = y1.sub(iy).expandDims(1);
            output = tap(planes, x0, y0, height, width).mul(wx0.mul(wy0))
                    .add(tap(planes, x1, y0, height, width).mul(wx1.mul(wy0)))
                    .add(tap(planes, x0, y1, height, width).mul(wx0.mul(wy1)))
                    .add(tap(planes, x1, y1, height, width).mul(wx1.mul(wy1)));
        }
        return output.reshape(batch, channels, g.get(1), g.get(2));
    }

    /** The pixels at integer coordinates {@code (col, row)} \( [N, P] \) of planes \( [N, C, HW] \); 0 outside. */
    private static NDArray tap(NDArray planes, NDArray col, NDArray row, long height, long width) {
        DataType type = planes.getDataType();
        NDArray valid = col.gte(0).logicalAnd(col.lte(width - 1)).logicalAnd(row.gte(0))
                .logicalAnd(row.lte(height - 1)).toType(type, false).expandDims(1);
        NDArray index = row.clip(0, height - 1).mul(width).add(col.clip(0, width - 1)).toType(DataType.INT64, false);
        Shape shape = new Shape(planes.getShape().get(0), planes.getShape().get(1), col.getShape().get(1));
        return planes.gather(index.expandDims(1).broadcast(shape), 2).mul(valid);
    }

    /** PyTorch's {@code grid_sampler_compute_source_index} on an array of normalised coordinates. */
    private static NDArray sourceIndex(NDArray coordinate, long size, Padding padding, boolean alignCorners) {
        NDArray pixel = alignCorners
                ? coordinate.add(1).mul((size - 1) / 2.0)
                : coordinate.add(1).mul(size / 2.0).sub(0.5);
        return switch (padding) {
            case ZEROS -> pixel;
            case BORDER -> pixel.clip(0, size - 1);
            case REFLECTION -> (alignCorners ? reflect(pixel, 0, 2 * (size - 1)) : reflect(pixel, -1, 2 * size - 1))
                    .clip(0, size - 1);
        };
    }

    /** PyTorch's {@code reflect_coordinates}, written with floor so that autograd sees \( \pm 1 \) slopes. */
    private static NDArray reflect(NDArray in, long twiceLow, long twiceHigh) {
        if (twiceLow == twiceHigh) {
            return in.mul(0);
        }
        double min = twiceLow / 2.0;
        double span = (twiceHigh - twiceLow) / 2.0;
        NDArray distance = in.sub(min).abs();
        NDArray flips = distance.div(span).floor().stopGradient();
        NDArray extra = distance.sub(flips.mul(span));
        NDArray odd = flips.sub(flips.div(2).floor().mul(2));
        return extra.add(odd.mul(extra.mul(-2).add(span))).add(min);
    }

    /**
     * The pixel coordinate of a normalised coordinate after padding (PyTorch's
     * {@code grid_sampler_compute_source_index}).
     *
     * @param coordinate   \( x \) in grid units
     * @param size         the extent \( W \) or \( H \) along that axis
     * @param padding      the padding
     * @param alignCorners the corner convention
     * @return \( i_x \) in pixels, within \( [0, \mathit{size} - 1] \) unless the padding is zeros
     */
    static double sourceIndex(double coordinate, int size, Padding padding, boolean alignCorners) {
        double pixel = alignCorners ? (coordinate + 1) / 2 * (size - 1) : ((coordinate + 1) * size - 1) / 2;
        return switch (padding) {
            case ZEROS -> pixel;
            case BORDER -> clip(pixel, size);
            case REFLECTION -> clip(alignCorners ? reflect(pixel, 0, 2 * (size - 1)) : reflect(pixel, -1, 2 * size - 1),
                    size);
        };
    }

    /** \( \mathrm{d} i_x / \mathrm{d} x \) of {@link #sourceIndex} (PyTorch's {@code ..._set_grad} variants). */
    static double sourceIndexDerivative(double coordinate, int size, Padding padding, boolean alignCorners) {
        double scale = alignCorners ? (size - 1) / 2.0 : size / 2.0;
        double pixel = alignCorners ? (coordinate + 1) / 2 * (size - 1) : ((coordinate + 1) * size - 1) / 2;
        return switch (padding) {
            case ZEROS -> scale;
            case BORDER -> scale * clipDerivative(pixel, size);
            case REFLECTION -> {
                double reflected = alignCorners ? reflect(pixel, 0, 2 * (size - 1)) : reflect(pixel, -1, 2 * size - 1);
                double sign = alignCorners ? reflectDerivative(pixel, 0, 2 * (size - 1))
                        : reflectDerivative(pixel, -1, 2 * size - 1);
                yield scale * sign * clipDerivative(reflected, size);
            }
        };
    }

    private static double clip(double pixel, int size) {
        return Math.min(size - 1, Math.max(pixel, 0.0));
    }

    private static double clipDerivative(double pixel, int size) {
        return pixel <= 0 || pixel >= size - 1 ? 0.0 : 1.0;
    }

    private static double reflect(double in, int twiceLow, int twiceHigh) {
        if (twiceLow == twiceHigh) {
            return 0.0;
        }
        double min = twiceLow / 2.0;
        double span = (twiceHigh - twiceLow) / 2.0;
        double distance = Math.abs(in - min);
        double extra = distance % span;
        double flips = Math.floor(distance / span);
        return flips % 2 == 0 ? extra + min : span - extra + min;
    }

    private static double reflectDerivative(double in, int twiceLow, int twiceHigh) {
        if (twiceLow == twiceHigh) {
            return 0.0;
        }
        double min = twiceLow / 2.0;
        double span = (twiceHigh - twiceLow) / 2.0;
        double sign = in - min < 0 ? -1.0 : 1.0;
        double flips = Math.floor(Math.abs(in - min) / span);
        return flips % 2 == 0 ? sign : -sign;
    }

    private static boolean inside(int col, int row, int width, int height) {
        return col >= 0 && col < width && row >= 0 && row < height;
    }

    /** \( (N, C, H, W, H_o, W_o) \) after checking the arguments of the kernel. */
    private static int[] shapes(double[][][][] input, double[][][][] grid, SamplingMode mode, Padding padding) {
        Objects.requireNonNull(mode, "mode must not be null");
        Objects.requireNonNull(padding, "padding must not be null");
        int[] in = SpatialArguments.shape4("input", input);
        int[] g = gridShape(grid, in[0]);
        return new int[] {in[0], in[1], in[2], in[3], g[1], g[2]};
    }

    private static int[] gridShape(double[][][][] grid, int batch) {
        int[] g = SpatialArguments.shape4("grid", grid);
        if (g[0] != batch) {
            throw new IllegalArgumentException("grid has " + g[0] + " batch entries, input has " + batch);
        }
        for (int n = 0; n < g[0]; n++) {
            for (int r = 0; r < g[1]; r++) {
                for (int q = 0; q < g[2]; q++) {
                    double[] point = grid[n][r][q];
                    if (point.length != 2) {
                        throw new IllegalArgumentException("grid must have shape [N, Hout, Wout, 2], got "
                                + point.length + " coordinates at [" + n + ", " + r + ", " + q + "]");
                    }
                    if (!Double.isFinite(point[0]) || !Double.isFinite(point[1])) {
                        throw new IllegalArgumentException("grid must be finite, got (" + point[0] + ", " + point[1]
                                + ") at [" + n + ", " + r + ", " + q + "]");
                    }
                }
            }
        }
        return g;
    }
}
