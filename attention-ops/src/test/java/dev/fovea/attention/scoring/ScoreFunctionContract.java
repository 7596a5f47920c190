package dev.fovea.attention.scoring;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.NormalInitializer;
import dev.fovea.attention.ManagerExtension;
import dev.fovea.attention.RelativeError;
import dev.fovea.attention.discrete.Softmax;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What every score function must satisfy, in all three layers: the NDArray function equals the double kernel; DJL
 * autograd of the NDArray function equals central differences of the kernel for every input and parameter; the block
 * computes the function with its own parameters and sends gradients to each; padding scores \( -\infty \) and stays
 * NaN-free through the masked softmax, fully padded rows and backward pass included; shapes the block was not built
 * for are rejected with the sizes in the message. Every test runs with one query per batch row \( [B, d_q] \) and
 * with several \( [B, T, d_q] \).
 */
abstract class ScoreFunctionContract {

    static final int BATCH = 2;
    static final int QUERIES = 3;
    static final int POSITIONS = 4;

    /** Central-difference step: truncation error \( O(h^2) \approx 10^{-10} \), rounding \( O(\varepsilon / h) \). */
    private static final double STEP = 1e-5;

    @RegisterExtension
    final ManagerExtension managers = new ManagerExtension();

    /**
     * The score function under test in its three layers.
     *
     * @param queryFeatures   \( d_q \)
     * @param keyFeatures     \( d_k \)
     * @param parameterShapes the shapes of the NDArray function's parameter arguments, in the order it takes them
     * @param function        the NDArray function, parameters in that order
     * @param kernel          the double kernel for one query, each parameter flat and row-major, in that order
     * @param block           makes a block built for these sizes whose parameters, in their order of declaration,
     *                        are those of {@code parameterShapes} (in that shape or a reshaping of it)
     */
    record Subject(int queryFeatures, int keyFeatures, List<Shape> parameterShapes, Function function, Kernel kernel,
            Supplier<ScoreBlock> block) {
    }

    /** The NDArray layer on (queries, keys, parameters...). */
    interface Function {
        NDArray apply(NDArray queries, NDArray keys, List<NDArray> parameters);
    }

    /** The double layer on one query. */
    interface Kernel {
        double[] scores(double[] query, double[][] keys, List<double[]> parameters);
    }

    /** The function under test. */
    abstract Subject subject();

    private Subject subject;

    private Subject cached() {
        if (subject == null) {
            subject = subject();
        }
        return subject;
    }

    final int queryFeatures() {
        return cached().queryFeatures();
    }

    final int keyFeatures() {
        return cached().keyFeatures();
    }

    final List<Shape> parameterShapes() {
        return cached().parameterShapes();
    }

    final NDArray apply(NDArray queries, NDArray keys, List<NDArray> parameters) {
        return cached().function().apply(queries, keys, parameters);
    }

    final double[] kernel(double[] query, double[][] keys, List<double[]> parameters) {
        return cached().kernel().scores(query, keys, parameters);
    }

    final ScoreBlock block() {
        return cached().block().get();
    }

    // ---------------------------------------------------------------------------------------------------------------

    /** Random inputs and parameters in \( [-1, 1] \) and an upstream gradient for one batch. */
    final class Case {
        final boolean several;
        final double[] queries;
        final double[] keys;
        final List<double[]> parameters = new ArrayList<>();
        final double[] upstream;

        Case(long seed, boolean several) {
            SplittableRandom random = new SplittableRandom(seed);
            this.several = several;
            queries = uniform(random, BATCH * queriesPerRow() * queryFeatures());
            keys = uniform(random, BATCH * POSITIONS * keyFeatures());
            for (Shape shape : parameterShapes()) {
                parameters.add(uniform(random, Math.toIntExact(shape.size())));
            }
            upstream = uniform(random, BATCH * queriesPerRow() * POSITIONS);
        }

        int queriesPerRow() {
            return several ? QUERIES : 1;
        }

        Shape queryShape() {
            return several ? new Shape(BATCH, QUERIES, queryFeatures()) : new Shape(BATCH, queryFeatures());
        }

        Shape keyShape() {
            return new Shape(BATCH, POSITIONS, keyFeatures());
        }

        Shape scoreShape() {
            return several ? new Shape(BATCH, QUERIES, POSITIONS) : new Shape(BATCH, POSITIONS);
        }

        /** Every argument in the order queries, keys, parameters... */
        List<double[]> arguments() {
            List<double[]> all = new ArrayList<>(List.of(queries, keys));
            all.addAll(parameters);
            return all;
        }

        List<Shape> argumentShapes() {
            List<Shape> all = new ArrayList<>(List.of(queryShape(), keyShape()));
            all.addAll(parameterShapes());
            return all;
        }

        /** The kernel applied to every query of the batch, flat in the layout of {@link #scoreShape()}. */
        double[] kernelScores() {
            double[] scores = new double[BATCH * queriesPerRow() * POSITIONS];
            for (int b = 0; b < BATCH; b++) {
                double[][] rowKeys = new double[POSITIONS][];
                for (int l = 0; l < POSITIONS; l++) {
                    int from = (b * POSITIONS + l) * keyFeatures();
                    rowKeys[l] = Arrays.copyOfRange(keys, from, from + keyFeatures());
                }
                for (int t = 0; t < queriesPerRow(); t++) {
                    int from = (b * queriesPerRow() + t) * queryFeatures();
                    double[] query = Arrays.copyOfRange(queries, from, from + queryFeatures());
                    double[] s = kernel(query, rowKeys, parameters);
                    System.arraycopy(s, 0, scores, (b * queriesPerRow() + t) * POSITIONS, POSITIONS);
                }
            }
            return scores;
        }

        /** \( \ell = \sum g \odot s \) by the kernel. */
        double loss() {
            double[] s = kernelScores();
            double sum = 0.0;
            for (int i = 0; i < s.length; i++) {
                sum += upstream[i] * s[i];
            }
            return sum;
        }

        /** \( \partial \ell / \partial x \) for every argument by central differences of the kernel. */
        List<double[]> centralDifferences() {
            List<double[]> gradients = new ArrayList<>();
            for (double[] argument : arguments()) {
                double[] gradient = new double[argument.length];
                for (int i = 0; i < argument.length; i++) {
                    double saved = argument[i];
                    argument[i] = saved + STEP;
                    double plus = loss();
                    argument[i] = saved - STEP;
                    double minus = loss();
                    argument[i] = saved;
                    gradient[i] = (plus - minus) / (2 * STEP);
                }
                gradients.add(gradient);
            }
            return gradients;
        }

        List<NDArray> arrays(NDManager manager) {
            List<NDArray> arrays = new ArrayList<>();
            List<Shape> shapes = argumentShapes();
            List<double[]> values = arguments();
            for (int i = 0; i < shapes.size(); i++) {
                arrays.add(manager.create(values.get(i), shapes.get(i)));
            }
            return arrays;
        }
    }

    private static double[] uniform(SplittableRandom random, int n) {
        double[] values = new double[n];
        for (int i = 0; i < n; i++) {
            values[i] = 2.0 * random.nextDouble() - 1.0;
        }
        return values;
    }

    private NDArray applyTo(List<NDArray> arguments) {
        return apply(arguments.get(0), arguments.get(1), arguments.subList(2, arguments.size()));
    }

    /** A float64 block with every parameter drawn from \( N(0, 0.5^2) \) (biases too, so that each one matters). */
    private ScoreBlock initializedBlock(Case c) {
        ScoreBlock block = block();
        block.setInitializer(new NormalInitializer(0.5f), parameter -> true);
        block.initialize(managers.manager(), DataType.FLOAT64, c.queryShape(), c.keyShape());
        return block;
    }

    /** The block's parameters as the function's arguments (same values, the function's shapes). */
    private List<NDArray> blockParameters(ScoreBlock block) {
        List<Parameter> parameters = new ArrayList<>(block.getParameters().values());
        List<Shape> shapes = parameterShapes();
        assertEquals(shapes.size(), parameters.size(), "parameters of " + block);
        List<NDArray> arrays = new ArrayList<>();
        for (int i = 0; i < shapes.size(); i++) {
            arrays.add(parameters.get(i).getArray().reshape(shapes.get(i)));
        }
        return arrays;
    }

    // ---------------------------------------------------------------------------------------------------------------

    @ParameterizedTest(name = "several queries per row: {0}")
    @ValueSource(booleans = {false, true})
    void functionAgreesWithTheKernel(boolean several) {
        Case c = new Case(1, several);
        NDArray scores = applyTo(c.arrays(managers.manager()));
        assertEquals(c.scoreShape(), scores.getShape());
        assertEquals(DataType.FLOAT64, scores.getDataType());
        double error = RelativeError.normwise(scores.toDoubleArray(), c.kernelScores());
        assertTrue(error <= 1e-13, "relative error " + error);
    }

    @ParameterizedTest(name = "several queries per row: {0}")
    @ValueSource(booleans = {false, true})
    void autogradAgreesWithCentralDifferencesOfTheKernelForEveryArgument(boolean several) {
        Case c = new Case(2, several);
        List<NDArray> arguments = c.arrays(managers.manager());
        arguments.forEach(a -> a.setRequiresGradient(true));
        try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
            NDArray scores = applyTo(arguments);
            collector.backward(scores.mul(managers.manager().create(c.upstream, c.scoreShape())).sum());
        }
        assertGradientsAgree(arguments, c.centralDifferences(), "function");
    }

    @ParameterizedTest(name = "several queries per row: {0}")
    @ValueSource(booleans = {false, true})
    void blockComputesItsFunctionWithItsOwnParametersAndDifferentiatesEach(boolean several) {
        Case c = new Case(3, several);
        ScoreBlock block = initializedBlock(c);
        List<NDArray> parameters = blockParameters(block);
        NDArray queries = managers.manager().create(c.queries, c.queryShape());
        NDArray keys = managers.manager().create(c.keys, c.keyShape());
        NDArray expected = apply(queries, keys, parameters);
        queries.setRequiresGradient(true);
        keys.setRequiresGradient(true);
        NDList out;
        try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
            out = block.forward(new ParameterStore(managers.manager(), false), new NDList(queries, keys), true);
            collector.backward(out.singletonOrThrow().mul(managers.manager().create(c.upstream, c.scoreShape())).sum());
        }
        assertArrayEquals(new Shape[] {c.scoreShape()},
                block.getOutputShapes(new Shape[] {c.queryShape(), c.keyShape()}));
        assertEquals(c.scoreShape(), out.singletonOrThrow().getShape());
        assertArrayEquals(expected.toDoubleArray(), out.singletonOrThrow().toDoubleArray(), 0.0);

        // The gradient each input and parameter received is the kernel's, evaluated at the block's own values.
        for (int i = 0; i < parameters.size(); i++) {
            c.parameters.set(i, parameters.get(i).toDoubleArray());
        }
        List<NDArray> differentiated = new ArrayList<>(List.of(queries, keys));
        block.getParameters().values().forEach(parameter -> differentiated.add(parameter.getArray()));
        assertGradientsAgree(differentiated, c.centralDifferences(), "block");
    }

    @ParameterizedTest(name = "several queries per row: {0}")
    @ValueSource(booleans = {false, true})
    void paddingScoresMinusInfinityAndTheMaskedSoftmaxStaysFiniteEvenForAFullyPaddedRow(boolean several) {
        Case c = new Case(4, several);
        // Row 0 is fully padded, row 1 has 2 real positions; padded keys hold finite garbage, as the mask requires.
        int[] lengths = {0, 2};
        ScoreBlock block = initializedBlock(c);
        NDArray queries = managers.manager().create(c.queries, c.queryShape());
        NDArray keys = managers.manager().create(c.keys, c.keyShape());
        queries.setRequiresGradient(true);
        keys.setRequiresGradient(true);
        NDList out;
        NDArray probabilities;
        try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
            out = block.forward(new ParameterStore(managers.manager(), false),
                    new NDList(queries, keys, managers.manager().create(lengths)), true);
            probabilities = Softmax.apply(out.get(0), out.get(1), -1);
            collector.backward(probabilities.mul(managers.manager().create(c.upstream, c.scoreShape())).sum());
        }
        assertArrayEquals(new Shape[] {c.scoreShape(), c.scoreShape()},
                block.getOutputShapes(new Shape[] {c.queryShape(), c.keyShape(), new Shape(BATCH)}));
        assertEquals(DataType.BOOLEAN, out.get(1).getDataType());
        for (int i = 0; i < parameterShapes().size(); i++) {
            c.parameters.set(i, blockParameters(block).get(i).toDoubleArray());
        }
        double[] unmasked = c.kernelScores();
        double[] scores = out.get(0).toDoubleArray();
        double[] p = probabilities.toDoubleArray();
        for (int b = 0; b < BATCH; b++) {
            for (int t = 0; t < c.queriesPerRow(); t++) {
                int row = (b * c.queriesPerRow() + t) * POSITIONS;
                double[] expected = lengths[b] == 0 ? new double[POSITIONS] : Arrays.copyOf(
                        Softmax.probabilities(Arrays.copyOfRange(unmasked, row, row + lengths[b])), POSITIONS);
                for (int l = 0; l < POSITIONS; l++) {
                    double expectedScore = l < lengths[b] ? unmasked[row + l] : Double.NEGATIVE_INFINITY;
                    assertEquals(expectedScore, scores[row + l], 1e-13, "score at " + b + ", " + t + ", " + l);
                    assertEquals(expected[l], p[row + l], 1e-13, "probability at " + b + ", " + t + ", " + l);
                }
            }
        }
        List<double[]> gradients = new ArrayList<>(List.of(
                gradient(queries), gradient(keys)));
        block.getParameters().values().forEach(parameter -> gradients.add(
                gradient(parameter.getArray())));
        for (int i = 0; i < gradients.size(); i++) {
            for (double g : gradients.get(i)) {
                assertTrue(Double.isFinite(g), argumentName(i) + " has a gradient " + g);
            }
        }
        // Nothing of the fully padded row reaches the loss, and no padded key does.
        double[] queryGradient = gradients.get(0);
        int rowSize = c.queriesPerRow() * queryFeatures();
        assertArrayEquals(new double[rowSize], Arrays.copyOfRange(queryGradient, 0, rowSize), 0.0);
        double[] keyGradient = gradients.get(1);
        for (int b = 0; b < BATCH; b++) {
            int from = (b * POSITIONS + lengths[b]) * keyFeatures();
            int to = (b + 1) * POSITIONS * keyFeatures();
            assertArrayEquals(new double[to - from], Arrays.copyOfRange(keyGradient, from, to), 0.0,
                    "padded keys of row " + b);
        }
    }

    @Test
    void aBooleanMaskInputMeansTheSameAsLengths() {
        Case c = new Case(5, true);
        ScoreBlock block = initializedBlock(c);
        NDArray queries = managers.manager().create(c.queries, c.queryShape());
        NDArray keys = managers.manager().create(c.keys, c.keyShape());
        ParameterStore store = new ParameterStore(managers.manager(), false);
        NDList byLengths = block.forward(store, new NDList(queries, keys, managers.manager().create(new int[] {3, 1})),
                false);
        NDList byMask = block.forward(store, new NDList(queries, keys, managers.manager().create(
                new boolean[][] {{true, true, true, false}, {true, false, false, false}})), false);
        assertArrayEquals(byLengths.get(0).toDoubleArray(), byMask.get(0).toDoubleArray(), 0.0);
        assertArrayEquals(byLengths.get(1).toBooleanArray(), byMask.get(1).toBooleanArray());
    }

    @Test
    void blockRejectsFeatureSizesItWasNotBuiltFor() {
        Case c = new Case(6, false);
        ScoreBlock block = initializedBlock(c);
        ParameterStore store = new ParameterStore(managers.manager(), false);
        NDManager m = managers.manager();
        NDArray queries = m.create(c.queries, c.queryShape());
        NDArray keys = m.create(c.keys, c.keyShape());
        var wideKeys = assertThrows(IllegalArgumentException.class, () -> block.forward(store,
                new NDList(queries, m.zeros(new Shape(BATCH, POSITIONS, keyFeatures() + 3), DataType.FLOAT64)), false));
        assertEquals("keys have " + (keyFeatures() + 3) + " features, the block was built for " + keyFeatures(),
                wideKeys.getMessage());
        var narrowQueries = assertThrows(IllegalArgumentException.class, () -> block.forward(store,
                new NDList(m.zeros(new Shape(BATCH, QUERIES, queryFeatures() - 1), DataType.FLOAT64), keys), false));
        assertEquals("queries have " + (queryFeatures() - 1) + " features, the block was built for " + queryFeatures(),
                narrowQueries.getMessage());
        var padding = assertThrows(IllegalArgumentException.class, () -> block.forward(store,
                new NDList(queries, keys, m.ones(new Shape(BATCH, POSITIONS + 1), DataType.BOOLEAN)), false));
        assertEquals("the padding must be a mask (B, L) = (2, 4) or lengths (B) = (2), got (2, 5)",
                padding.getMessage());
        var atInitialization = assertThrows(IllegalArgumentException.class, () -> block().initialize(
                m, DataType.FLOAT32, c.queryShape(), new Shape(BATCH, POSITIONS, keyFeatures() + 1)));
        assertEquals("keys have " + (keyFeatures() + 1) + " features, the block was built for " + keyFeatures(),
                atInitialization.getMessage());
        var count = assertThrows(IllegalArgumentException.class,
                () -> block.forward(store, new NDList(queries), false));
        assertEquals("a score block takes queries, keys and optionally a mask or lengths, got 1 inputs",
                count.getMessage());
    }

    @Test
    void functionRejectsMismatchedRanksBatchesAndDataTypes() {
        NDManager m = managers.manager();
        List<NDArray> parameters = new Case(7, false).arrays(m).subList(2, 2 + parameterShapes().size());
        NDArray queries = m.zeros(new Shape(BATCH, queryFeatures()), DataType.FLOAT64);
        NDArray keys = m.zeros(new Shape(BATCH, POSITIONS, keyFeatures()), DataType.FLOAT64);
        var rank = assertThrows(IllegalArgumentException.class,
                () -> apply(queries, m.zeros(new Shape(BATCH, keyFeatures()), DataType.FLOAT64), parameters));
        assertEquals("keys must have shape (B, L, dk), got (2, " + keyFeatures() + ")", rank.getMessage());
        var queryRank = assertThrows(IllegalArgumentException.class,
                () -> apply(m.zeros(new Shape(queryFeatures()), DataType.FLOAT64), keys, parameters));
        assertEquals("queries must have shape (B, dq) or (B, T, dq), got (" + queryFeatures() + ")",
                queryRank.getMessage());
        var batch = assertThrows(IllegalArgumentException.class, () -> apply(
                queries, m.zeros(new Shape(3, POSITIONS, keyFeatures()), DataType.FLOAT64), parameters));
        assertEquals("queries have batch size 2, keys 3 (queries (2, " + queryFeatures() + "), keys (3, 4, "
                + keyFeatures() + "))", batch.getMessage());
        var type = assertThrows(IllegalArgumentException.class,
                () -> apply(queries, keys.toType(DataType.FLOAT32, false), parameters));
        assertEquals("keys have data type float32, queries float64", type.getMessage());
    }

    @Test
    void kernelRejectsNaNAndRaggedKeys() {
        Case c = new Case(8, false);
        double[] query = Arrays.copyOf(c.queries, queryFeatures());
        double[][] keys = new double[POSITIONS][keyFeatures()];
        query[1] = Double.NaN;
        var nan = assertThrows(IllegalArgumentException.class, () -> kernel(query, keys, c.parameters));
        assertEquals("query must be finite, got NaN at [1]", nan.getMessage());
        query[1] = 0.0;
        keys[2] = new double[keyFeatures() + 1];
        var ragged = assertThrows(IllegalArgumentException.class, () -> kernel(query, keys, c.parameters));
        assertEquals("keys[2] has " + (keyFeatures() + 1) + " features, keys[0] " + keyFeatures(), ragged.getMessage());
        keys[2] = new double[keyFeatures()];
        keys[3][0] = Double.POSITIVE_INFINITY;
        var infinite = assertThrows(IllegalArgumentException.class, () -> kernel(query, keys, c.parameters));
        assertEquals("keys must be finite, got Infinity at [3, 0]", infinite.getMessage());
    }

    /** Autograd's gradient of each array against central differences: norm-wise relative error at most 1e-6. */
    private void assertGradientsAgree(List<NDArray> differentiated, List<double[]> numeric, String route) {
        for (int i = 0; i < differentiated.size(); i++) {
            double error = RelativeError.normwise(gradient(differentiated.get(i)), numeric.get(i));
            assertTrue(error <= 1e-6, route + ", " + argumentName(i) + ": relative error " + error);
        }
    }

    /**
     * The gradient as doubles. An array that autograd never reached gets float32 zeros from DJL, not float64; converted,
     * such a miss fails the comparison with "relative error 1.0" instead of a data-type exception.
     */
    private static double[] gradient(NDArray array) {
        return array.getGradient().toType(DataType.FLOAT64, false).toDoubleArray();
    }

    private String argumentName(int index) {
        return switch (index) {
            case 0 -> "queries";
            case 1 -> "keys";
            default -> "parameter " + (index - 2) + " " + parameterShapes().get(index - 2);
        };
    }

    /** A flat row-major array as a matrix. */
    static double[][] matrix(double[] flat, int rows, int cols) {
        double[][] m = new double[rows][];
        for (int i = 0; i < rows; i++) {
            m[i] = Arrays.copyOfRange(flat, i * cols, (i + 1) * cols);
        }
        return m;
    }
}
