package dev.fovea.attention.spatial;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Blocks;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import dev.fovea.attention.ManagerExtension;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The block: a localisation net initialised to the identity reproduces its input, and gradients reach it. */
class SpatialTransformerTest {

    @RegisterExtension
    final ManagerExtension managers = new ManagerExtension();

    @Test
    void anIdentityLocalisationReproducesTheInputAndLearnsFromTheOutput() {
        double[][][][] image = Arrays4.random(new SplittableRandom(6), 2, 3, 5, 4, -1, 1);
        for (GridGenerator generator : new GridGenerator[] {GridGenerator.affine(), new ScaleTranslation(),
                ThinPlateSpline.lattice(2), new Homography()}) {
            SequentialBlock localisation = new SequentialBlock().add(Blocks.batchFlattenBlock())
                    .add(Linear.builder().setUnits(generator.parameterCount()).build());
            SpatialTransformer transformer = new SpatialTransformer(localisation, generator, 5, 4,
                    SamplingMode.BILINEAR, Padding.BORDER, false);
            transformer.initialize(managers.manager(), DataType.FLOAT64, new Shape(2, 3, 5, 4));
            for (Parameter parameter : transformer.getParameters().values()) {
                NDArray value = parameter.getArray();
                value.set(parameter.getName().contains("bias")
                        ? managers.manager().create(generator.identity()).toDoubleArray()
                        : new double[Math.toIntExact(value.size())]);
            }
            NDArray input = Arrays4.array(managers.manager(), image);
            NDList output;
            try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                output = transformer.forward(new ParameterStore(managers.manager(), false), new NDList(input), true);
                collector.backward(output.get(0).mul(output.get(0)).sum());
            }
            assertEquals(new Shape(2, 3, 5, 4), output.get(0).getShape());
            assertEquals(new Shape(2, 5, 4, 2), output.get(1).getShape());
            assertArrayEquals(Arrays4.flat(image), output.get(0).toDoubleArray(), 1e-12, generator.toString());
            double norm = 0.0;
            for (Parameter parameter : transformer.getParameters().values()) {
                if (parameter.getName().contains("bias")) {
                    norm += parameter.getArray().getGradient().abs().sum().getDouble();
                }
            }
            assertTrue(norm > 0, "the localisation bias receives a gradient: " + generator);
        }
    }
}
