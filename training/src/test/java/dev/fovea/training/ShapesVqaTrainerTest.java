package dev.fovea.training;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.training.ParameterStore;
import dev.fovea.models.shapes.ShapesConfig;
import dev.fovea.models.shapes.ShapesDataset;
import dev.fovea.models.shapes.ShapesSample;
import dev.fovea.models.vqa.AttentionKind;
import dev.fovea.models.vqa.ShapesVqaNet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ShapesVqaTrainerTest {

    /**
     * 300 steps (the default) of either kind: observed with seeds 1–3 on a 2-core machine, the loss fell from about
     * 1.3–1.4 over the first 10 steps to 0.86–0.92 and held-out accuracy beat the majority answer by 0.070–0.092, in
     * 1–2 s. The asserted margins are well inside that.
     */
    @ParameterizedTest
    @EnumSource(AttentionKind.class)
    void aShortRunLowersTheLossAndBeatsTheMajorityAnswer(AttentionKind kind) {
        List<TrainingProgress> progress = new ArrayList<>();
        TrainingConfig config = TrainingConfig.defaults("learns-" + kind.id(), kind, 1);
        try (TrainedModel model = ShapesVqaTrainer.train(config, progress::add)) {
            assertEquals(config.steps(), progress.size());
            assertEquals(1, progress.getFirst().step());
            assertEquals(config.steps(), progress.getLast().step());
            double firstLoss = progress.subList(0, 10).stream().mapToDouble(TrainingProgress::loss).average()
                    .orElseThrow();
            var metrics = model.metrics();
            assertEquals(List.of(ShapesVqaTrainer.LOSS, ShapesVqaTrainer.ACCURACY, ShapesVqaTrainer.MAJORITY_ACCURACY,
                    ShapesVqaTrainer.ATTENTION_ON_RELEVANT), List.copyOf(metrics.keySet()));
            assertTrue(metrics.get(ShapesVqaTrainer.LOSS) < firstLoss - 0.25,
                    kind + ": loss " + firstLoss + " -> " + metrics);
            assertTrue(metrics.get(ShapesVqaTrainer.ACCURACY) >= metrics.get(ShapesVqaTrainer.MAJORITY_ACCURACY) + 0.03,
                    kind + ": " + metrics);
            double attention = metrics.get(ShapesVqaTrainer.ATTENTION_ON_RELEVANT);
            assertTrue(attention > 0 && attention <= 1, kind + ": " + metrics);
        }
    }

    @Test
    void trainingIsDeterministicInTheConfig() {
        TrainingConfig config = TrainingConfig.defaults("twice", AttentionKind.CONTINUOUS_SOFTMAX, 1).withSteps(25);
        ShapesSample probe = new ShapesDataset(ShapesConfig.DEFAULT).sample(99, 0);
        List<Double> firstLosses = new ArrayList<>();
        List<Double> secondLosses = new ArrayList<>();
        Map<String, Double> firstMetrics;
        try (TrainedModel first = ShapesVqaTrainer.train(config, p -> firstLosses.add(p.loss()));
                TrainedModel second = ShapesVqaTrainer.train(config, p -> secondLosses.add(p.loss()))) {
            // Equal up to the order of floating-point reductions: libtorch's intra-op threads may split a sum
            // differently on a loaded machine (seen: the 7th digit). Another seed differs in the 1st digit.
            assertEquals(firstLosses.size(), secondLosses.size());
            for (int i = 0; i < firstLosses.size(); i++) {
                assertEquals(firstLosses.get(i), secondLosses.get(i), 1e-5 * Math.abs(firstLosses.get(i)),
                        "loss at step " + i);
            }
            assertEquals(first.metrics().keySet(), second.metrics().keySet());
            first.metrics().forEach((name, value) -> assertEquals(value, second.metrics().get(name), 1e-3, name));
            firstMetrics = first.metrics();
            assertArrayEquals(logits(first, probe), logits(second, probe), 1e-4f);
        }
        try (TrainedModel other = ShapesVqaTrainer.train(config.withDatasetSeed(2))) {
            assertNotEquals(firstMetrics, other.metrics(), "another seed trains another model");
        }
    }

    private static float[] logits(TrainedModel model, ShapesSample probe) {
        try (NDManager manager = model.model().getNDManager().newSubManager()) {
            NDList inputs = ShapesVqaNet.inputs(manager, model.config().dataset(), List.of(probe.rgb()),
                    List.of(probe.question()));
            return model.net().forward(new ParameterStore(manager, false), inputs, false).get(0).toFloatArray();
        }
    }
}
