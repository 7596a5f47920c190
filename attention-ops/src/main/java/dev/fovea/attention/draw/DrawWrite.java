package dev.fovea.attention.draw;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * DRAW's write with attention (Gregor et al. 2015, eq. 28–29): \( w_t = W(h^{dec}_t) \), an \( N \times N \) patch,
 * and \( \operatorname{write}(h^{dec}_t) = \tfrac{1}{\hat\gamma} \hat F_Y^\top w_t \hat F_X \), a \( B \times A \)
 * canvas increment, through a filterbank \( \hat F \) with its own parameters.
 *
 * <p>Three layers: {@link #canvas(double[][], DrawFilterbank.Matrices)} (double kernel),
 * {@link #apply(NDArray, DrawFilterbank.Arrays)} (differentiable) and this block, built with
 * {@link #of(int, int, int, int)}. The write is the adjoint of the read up to the intensity:
 * \( \langle \operatorname{read}(x), w \rangle = \gamma^2 \langle x, \operatorname{write}(w) \rangle \) for the same
 * filterbank.
 *
 * <p>Input: {@code state} \( [\text{batch}, h] \). Output: the canvas increment \( [\text{batch}, B, A] \).
 * Parameters: {@code filterWeight} \( (5, h) \), {@code filterBias} \( (5) \) (zeros), {@code patchWeight}
 * \( (N^2, h) \), {@code patchBias} \( (N^2) \) (zeros).
 */
public final class DrawWrite extends AbstractBlock {

    private static final byte VERSION = 1;

    private final DrawGeometry geometry;
    private final Parameter filterWeight;
    private final Parameter filterBias;
    private final Parameter patchWeight;
    private final Parameter patchBias;

    private DrawWrite(DrawGeometry geometry) {
        super(VERSION);
        this.geometry = geometry;
        long patch = (long) geometry.glimpses() * geometry.glimpses();
        filterWeight = addParameter(weight("filterWeight", FilterbankParameters.COUNT, geometry.stateSize()));
        filterBias = addParameter(bias("filterBias", FilterbankParameters.COUNT));
        patchWeight = addParameter(weight("patchWeight", patch, geometry.stateSize()));
        patchBias = addParameter(bias("patchBias", patch));
    }

    private static Parameter weight(String name, long rows, long columns) {
        return Parameter.builder().setName(name).setType(Parameter.Type.WEIGHT).optShape(new Shape(rows, columns))
                .build();
    }

    private static Parameter bias(String name, long size) {
        return Parameter.builder().setName(name).setType(Parameter.Type.BIAS).optShape(new Shape(size)).build();
    }

    /**
     * A write block for \( B \times A \) canvases, \( N \times N \) patches and decoder states of size \( h \).
     *
     * @throws IllegalArgumentException if a size is below 1
     */
    public static DrawWrite of(int width, int height, int glimpses, int stateSize) {
        return new DrawWrite(new DrawGeometry(width, height, glimpses, stateSize));
    }

    /**
     * The double kernel: \( \tfrac{1}{\gamma} F_Y^\top w F_X \).
     *
     * @param patch   \( w \), \( N \times N \) finite values
     * @param filters a filterbank with \( N \) filters per axis
     * @return a new \( B \times A \) canvas increment
     * @throws IllegalArgumentException if the patch is not \( N \times N \) or a value is not finite
     */
    public static double[][] canvas(double[][] patch, DrawFilterbank.Matrices filters) {
        double[][] fx = filters.filterX();
        double[][] fy = filters.filterY();
        int n = fx.length;
        DrawRead.requireImage("patch", patch, n, n);
        int width = fx[0].length;
        double[][] rows = new double[n][width];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                for (int a = 0; a < width; a++) {
                    rows[i][a] += patch[i][j] * fx[j][a];
                }
            }
        }
        double[][] canvas = new double[fy[0].length][width];
        for (int b = 0; b < canvas.length; b++) {
            for (int i = 0; i < n; i++) {
                double w = fy[i][b] / filters.intensity();
                for (int a = 0; a < width; a++) {
                    canvas[b][a] += w * rows[i][a];
                }
            }
        }
        return canvas;
    }

    /**
     * \( \tfrac{1}{\gamma} F_Y^\top w F_X \) for a batch; differentiable in the patch and the filterbank.
     *
     * @param patch   \( [\text{batch}, N, N] \)
     * @param filters same batch, \( N \) filters per axis
     * @return \( [\text{batch}, B, A] \)
     * @throws IllegalArgumentException if the patch shape does not match the filters
     */
    public static NDArray apply(NDArray patch, DrawFilterbank.Arrays filters) {
        Shape fx = filters.filterX().getShape();
        Shape shape = patch.getShape();
        if (shape.dimension() != 3 || shape.get(0) != fx.get(0) || shape.get(1) != fx.get(1)
                || shape.get(2) != fx.get(1)) {
            throw new IllegalArgumentException("patch must have shape (" + fx.get(0) + ", " + fx.get(1) + ", "
                    + fx.get(1) + ") (batch, N, N), got " + shape);
        }
        NDArray canvas = filters.filterY().transpose(0, 2, 1).matMul(patch).matMul(filters.filterX());
        return canvas.div(filters.intensity().reshape(-1, 1, 1));
    }

    @Override
    protected NDList forwardInternal(
            ParameterStore parameterStore, NDList inputs, boolean training, PairList<String, Object> params) {
        requireInputs(inputs.getShapes());
        NDArray state = inputs.get(0);
        NDArray patch = Linear.linear(state,
                parameterStore.getValue(patchWeight, state.getDevice(), training),
                parameterStore.getValue(patchBias, state.getDevice(), training)).get(0)
                .reshape(state.getShape().get(0), geometry.glimpses(), geometry.glimpses());
        DrawFilterbank.Arrays filters = geometry.filterbank(parameterStore, filterWeight, filterBias, state, training);
        return new NDList(apply(patch, filters));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        requireInputs(inputShapes);
        return new Shape[] {new Shape(inputShapes[0].get(0), geometry.height(), geometry.width())};
    }

    @Override
    protected void beforeInitialize(Shape... inputShapes) {
        super.beforeInitialize(inputShapes);
        requireInputs(inputShapes);
    }

    private void requireInputs(Shape[] shapes) {
        if (shapes.length != 1) {
            throw new IllegalArgumentException(
                    "a DRAW write takes the decoder state only, got " + shapes.length + " inputs");
        }
        geometry.requireState(shapes[0]);
    }

    @Override
    public String toString() {
        return "DrawWrite(" + geometry.glimpses() + " × " + geometry.glimpses() + " → " + geometry.height() + " × "
                + geometry.width() + ", state " + geometry.stateSize() + ")";
    }
}
