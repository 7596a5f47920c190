package dev.fovea.models.shapes;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * The synthetic "shapes" VQA dataset: counting questions about coloured squares and circles on a dark background,
 * with the ground-truth relevance of every grid cell. Generated in code, with no files: sample
 * \( (\mathit{seed}, \mathit{index}) \) is a pure function of those two numbers and the config.
 *
 * <p>Generation of one sample, from a {@link SplittableRandom} seeded with a SplitMix64 mix of seed and index:
 * <ol>
 *   <li>\( n \) uniform in \( 1..\mathit{maxShapes} \) shapes, each of uniform kind and colour, at a uniform pixel
 *       position with the box inside the image and at least 1 px from every other box (rejection sampling, at most
 *       1,000 tries per shape; {@link ShapesConfig} bounds the packing so that this practically never gives up, and
 *       if it does the image simply holds fewer shapes);</li>
 *   <li>the question: with probability 3/4 it is about one of the drawn shapes (its colour kept with probability
 *       2/3, its kind with probability 2/3), otherwise uniform over {@link Question#all()}; this keeps answers
 *       of 1 and more common than the uniform choice would;</li>
 *   <li>the answer: the number of drawn shapes the question {@link Question#matches matches}.</li>
 * </ol>
 *
 * <p>Immutable and thread-safe.
 */
public final class ShapesDataset {

    /** RGB of the background, dark and grey. */
    private static final float[] BACKGROUND = {0.06f, 0.06f, 0.08f};
    private static final int MAX_TRIES = 1_000;

    private final ShapesConfig config;

    /**
     * @param config the geometry
     */
    public ShapesDataset(ShapesConfig config) {
        this.config = Objects.requireNonNull(config, "config must not be null");
    }

    /** The geometry. */
    public ShapesConfig config() {
        return config;
    }

    /**
     * Sample {@code index} of the dataset with seed {@code seed}.
     *
     * @throws IllegalArgumentException if {@code index < 0}
     */
    public ShapesSample sample(long seed, int index) {
        if (index < 0) {
            throw new IllegalArgumentException("index must be >= 0, got " + index);
        }
        SplittableRandom random = new SplittableRandom(mix(seed, index));
        List<PlacedShape> shapes = placeShapes(random);
        Question question = chooseQuestion(random, shapes);
        int answer = (int) shapes.stream().filter(question::matches).count();
        return new ShapesSample(seed, index, config, render(shapes), question, answer, relevance(shapes, question),
                shapes);
    }

    /** Samples {@code fromIndex}, …, {@code fromIndex + count - 1}. */
    public List<ShapesSample> samples(long seed, int fromIndex, int count) {
        List<ShapesSample> samples = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            samples.add(sample(seed, Math.addExact(fromIndex, i)));
        }
        return samples;
    }

    private List<PlacedShape> placeShapes(SplittableRandom random) {
        int count = 1 + random.nextInt(config.maxShapes());
        int size = config.shapeSize();
        int span = config.imageSize() - size + 1;
        List<PlacedShape> shapes = new ArrayList<>(count);
        ShapeKind[] kinds = ShapeKind.values();
        Colour[] colours = Colour.values();
        for (int i = 0; i < count; i++) {
            ShapeKind kind = kinds[random.nextInt(kinds.length)];
            Colour colour = colours[random.nextInt(colours.length)];
            for (int attempt = 0; attempt < MAX_TRIES; attempt++) {
                PlacedShape candidate = new PlacedShape(kind, colour, random.nextInt(span), random.nextInt(span), size);
                if (shapes.stream().noneMatch(s -> s.overlaps(candidate, 1))) {
                    shapes.add(candidate);
                    break;
                }
            }
        }
        return shapes;
    }

    private static Question chooseQuestion(SplittableRandom random, List<PlacedShape> shapes) {
        if (random.nextInt(4) < 3) {
            PlacedShape about = shapes.get(random.nextInt(shapes.size()));
            Colour colour = random.nextInt(3) < 2 ? about.colour() : null;
            ShapeKind kind = random.nextInt(3) < 2 ? about.kind() : null;
            return Question.of(colour, kind);
        }
        List<Question> all = Question.all();
        return all.get(random.nextInt(all.size()));
    }

    private float[] render(List<PlacedShape> shapes) {
        int side = config.imageSize();
        float[] rgb = new float[config.pixelValueCount()];
        for (int p = 0; p < side * side; p++) {
            System.arraycopy(BACKGROUND, 0, rgb, 3 * p, 3);
        }
        for (PlacedShape shape : shapes) {
            float[] colour = shape.colour().rgb();
            for (int py = shape.y(); py < shape.y() + shape.size(); py++) {
                for (int px = shape.x(); px < shape.x() + shape.size(); px++) {
                    if (shape.covers(px, py)) {
                        System.arraycopy(colour, 0, rgb, 3 * (py * side + px), 3);
                    }
                }
            }
        }
        return rgb;
    }

    private double[] relevance(List<PlacedShape> shapes, Question question) {
        int cell = config.cellSize();
        double[] relevance = new double[config.cellCount()];
        for (PlacedShape shape : shapes) {
            if (!question.matches(shape)) {
                continue;
            }
            for (int py = shape.y(); py < shape.y() + shape.size(); py++) {
                for (int px = shape.x(); px < shape.x() + shape.size(); px++) {
                    if (shape.covers(px, py)) {
                        relevance[(py / cell) * config.grid() + px / cell] += 1.0;
                    }
                }
            }
        }
        for (int i = 0; i < relevance.length; i++) {
            relevance[i] /= cell * cell;
        }
        return relevance;
    }

    /** SplitMix64's finaliser over seed and index, so that neighbouring indices give unrelated streams. */
    private static long mix(long seed, int index) {
        long z = seed * 0x9E3779B97F4A7C15L + index + 0x632BE59BD9B4E019L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
