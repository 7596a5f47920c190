package dev.fovea.attention.draw;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import dev.fovea.math.Finite;

/**
 * DRAW's read with attention (Gregor et al. 2015, eq. 27): \( \operatorname{read}(x) = \gamma\, F_Y\, x\, F_X^\top \),
 * an \( N \times N \) glimpse of a \( B \times A \) image through the {@link DrawFilterbank}.
 *
 * <p>Three layers: {@link #glimpse(double[][], DrawFilterbank.Matrices)} (double kernel, \( O(NAB + N^2 A) \)),
 * {@link #apply(NDArray, DrawFilterbank.Arrays)} (differentiable) and this block, built with
 * {@link #of(int, int, int, int)}. The block maps the previous decoder state \( h^{dec}_{t-1} \) linearly to the five
 * {@link FilterbankParameters} (eq. 21) and reads every image it is given with the same filterbank (the paper reads the
 * image \( x \) and the error image \( \hat x_t \) and concatenates the two glimpses, eq. 27).
 *
 * <p>Inputs: {@code state} \( [\text{batch}, h] \), then one or more images \( [\text{batch}, B, A] \). Outputs: one
 * glimpse \( [\text{batch}, N, N] \) per image. Parameters: {@code filterWeight} \( (5, h) \) (DJL's default weight
 * initialiser) and {@code filterBias} \( (5) \) (zeros: \( \tilde g = 0 \), \( \sigma = \tilde\delta = \gamma = 1 \),
 * a centred grid spanning the image).
 */
public final class DrawRead extends AbstractBlock {

    private static final byte VERSION = 1;

    private final DrawGeometry geometry;
    private final Parameter filterWeight;
    private final Parameter filterBias;

    private DrawRead(DrawGeometry geometry) {
        super(VERSION);
        this.geometry = geometry;
        filterWeight = addParameter(Parameter.builder().setName("filterWeight").setType(Parameter.Type.WEIGHT)
                .optShape(new Shape(FilterbankParameters.COUNT, geometry.stateSize())).build());
        filterBias = addParameter(Parameter.builder().setName("filterBias").setType(Parameter.Type.BIAS)
                .optShape(new Shape(FilterbankParameters.COUNT)).build());
    }

    /**
     * A read block for \( B \times A \) images, \( N \times N \) glimpses and decoder states of size \( h \).
     *
     * @throws IllegalArgumentException if a size is below 1 ({@code "stateSize must be >= 1, got 0"})
     */
    public static DrawRead of(int width, int height, int glimpses, int stateSize) {
        return new DrawRead(new DrawGeometry(width, height, glimpses, stateSize));
    }

    /**
     * The double kernel: \( \gamma F_Y x F_X^\top \).
     *
     * @param image   \( x \), \( B \) rows of \( A \) finite values
     * @param filters a filterbank for \( B \times A \) images
     * @return a new \( N \times N \) glimpse
     * @throws IllegalArgumentException if the image size does not match the filters
     *                                  ({@code "image must be 4 × 5 (height × width), got 4 × 6"}) or a value is not finite
     */
    public static double[][] glimpse(double[][] image, DrawFilterbank.Matrices filters) {
        double[][] fx = filters.filterX();
        double[][] fy = filters.filterY();
        requireImage("image", image, fy[0].length, fx[0].length);
        int n = fx.length;
        double[][] rows = new double[n][fx[0].length];
        for (int i = 0; i < n; i++) {
            for (int b = 0; b < image.length; b++) {
                double w = fy[i][b];
                for (int a = 0; a < rows[i].length; a++) {
                    rows[i][a] += w * image[b][a];
                }
            }
        }
        double[][] glimpse = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double s = 0.0;
                for (int a = 0; a < rows[i].length; a++) {
                    s += rows[i][a] * fx[j][a];
                }
                glimpse[i][j] = filters.intensity() * s;
            }
        }
        return glimpse;
    }

    static void requireImage(String name, double[][] image, int height, int width) {
        Finite.check(name, image);
        int w = image.length == 0 ? 0 : image[0].length;
        boolean ragged = false;
        for (double[] row : image) {
            ragged |= row.length != w;
        }
        if (image.length != height || w != width || ragged) {
            throw new IllegalArgumentException(name + " must be " + height + " × " + width + " (height × width), got "
                    + image.length + " × " + (ragged ? "ragged" : Integer.toString(w)));
        }
    }

    /**
     * \( \gamma F_Y x F_X^\top \) for a batch; differentiable in the image and the filterbank.
     *
     * @param image   \( [\text{batch}, B, A] \)
     * @param filters from {@link DrawFilterbank#apply(NDArray, int, int, int)}, same batch
     * @return \( [\text{batch}, N, N] \)
     * @throws IllegalArgumentException if the image shape does not match the filters
     */
    public static NDArray apply(NDArray image, DrawFilterbank.Arrays filters) {
        Shape fx = filters.filterX().getShape();
        Shape fy = filters.filterY().getShape();
        Shape shape = image.getShape();
        if (shape.dimension() != 3 || shape.get(0) != fx.get(0) || shape.get(1) != fy.get(2)
                || shape.get(2) != fx.get(2)) {
            throw new IllegalArgumentException("image must have shape (" + fx.get(0) + ", " + fy.get(2) + ", "
                    + fx.get(2) + ") (batch, height, width), got " + shape);
        }
        NDArray read = filters.filterY().matMul(image).matMul(filters.filterX().transpose(0, 2, 1));
        return read.mul(filters.intensity().reshape(-1, 1, 1));
    }

    @Override
    protected NDList forwardInternal(
            ParameterStore parameterStore, NDList inputs, boolean training, PairList<String, Object> params) {
        requireInputs(inputs.getShapes());
        DrawFilterbank.Arrays filters = geometry.filterbank(parameterStore, filterWeight, filterBias, inputs.get(0),
                training);
        NDList glimpses = new NDList();
        for (int k = 1; k < inputs.size(); k++) {
            glimpses.add(apply(inputs.get(k), filters));
        }
        return glimpses;
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        requireInputs(inputShapes);
        Shape[] out = new Shape[inputShapes.length - 1];
        java.util.Arrays.fill(out, new Shape(inputShapes[0].get(0), geometry.glimpses(), geometry.glimpses()));
        return out;
    }

    @Override
    protected void beforeInitialize(Shape... inputShapes) {
        super.beforeInitialize(inputShapes);
        requireInputs(inputShapes);
    }

    private void requireInputs(Shape[] shapes) {
        if (shapes.length < 2) {
            throw new IllegalArgumentException(
                    "a DRAW read takes the decoder state and at least one image, got " + shapes.length + " inputs");
        }
        geometry.requireState(shapes[0]);
        for (int k = 1; k < shapes.length; k++) {
            geometry.requireImage("image " + k, shapes[k], shapes[0].get(0));
        }
    }

    @Override
    public String toString() {
        return "DrawRead(" + geometry.height() + " × " + geometry.width() + " → " + geometry.glimpses() + " × "
                + geometry.glimpses() + ", state " + geometry.stateSize() + ")";
    }
}
