package dev.fovea.training;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import dev.fovea.models.shapes.ShapesDataset;
import dev.fovea.models.shapes.ShapesSample;
import dev.fovea.models.vqa.ShapesVqaNet;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * Trains a {@link ShapesVqaNet} on the shapes dataset.
 *
 * <p>Step \( k \) (0-based) uses dataset examples \( kB, \dots, kB + B - 1 \) of the config's seed, generated on the
 * fly; Adam with a fixed learning rate minimises the softmax cross-entropy of the answer logits. Parameters are
 * initialised by {@link SeededXavierInitializer} from the dataset seed (biases 0), so a config always gives the same
 * model on the same machine and thread count.
 *
 * <p>Metrics, in this order:
 * <ul>
 *   <li>{@value #LOSS}: mean training cross-entropy (nats) over the last {@value #LOSS_WINDOW} steps (all steps if
 *       fewer) — the final training loss, smoothed over batches;</li>
 *   <li>{@value #ACCURACY}: fraction of {@value #EVALUATION_SAMPLES} held-out examples (indices from
 *       \( 2^{30} \), never used for training) answered correctly;</li>
 *   <li>{@value #MAJORITY_ACCURACY}: the accuracy of always giving the most frequent held-out answer, the chance
 *       level to compare {@value #ACCURACY} with;</li>
 *   <li>{@value #ATTENTION_ON_RELEVANT}: over held-out examples whose answer is not 0 (the others have no relevant
 *       cell), the mean attention mass on cells with relevance \( &gt; 0 \).</li>
 * </ul>
 *
 * <p>Thread-safety: DJL allows one active gradient collector per JVM, so trainings are serialised on a global lock;
 * concurrent callers wait. Inference on other models is not blocked.
 */
public final class ShapesVqaTrainer {

    /** Metric name: smoothed final training loss. */
    public static final String LOSS = "loss";
    /** Metric name: held-out accuracy. */
    public static final String ACCURACY = "accuracy";
    /** Metric name: accuracy of the constant majority answer on the held-out set. */
    public static final String MAJORITY_ACCURACY = "majorityAccuracy";
    /** Metric name: mean held-out attention mass on relevant cells. */
    public static final String ATTENTION_ON_RELEVANT = "attentionOnRelevant";
    /** Held-out examples evaluated at the end. */
    public static final int EVALUATION_SAMPLES = 512;
    private static final int LOSS_WINDOW = 20;
    private static final int EVALUATION_BATCH = 128;
    private static final ReentrantLock GRADIENT_LOCK = new ReentrantLock();
    /**
     * Each gradient entry is clipped to \( [-c, c] \) before Adam sees it: a rare batch whose attention collapses can
     * otherwise send one gradient to infinity and every parameter to NaN a step later.
     */
    static final float GRADIENT_CLIP = 10f;

    private ShapesVqaTrainer() {
    }

    /** {@link #train(TrainingConfig, Consumer)} without progress reports. */
    public static TrainedModel train(TrainingConfig config) {
        return train(config, progress -> { });
    }

    /**
     * Trains a model.
     *
     * @param config   what to train
     * @param progress called on the calling thread after every step
     * @return the trained model; the caller closes it
     */
    public static TrainedModel train(TrainingConfig config, Consumer<TrainingProgress> progress) {
        Objects.requireNonNull(config, "config must not be null");
        Objects.requireNonNull(progress, "progress must not be null");
        ShapesDataset dataset = new ShapesDataset(config.dataset());
        ShapesVqaNet net = new ShapesVqaNet(config.dataset(), config.attentionKind());
        Model model = Model.newInstance(config.name(), Device.cpu());
        try {
            model.setBlock(net);
            DefaultTrainingConfig trainingConfig = new DefaultTrainingConfig(Loss.softmaxCrossEntropyLoss())
                    .optOptimizer(Optimizer.adam()
                            .optLearningRateTracker(Tracker.fixed((float) config.learningRate()))
                            .optClipGrad(GRADIENT_CLIP)
                            .build())
                    .optInitializer(new SeededXavierInitializer(config.datasetSeed()), Parameter.Type.WEIGHT)
                    .optDevices(new Device[] {Device.cpu()});
            double[] losses = new double[config.steps()];
            GRADIENT_LOCK.lock();
            try (Trainer trainer = model.newTrainer(trainingConfig)) {
                trainer.initialize(net.inputShapes(config.batchSize()));
                for (int step = 0; step < config.steps(); step++) {
                    losses[step] = step(trainer, dataset, config, step);
                    if (!Double.isFinite(losses[step])) {
                        throw new TrainingDivergedException(config, step, losses[step]);
                    }
                    progress.accept(new TrainingProgress(step + 1, config.steps(), losses[step]));
                }
            } finally {
                GRADIENT_LOCK.unlock();
            }
            Map<String, Double> metrics = new LinkedHashMap<>();
            metrics.put(LOSS, meanOfLast(losses, LOSS_WINDOW));
            metrics.putAll(evaluate(net, model.getNDManager(), dataset, config.datasetSeed()));
            return new TrainedModel(config, model, net, metrics, Instant.now());
        } catch (RuntimeException | Error e) {
            model.close();
            throw e;
        }
    }

    private static double step(Trainer trainer, ShapesDataset dataset, TrainingConfig config, int step) {
        int batch = config.batchSize();
        List<ShapesSample> samples = dataset.samples(config.datasetSeed(), Math.multiplyExact(step, batch), batch);
        try (NDManager manager = trainer.getManager().newSubManager()) {
            NDList inputs = inputs(manager, config, samples);
            NDArray labels = manager.create(samples.stream().mapToInt(ShapesSample::answer).toArray());
            double loss;
            try (GradientCollector collector = trainer.newGradientCollector()) {
                NDArray logits = trainer.forward(inputs).get(0);
                NDArray value = trainer.getLoss().evaluate(new NDList(labels), new NDList(logits));
                collector.backward(value);
                loss = value.getFloat();
            }
            trainer.step();
            return loss;
        }
    }

    private static NDList inputs(NDManager manager, TrainingConfig config, List<ShapesSample> samples) {
        return ShapesVqaNet.inputs(manager, config.dataset(), samples.stream().map(ShapesSample::rgb).toList(),
                samples.stream().map(ShapesSample::question).toList());
    }

    private static Map<String, Double> evaluate(ShapesVqaNet net, NDManager parent, ShapesDataset dataset, long seed) {
        int answers = dataset.config().answerCount();
        int cells = dataset.config().cellCount();
        int[] answerCounts = new int[answers];
        int correct = 0;
        double attentionOnRelevant = 0.0;
        int withRelevant = 0;
        for (int from = 0; from < EVALUATION_SAMPLES; from += EVALUATION_BATCH) {
            int count = Math.min(EVALUATION_BATCH, EVALUATION_SAMPLES - from);
            List<ShapesSample> samples = dataset.samples(seed, TrainingConfig.HELD_OUT_START + from, count);
            try (NDManager manager = parent.newSubManager()) {
                NDList outputs = net.forward(new ParameterStore(manager, false), ShapesVqaNet.inputs(manager,
                        dataset.config(), samples.stream().map(ShapesSample::rgb).toList(),
                        samples.stream().map(ShapesSample::question).toList()), false);
                long[] predicted = outputs.get(0).argMax(1).toLongArray();
                float[] attention = outputs.get(1).toFloatArray();
                for (int b = 0; b < count; b++) {
                    ShapesSample sample = samples.get(b);
                    answerCounts[sample.answer()]++;
                    correct += predicted[b] == sample.answer() ? 1 : 0;
                    if (sample.answer() > 0) {
                        double mass = 0.0;
                        for (int l = 0; l < cells; l++) {
                            mass += sample.relevance()[l] > 0 ? attention[b * cells + l] : 0.0;
                        }
                        attentionOnRelevant += mass;
                        withRelevant++;
                    }
                }
            }
        }
        int majority = 0;
        for (int count : answerCounts) {
            majority = Math.max(majority, count);
        }
        Map<String, Double> metrics = new LinkedHashMap<>();
        metrics.put(ACCURACY, (double) correct / EVALUATION_SAMPLES);
        metrics.put(MAJORITY_ACCURACY, (double) majority / EVALUATION_SAMPLES);
        metrics.put(ATTENTION_ON_RELEVANT, withRelevant == 0 ? 0.0 : attentionOnRelevant / withRelevant);
        return metrics;
    }

    private static double meanOfLast(double[] values, int window) {
        int from = Math.max(0, values.length - window);
        double sum = 0.0;
        for (int i = from; i < values.length; i++) {
            sum += values[i];
        }
        return sum / (values.length - from);
    }
}
