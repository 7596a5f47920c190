package dev.fovea.attention.discrete;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import dev.fovea.attention.ManagerExtension;
import java.util.OptionalDouble;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The sealed mapping type: factories, {@code parse}, and the guarantees every member shares. */
class SimplexMappingTest {

    @RegisterExtension
    final ManagerExtension managers = new ManagerExtension();

    static Stream<SimplexMapping> mappings() {
        return Stream.of(SimplexMapping.softmax(), SimplexMapping.sparsemax(), SimplexMapping.entmax15(),
                SimplexMapping.entmax(1.3), SimplexMapping.entmax(2.5));
    }

    @Test
    void parseReturnsTheFactoriesMappings() {
        assertSame(SimplexMapping.softmax(), SimplexMapping.parse("softmax", OptionalDouble.empty()));
        assertSame(SimplexMapping.sparsemax(), SimplexMapping.parse("sparsemax", OptionalDouble.empty()));
        assertSame(SimplexMapping.entmax15(), SimplexMapping.parse("entmax15", OptionalDouble.empty()));
        assertEquals(SimplexMapping.entmax(1.3), SimplexMapping.parse("entmax", OptionalDouble.of(1.3)));
        assertEquals(new SimplexMapping.EntmaxMapping(1.3), SimplexMapping.entmax(1.3));
    }

    @Test
    void idsAndNames() {
        assertEquals("softmax sparsemax entmax15 entmax", String.join(" ", mappings().limit(4).map(SimplexMapping::id).toList()));
        assertEquals("[softmax, sparsemax, entmax15, entmax(alpha=1.3), entmax(alpha=2.5)]",
                mappings().toList().toString());
    }

    @Test
    void parseRejectsUnknownIdsAndMisplacedOrMissingAlpha() {
        var unknown = assertThrows(IllegalArgumentException.class,
                () -> SimplexMapping.parse("sparsemx", OptionalDouble.empty()));
        assertEquals("unknown simplex mapping 'sparsemx', expected one of softmax, sparsemax, entmax15, entmax",
                unknown.getMessage());
        var extra = assertThrows(IllegalArgumentException.class,
                () -> SimplexMapping.parse("sparsemax", OptionalDouble.of(1.5)));
        assertEquals("simplex mapping 'sparsemax' takes no alpha, got alpha = 1.5 (use 'entmax' for a chosen alpha)",
                extra.getMessage());
        var missing = assertThrows(IllegalArgumentException.class,
                () -> SimplexMapping.parse("entmax", OptionalDouble.empty()));
        assertEquals("simplex mapping 'entmax' needs alpha > 1", missing.getMessage());
        var one = assertThrows(IllegalArgumentException.class, () -> SimplexMapping.parse("entmax", OptionalDouble.of(1.0)));
        assertEquals("alpha must be > 1 (alpha = 1 is softmax: use SimplexMapping.softmax()), got 1.0", one.getMessage());
        assertThrows(NullPointerException.class, () -> SimplexMapping.parse(null, OptionalDouble.empty()));
    }

    @Test
    void entmaxAtTwoAndAtOneAndAHalfAgreesWithTheSortBasedMappings() {
        double[] s = {0.7, -0.2, 0.4, 0.45, -1.5, 0.0};
        assertArrayEquals(SimplexMapping.sparsemax().probabilities(s), SimplexMapping.entmax(2.0).probabilities(s), 1e-15);
        assertArrayEquals(SimplexMapping.entmax15().probabilities(s), SimplexMapping.entmax(1.5).probabilities(s), 1e-15);
    }

    @ParameterizedTest
    @MethodSource("mappings")
    void everyRouteOfAMappingAgrees(SimplexMapping mapping) {
        double[][] s = {{0.3, -0.1, 0.25, Double.NEGATIVE_INFINITY}, {2.0, 1.9, -0.4, 0.0}};
        NDArray scores = managers.manager().create(s);
        double[] unmasked = mapping.apply(scores, 1).toDoubleArray();
        double[] masked = mapping.apply(scores, managers.manager().ones(scores.getShape(), DataType.BOOLEAN), 1)
                .toDoubleArray();
        for (int b = 0; b < 2; b++) {
            double[] kernel = mapping.probabilities(s[b]);
            for (int i = 0; i < 4; i++) {
                assertEquals(kernel[i], unmasked[4 * b + i], 1e-14);
                assertEquals(kernel[i], masked[4 * b + i], 1e-14);
            }
        }
        double[] p = mapping.probabilities(s[1]);
        double[] jvp = mapping.jacobianVectorProduct(p, new double[] {1, 1, 1, 1});
        assertArrayEquals(new double[4], jvp, 1e-15);
    }

    @ParameterizedTest
    @MethodSource("mappings")
    void aSliceOfMinusInfinityIsZerosInBothNDArrayForms(SimplexMapping mapping) {
        double inf = Double.NEGATIVE_INFINITY;
        NDArray scores = managers.manager().create(new double[][] {{inf, inf, inf}, {0.0, inf, 1.0}});
        double[] p = mapping.apply(scores, 1).toDoubleArray();
        assertArrayEquals(new double[] {0, 0, 0}, java.util.Arrays.copyOf(p, 3), 0.0);
        double[] q = mapping.apply(scores, managers.manager().create(new boolean[][] {{true, true, true}, {false, false, false}}), 1)
                .toDoubleArray();
        assertArrayEquals(new double[6], q, 0.0);
    }
}
