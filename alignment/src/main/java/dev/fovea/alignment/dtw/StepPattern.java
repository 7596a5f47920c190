package dev.fovea.alignment.dtw;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A local constraint: the steps a warping path may take into cell \( (i, j) \) and the weights with which the cells of
 * each step are charged, in the notation of Giorgino (J. Stat. Softw. 31(7), 2009, §3.2) and R/Python {@code dtw}.
 *
 * <p>A step \( s \) starts at \( (i - a_s, j - b_s) \) and charges the cells \( (i - a_{s,k}, j - b_{s,k}) \) with
 * weights \( w_{s,k} \), the last being \( (i, j) \) itself. The accumulated cost is
 * \[ D(i, j) = \min_s \Big\{ D(i - a_s, j - b_s) + \sum_k w_{s,k}\, c(i - a_{s,k}, j - b_{s,k}) \Big\},
 *    \qquad D(0, 0) = c(0, 0), \]
 * so the cost of a path is its start cell's local cost (weight 1) plus, for every step, the weighted local costs of
 * the cells it charges. Steps are tried in the listed order and a later one replaces an earlier only if strictly
 * cheaper, which fixes the path among ties.
 *
 * <p>The {@linkplain Normalization normalisation} is the divisor of {@code normalizedCost}, as {@code dtw} defines
 * it: {@code N+M} (\( n + m \)) for symmetric2 and the symmetric P-families, {@code N} (\( n = |x| \)) for the
 * asymmetric ones, none for symmetric1 (its path costs are not comparable across lengths).
 *
 * <p>Predefined patterns (weights exactly as Sakoe &amp; Chiba 1978, Table I, transcribed by {@code dtw}):
 * {@link #symmetric1()}, {@link #symmetric2()}, {@link #asymmetric()}, {@link #symmetricP0()},
 * {@link #asymmetricP0()}, {@link #symmetricP05()}, {@link #asymmetricP05()}, {@link #symmetricP1()},
 * {@link #asymmetricP1()}, {@link #symmetricP2()}, {@link #asymmetricP2()} and the Rabiner–Juang family
 * {@link #rabinerJuang(int, char, boolean)}. Immutable and thread-safe.
 */
public final class StepPattern {

    /** The divisor of the normalised cost. */
    public enum Normalization {
        /** Not normalisable: {@code normalizedCost} is NaN. */
        NONE,
        /** Divided by \( n \), the length of \( x \). */
        N,
        /** Divided by \( n + m' \), where \( m' \) is the number of columns up to the path's end. */
        N_PLUS_M
    }

    /**
     * One step: its start offset and the cells it charges.
     *
     * @param rowBack    \( a_s \ge 0 \): the step starts in row \( i - a_s \)
     * @param columnBack \( b_s \ge 0 \): the step starts in column \( j - b_s \); \( a_s + b_s \ge 1 \)
     * @param cellRowBack    \( a_{s,k} \), decreasing to 0
     * @param cellColumnBack \( b_{s,k} \), decreasing to 0
     * @param weights        \( w_{s,k} \ge 0 \)
     */
    public record Step(int rowBack, int columnBack, int[] cellRowBack, int[] cellColumnBack, double[] weights) {

        public Step {
            cellRowBack = cellRowBack.clone();
            cellColumnBack = cellColumnBack.clone();
            weights = weights.clone();
        }

        @Override
        public int[] cellRowBack() {
            return cellRowBack.clone();
        }

        @Override
        public int[] cellColumnBack() {
            return cellColumnBack.clone();
        }

        @Override
        public double[] weights() {
            return weights.clone();
        }

        /** The number of charged cells. */
        public int cellCount() {
            return weights.length;
        }

        int rowBackOf(int k) {
            return cellRowBack[k];
        }

        int columnBackOf(int k) {
            return cellColumnBack[k];
        }

        double weightOf(int k) {
            return weights[k];
        }
    }

    private final String name;
    private final Normalization normalization;
    private final List<Step> steps;

    private StepPattern(String name, Normalization normalization, List<Step> steps) {
        this.name = name;
        this.normalization = normalization;
        this.steps = List.copyOf(steps);
    }

    /** The name as in {@code dtw}, e.g. {@code "symmetricP05"}. */
    public String name() {
        return name;
    }

    /** The divisor of the normalised cost. */
    public Normalization normalization() {
        return normalization;
    }

    /** The steps in the order they are tried. */
    public List<Step> steps() {
        return steps;
    }

    @Override
    public String toString() {
        return name;
    }

    /** Patterns are equal when their names are: every factory gives its pattern a distinct name. */
    @Override
    public boolean equals(Object other) {
        return other instanceof StepPattern that && name.equals(that.name);
    }

    @Override
    public int hashCode() {
        return name.hashCode();
    }

    /**
     * Builds a pattern from rows {@code (step, a, b, w)} as printed in {@code dtw}: the first row of each step is its
     * start \( (a_s, b_s) \) (weight −1), the following rows the charged cells.
     */
    private static StepPattern table(String name, Normalization normalization, double... rows) {
        List<Step> steps = new ArrayList<>();
        int r = 0;
        while (r < rows.length) {
            int id = (int) rows[r];
            int a = (int) rows[r + 1];
            int b = (int) rows[r + 2];
            r += 4;
            List<double[]> cells = new ArrayList<>();
            while (r < rows.length && (int) rows[r] == id) {
                cells.add(new double[] {rows[r + 1], rows[r + 2], rows[r + 3]});
                r += 4;
            }
            int[] ra = new int[cells.size()];
            int[] cb = new int[cells.size()];
            double[] w = new double[cells.size()];
            for (int k = 0; k < cells.size(); k++) {
                ra[k] = (int) cells.get(k)[0];
                cb[k] = (int) cells.get(k)[1];
                w[k] = cells.get(k)[2];
            }
            steps.add(new Step(a, b, ra, cb, w));
        }
        return new StepPattern(name, normalization, steps);
    }

    /**
     * Steps \( (1,1), (1,0), (0,1) \), each charging its end cell once: \( D(i,j) = c(i,j) + \min\{D(i-1,j-1),
     * D(i-1,j), D(i,j-1)\} \). Not normalisable. The diagonal is tried first, then \( (1, 0) \), as in
     * {@link Dtw#align(double[], double[])}.
     */
    public static StepPattern symmetric1() {
        return table("symmetric1", Normalization.NONE,
                1, 1, 1, -1, 1, 0, 0, 1,
                2, 1, 0, -1, 2, 0, 0, 1,
                3, 0, 1, -1, 3, 0, 0, 1);
    }

    /** Like symmetric1 but the diagonal charges its cell twice; normalised by \( n + m \). */
    public static StepPattern symmetric2() {
        return table("symmetric2", Normalization.N_PLUS_M,
                1, 1, 1, -1, 1, 0, 0, 2,
                2, 1, 0, -1, 2, 0, 0, 1,
                3, 0, 1, -1, 3, 0, 0, 1);
    }

    /**
     * Steps \( (1,0), (1,1), (1,2) \), each charging its end cell once: every row is visited exactly once, columns may
     * be skipped (the path then jumps over them); normalised by \( n \). Needs \( m \le 2n - 1 \).
     */
    public static StepPattern asymmetric() {
        return table("asymmetric", Normalization.N,
                1, 1, 0, -1, 1, 0, 0, 1,
                2, 1, 1, -1, 2, 0, 0, 1,
                3, 1, 2, -1, 3, 0, 0, 1);
    }

    /** Sakoe–Chiba symmetric P = 0: the same as {@link #symmetric2()}, named {@code symmetricP0}. */
    public static StepPattern symmetricP0() {
        StepPattern s = symmetric2();
        return new StepPattern("symmetricP0", s.normalization, s.steps);
    }

    /** Sakoe–Chiba asymmetric P = 0: \( (0,1) \) weight 0, \( (1,1) \) and \( (1,0) \) weight 1; normalised by \( n \). */
    public static StepPattern asymmetricP0() {
        return table("asymmetricP0", Normalization.N,
                1, 0, 1, -1, 1, 0, 0, 0,
                2, 1, 1, -1, 2, 0, 0, 1,
                3, 1, 0, -1, 3, 0, 0, 1);
    }

    /** Sakoe–Chiba symmetric P = 1/2 (slope between 1/3 and 3); normalised by \( n + m \). */
    public static StepPattern symmetricP05() {
        return table("symmetricP05", Normalization.N_PLUS_M,
                1, 1, 3, -1, 1, 0, 2, 2, 1, 0, 1, 1, 1, 0, 0, 1,
                2, 1, 2, -1, 2, 0, 1, 2, 2, 0, 0, 1,
                3, 1, 1, -1, 3, 0, 0, 2,
                4, 2, 1, -1, 4, 1, 0, 2, 4, 0, 0, 1,
                5, 3, 1, -1, 5, 2, 0, 2, 5, 1, 0, 1, 5, 0, 0, 1);
    }

    /** Sakoe–Chiba asymmetric P = 1/2; normalised by \( n \). */
    public static StepPattern asymmetricP05() {
        return table("asymmetricP05", Normalization.N,
                1, 1, 3, -1, 1, 0, 2, 1.0 / 3, 1, 0, 1, 1.0 / 3, 1, 0, 0, 1.0 / 3,
                2, 1, 2, -1, 2, 0, 1, 0.5, 2, 0, 0, 0.5,
                3, 1, 1, -1, 3, 0, 0, 1,
                4, 2, 1, -1, 4, 1, 0, 1, 4, 0, 0, 1,
                5, 3, 1, -1, 5, 2, 0, 1, 5, 1, 0, 1, 5, 0, 0, 1);
    }

    /** Sakoe–Chiba symmetric P = 1 (slope between 1/2 and 2); normalised by \( n + m \). */
    public static StepPattern symmetricP1() {
        return table("symmetricP1", Normalization.N_PLUS_M,
                1, 1, 2, -1, 1, 0, 1, 2, 1, 0, 0, 1,
                2, 1, 1, -1, 2, 0, 0, 2,
                3, 2, 1, -1, 3, 1, 0, 2, 3, 0, 0, 1);
    }

    /** Sakoe–Chiba asymmetric P = 1; normalised by \( n \). */
    public static StepPattern asymmetricP1() {
        return table("asymmetricP1", Normalization.N,
                1, 1, 2, -1, 1, 0, 1, 0.5, 1, 0, 0, 0.5,
                2, 1, 1, -1, 2, 0, 0, 1,
                3, 2, 1, -1, 3, 1, 0, 1, 3, 0, 0, 1);
    }

    /** Sakoe–Chiba symmetric P = 2 (slope between 2/3 and 3/2); normalised by \( n + m \). */
    public static StepPattern symmetricP2() {
        return table("symmetricP2", Normalization.N_PLUS_M,
                1, 2, 3, -1, 1, 1, 2, 2, 1, 0, 1, 2, 1, 0, 0, 1,
                2, 1, 1, -1, 2, 0, 0, 2,
                3, 3, 2, -1, 3, 2, 1, 2, 3, 1, 0, 2, 3, 0, 0, 1);
    }

    /** Sakoe–Chiba asymmetric P = 2; normalised by \( n \). */
    public static StepPattern asymmetricP2() {
        return table("asymmetricP2", Normalization.N,
                1, 2, 3, -1, 1, 1, 2, 2.0 / 3, 1, 0, 1, 2.0 / 3, 1, 0, 0, 2.0 / 3,
                2, 1, 1, -1, 2, 0, 0, 1,
                3, 3, 2, -1, 3, 2, 1, 1, 3, 1, 0, 1, 3, 0, 0, 1);
    }

    /**
     * The Rabiner–Juang local constraints (Rabiner &amp; Juang, <i>Fundamentals of Speech Recognition</i>, 1993,
     * Table 4.5), built as {@code dtw}'s {@code rabinerJuangStepPattern}: each branch is a chain of unit moves
     * \( (\delta i, \delta j) \); a move is weighted by \( \min(\delta i, \delta j) \) (slope weighting {@code 'a'}),
     * \( \max \) ({@code 'b'}), \( \delta i \) ({@code 'c'}, normalised by \( n \)) or \( \delta i + \delta j \)
     * ({@code 'd'}, normalised by \( n + m \)); {@code smoothed} replaces each branch's weights by their mean.
     *
     * @param type      1 to 7 (Roman I–VII)
     * @param weighting {@code 'a'}, {@code 'b'}, {@code 'c'} or {@code 'd'}
     * @throws IllegalArgumentException {@code "type must be in 1..7, got 8"}, {@code "weighting must be a, b, c or d"}
     */
    public static StepPattern rabinerJuang(int type, char weighting, boolean smoothed) {
        if (type < 1 || type > 7) {
            throw new IllegalArgumentException("type must be in 1..7, got " + type);
        }
        if (weighting < 'a' || weighting > 'd') {
            throw new IllegalArgumentException("weighting must be a, b, c or d, got " + weighting);
        }
        int[][][] branches = switch (type) {
            case 1 -> new int[][][] {{{1, 0}}, {{1, 1}}, {{0, 1}}};
            case 2 -> new int[][][] {{{1, 1}, {1, 0}}, {{1, 1}}, {{1, 1}, {0, 1}}};
            case 3 -> new int[][][] {{{2, 1}}, {{1, 1}}, {{1, 2}}};
            case 4 -> new int[][][] {{{1, 1}, {1, 0}}, {{1, 2}, {1, 0}}, {{1, 1}}, {{1, 2}}};
            case 5 -> new int[][][] {{{1, 1}, {1, 0}, {1, 0}}, {{1, 1}, {1, 0}}, {{1, 1}}, {{1, 1}, {0, 1}},
                {{1, 1}, {0, 1}, {0, 1}}};
            case 6 -> new int[][][] {{{1, 1}, {1, 1}, {1, 0}}, {{1, 1}}, {{1, 1}, {1, 1}, {0, 1}}};
            default -> new int[][][] {{{1, 1}, {1, 0}, {1, 0}}, {{1, 2}, {1, 0}, {1, 0}}, {{1, 3}, {1, 0}, {1, 0}},
                {{1, 1}, {1, 0}}, {{1, 2}, {1, 0}}, {{1, 3}, {1, 0}}, {{1, 1}}, {{1, 2}}, {{1, 3}}};
        };
        List<Step> steps = new ArrayList<>();
        for (int[][] moves : branches) {
            int totalI = 0;
            int totalJ = 0;
            for (int[] move : moves) {
                totalI += move[0];
                totalJ += move[1];
            }
            int[] ra = new int[moves.length];
            int[] cb = new int[moves.length];
            double[] w = new double[moves.length];
            int si = 0;
            int sj = 0;
            double sum = 0.0;
            for (int k = 0; k < moves.length; k++) {
                int di = moves[k][0];
                int dj = moves[k][1];
                si += di;
                sj += dj;
                ra[k] = totalI - si;
                cb[k] = totalJ - sj;
                w[k] = switch (weighting) {
                    case 'a' -> Math.min(di, dj);
                    case 'b' -> Math.max(di, dj);
                    case 'c' -> di;
                    default -> di + dj;
                };
                sum += w[k];
            }
            if (smoothed) {
                java.util.Arrays.fill(w, sum / moves.length);
            }
            steps.add(new Step(totalI, totalJ, ra, cb, w));
        }
        Normalization normalization = weighting == 'c' ? Normalization.N
                : weighting == 'd' ? Normalization.N_PLUS_M : Normalization.NONE;
        return new StepPattern("rabinerJuang" + type + weighting + (smoothed ? "s" : ""), normalization, steps);
    }

    /**
     * The predefined pattern with this {@code dtw} name, or a Rabiner–Juang pattern named as its
     * {@link #name()} ({@code rabinerJuang<type><weighting>[s]}).
     *
     * @param name e.g. {@code "symmetric2"}, {@code "asymmetricP05"}, {@code "rabinerJuang4c"}
     * @throws IllegalArgumentException {@code "stepPattern must be one of [...] or rabinerJuang<1-7><a-d>[s], got foo"}
     */
    public static StepPattern named(String name) {
        Objects.requireNonNull(name, "stepPattern must not be null");
        return switch (name) {
            case "symmetric1" -> symmetric1();
            case "symmetric2" -> symmetric2();
            case "asymmetric" -> asymmetric();
            case "symmetricP0" -> symmetricP0();
            case "asymmetricP0" -> asymmetricP0();
            case "symmetricP05" -> symmetricP05();
            case "asymmetricP05" -> asymmetricP05();
            case "symmetricP1" -> symmetricP1();
            case "asymmetricP1" -> asymmetricP1();
            case "symmetricP2" -> symmetricP2();
            case "asymmetricP2" -> asymmetricP2();
            default -> rabinerJuangNamed(name);
        };
    }

    /** {@code rabinerJuang<type><weighting>[s]}, e.g. {@code rabinerJuang4c} or {@code rabinerJuang3ds}. */
    private static StepPattern rabinerJuangNamed(String name) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("rabinerJuang([1-7])([a-d])(s?)").matcher(name);
        if (!m.matches()) {
            throw new IllegalArgumentException("stepPattern must be one of " + NAMES
                    + " or rabinerJuang<1-7><a-d>[s], got " + name);
        }
        return rabinerJuang(m.group(1).charAt(0) - '0', m.group(2).charAt(0), !m.group(3).isEmpty());
    }

    /** The names {@link #named(String)} accepts besides the Rabiner–Juang family. */
    public static final List<String> NAMES = List.of("symmetric1", "symmetric2", "asymmetric", "symmetricP0",
            "asymmetricP0", "symmetricP05", "asymmetricP05", "symmetricP1", "asymmetricP1", "symmetricP2",
            "asymmetricP2");
}
