package dev.fovea.math;

import java.util.Objects;

/**
 * The log-sum-exp reduction \( \operatorname{LSE}(x) = \log \sum_{i} e^{x_i} \), computed without overflow.
 *
 * <p>With \( m = \max_i x_i \) attained at index \( k \), the kernel evaluates
 * \[ \operatorname{LSE}(x) = m + \operatorname{log1p}\Big( \sum_{i \ne k} e^{x_i - m} \Big), \]
 * so every exponent is \( \le 0 \) (no overflow), and the dominant term contributes exactly 1 through
 * {@code log1p} instead of being rounded into the sum (which keeps full relative accuracy when the other terms are
 * tiny, e.g. \( \operatorname{LSE}(0, -40) = 4.2 \cdot 10^{-18} \) rather than 0).
 *
 * <p>Special values:
 * <ul>
 *   <li>\( -\infty \) entries are allowed and contribute \( e^{-\infty} = 0 \); if all entries are \( -\infty \) the
 *       result is \( -\infty \) (the log of an empty sum), never NaN — the failure behind entmax issues #9/#16/#17.</li>
 *   <li>any \( +\infty \) entry gives \( +\infty \).</li>
 *   <li>NaN entries are rejected with {@link IllegalArgumentException} naming the first index; an empty input is
 *       rejected as well, because \( \log 0 = -\infty \) for an empty sum is more often a bug than an intent.</li>
 * </ul>
 *
 * <p>Rounding: the sum \( s \) of the \( n - 1 \) shifted terms has relative error at most about
 * \( (n - 1)\,\varepsilon \), \( \varepsilon = 2^{-53} \); since \( s\,\tfrac{d}{ds}\operatorname{log1p}(s) &lt; 1 \), that
 * becomes an absolute error below \( (n - 1)\,\varepsilon \) in the result, plus the rounding of the final
 * addition of \( m \). Stateless and thread-safe.
 */
public final class LogSumExp {

    private LogSumExp() {
    }

    /**
     * Log-sum-exp of all entries.
     *
     * @param x the values, length \( n \ge 1 \); entries may be \( \pm\infty \) but not NaN
     * @return \( \log \sum_i e^{x_i} \)
     * @throws NullPointerException     if {@code x} is null
     * @throws IllegalArgumentException if {@code x} is empty or contains NaN ({@code "x must not contain NaN, got NaN at [3]"})
     */
    public static double of(double... x) {
        Objects.requireNonNull(x, "x must not be null");
        return of(x, 0, x.length);
    }

    /**
     * Log-sum-exp of the entries {@code x[from]}, …, {@code x[to - 1]}.
     *
     * @param x    the values; entries in range may be \( \pm\infty \) but not NaN
     * @param from first index, inclusive
     * @param to   last index, exclusive; {@code to > from}
     * @return \( \log \sum_{i = \mathit{from}}^{\mathit{to} - 1} e^{x_i} \)
     * @throws NullPointerException      if {@code x} is null
     * @throws IndexOutOfBoundsException if the range does not lie within {@code x}
     * @throws IllegalArgumentException  if the range is empty or contains NaN (the message gives the index in {@code x})
     */
    public static double of(double[] x, int from, int to) {
        Objects.requireNonNull(x, "x must not be null");
        Objects.checkFromToIndex(from, to, x.length);
        if (from == to) {
            throw new IllegalArgumentException(
                    "x must have at least one entry in [from, to), got the empty range [" + from + ", " + to + ")");
        }
        int argmax = from;
        double max = x[from];
        for (int i = from; i < to; i++) {
            double v = x[i];
            if (Double.isNaN(v)) {
                throw new IllegalArgumentException("x must not contain NaN, got NaN at [" + i + "]");
            }
            if (v > max) {
                max = v;
                argmax = i;
            }
        }
        // Both infinite cases must return before the shift: (-∞) - (-∞) and ∞ - ∞ are NaN.
        if (max == Double.NEGATIVE_INFINITY || max == Double.POSITIVE_INFINITY) {
            return max;
        }
        double rest = 0.0;
        for (int i = from; i < to; i++) {
            if (i != argmax) {
                rest += Math.exp(x[i] - max);
            }
        }
        return max + Math.log1p(rest);
    }
}
