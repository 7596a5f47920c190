package dev.fovea.models.shapes;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * One generated example of the shapes VQA task.
 *
 * <p>Arrays are shared, not copied, for speed in training loops: treat them as read-only. {@link #equals(Object)}
 * compares array contents, so two samples generated from the same (seed, index) are equal.
 *
 * @param seed      the dataset seed it was generated from
 * @param index     its index within that dataset, \( \ge 0 \)
 * @param config    the dataset geometry
 * @param rgb       the image, height × width × 3 (HWC), row-major with the row along \( y \) (top first), values in
 *                  \( [0, 1] \); length {@link ShapesConfig#pixelValueCount()}
 * @param question  the question asked
 * @param answer    the correct count, \( 0..\mathit{maxShapes} \)
 * @param relevance per grid cell (row-major, row = \( y \)), the fraction of its pixels covered by the shapes the
 *                  question counts; length {@link ShapesConfig#cellCount()}
 * @param shapes    the shapes drawn, in drawing order
 */
public record ShapesSample(long seed, int index, ShapesConfig config, float[] rgb, Question question, int answer,
        double[] relevance, List<PlacedShape> shapes) {

    /**
     * @throws IllegalArgumentException if an array length does not fit the config or the answer is out of range
     */
    public ShapesSample {
        Objects.requireNonNull(config, "config must not be null");
        Objects.requireNonNull(question, "question must not be null");
        shapes = List.copyOf(shapes);
        if (rgb.length != config.pixelValueCount()) {
            throw new IllegalArgumentException(
                    "rgb has " + rgb.length + " values, expected " + config.pixelValueCount());
        }
        if (relevance.length != config.cellCount()) {
            throw new IllegalArgumentException(
                    "relevance has " + relevance.length + " cells, expected " + config.cellCount());
        }
        if (answer < 0 || answer > config.maxShapes()) {
            throw new IllegalArgumentException("answer must be in 0.." + config.maxShapes() + ", got " + answer);
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ShapesSample s && seed == s.seed && index == s.index && answer == s.answer
                && config.equals(s.config) && question.equals(s.question) && shapes.equals(s.shapes)
                && Arrays.equals(rgb, s.rgb) && Arrays.equals(relevance, s.relevance);
    }

    @Override
    public int hashCode() {
        return Objects.hash(seed, index, config, question, answer, shapes, Arrays.hashCode(rgb),
                Arrays.hashCode(relevance));
    }

    @Override
    public String toString() {
        return "ShapesSample[seed=" + seed + ", index=" + index + ", question=" + question.text() + ", answer="
                + answer + ", shapes=" + shapes + "]";
    }
}
