package dev.fovea.math.special;

/**
 * The error function \( \operatorname{erf}(x) = \frac{2}{\sqrt\pi} \int_0^x e^{-u^2} du \), its complement
 * \( \operatorname{erfc}(x) = 1 - \operatorname{erf}(x) \) and the scaled complement
 * \( \operatorname{erfcx}(x) = e^{x^2} \operatorname{erfc}(x) \), each to full double precision on the whole real line.
 *
 * <p>Method: the rational Chebyshev approximations of W. J. Cody, "Rational Chebyshev approximations for the error
 * function", Math. Comp. 23 (1969) 631–637, with the coefficients of his SPECFUN routine {@code CALERF} (Argonne,
 * 1990), whose approximation errors lie below \( 10^{-18} \):
 * <ul>
 *   <li>\( |x| \le 0.46875 \): \( \operatorname{erf}(x) = x\, P_4(x^2) / Q_4(x^2) \);</li>
 *   <li>\( 0.46875 &lt; |x| \le 4 \): \( \operatorname{erfcx}(|x|) = P_8(|x|) / Q_8(|x|) \);</li>
 *   <li>\( |x| &gt; 4 \): \( \operatorname{erfcx}(|x|) = \big(1/\sqrt\pi - z\, P_5(z)/Q_5(z)\big) / |x| \), \( z = 1/x^2 \)
 *       (the asymptotic series, economised).</li>
 * </ul>
 * The complement is never formed as \( 1 - \operatorname{erf} \) where it is small: \( \operatorname{erfc}(x) \) for
 * \( x &gt; 0.46875 \) is \( e^{-x^2} \operatorname{erfcx}(x) \), so it keeps its relative accuracy down to the
 * underflow at \( x \approx 26.5 \). \( e^{-x^2} \) is evaluated as \( e^{-s^2} e^{-(x-s)(x+s)} \) with \( s \) = \( x \)
 * truncated to a multiple of \( 1/16 \) (Cody's device): \( s^2 \) is exact, so the rounding of \( x^2 \), which
 * \( \exp \) would amplify by \( x^2 \), never happens.
 *
 * <p>Accuracy, measured against 50-digit values (mpmath) at the points of {@code ErfTest}: at most 1 ulp for
 * \( \operatorname{erf} \), at most 2 ulps for \( \operatorname{erfc} \) (where it does not underflow) and for
 * \( \operatorname{erfcx} \) there; at 20 000 random points of \( [0, 8) \) Cody's \( \operatorname{erfcx} \) reaches
 * 6.1 ulps (in \( [2, 3] \)), which {@link #erfcxOfNonNegative(double)} averages down to 2.4. Negative arguments use \( \operatorname{erf}(-x) = -\operatorname{erf}(x) \),
 * \( \operatorname{erfc}(-x) = 2 - \operatorname{erfc}(x) \), \( \operatorname{erfcx}(-x) = 2e^{x^2} - \operatorname{erfcx}(x) \)
 * (which overflows to \( +\infty \) below \( x \approx -26.6 \), as the true value does).
 *
 * <p>Special values: NaN in, NaN out; \( \operatorname{erf}(\pm\infty) = \pm 1 \), \( \operatorname{erfc}(+\infty) = 0 \),
 * \( \operatorname{erfc}(-\infty) = 2 \), \( \operatorname{erfcx}(+\infty) = 0 \), \( \operatorname{erfcx}(-\infty) = +\infty \).
 * Stateless and thread-safe.
 */
public final class Erf {

    private static final double SMALL_LIMIT = 0.46875;
    private static final double MIDDLE_LIMIT = 4.0;
    /** \( 1/\sqrt\pi \). */
    private static final double ONE_OVER_SQRT_PI = 0.56418958354775628695;

    // Cody's coefficients, each polynomial written in descending powers for Horner's rule.
    private static final double[] SMALL_NUMERATOR = {
        1.85777706184603153e-1, 3.16112374387056560e0, 1.13864154151050156e2, 3.77485237685302021e2,
        3.20937758913846947e3};
    private static final double[] SMALL_DENOMINATOR = {
        1.0, 2.36012909523441209e1, 2.44024637934444173e2, 1.28261652607737228e3, 2.84423683343917062e3};
    private static final double[] MIDDLE_NUMERATOR = {
        2.15311535474403846e-8, 5.64188496988670089e-1, 8.88314979438837594e0, 6.61191906371416295e1,
        2.98635138197400131e2, 8.81952221241769090e2, 1.71204761263407058e3, 2.05107837782607147e3,
        1.23033935479799725e3};
    private static final double[] MIDDLE_DENOMINATOR = {
        1.0, 1.57449261107098347e1, 1.17693950891312499e2, 5.37181101862009858e2, 1.62138957456669019e3,
        3.29079923573345963e3, 4.36261909014324716e3, 3.43936767414372164e3, 1.23033935480374942e3};
    private static final double[] LARGE_NUMERATOR = {
        1.63153871373020978e-2, 3.05326634961232344e-1, 3.60344899949804439e-1, 1.25781726111229246e-1,
        1.60837851487422766e-2, 6.58749161529837803e-4};
    private static final double[] LARGE_DENOMINATOR = {
        1.0, 2.56852019228982242e0, 1.87295284992346047e0, 5.27905102951428412e-1, 6.05183413124413191e-2,
        2.33520497626869185e-3};

    private static final int TABLE_END = 8;
    private static final int TABLE_STEPS_PER_UNIT = 32;
    private static final int TAYLOR_TERMS = 9;
    /** \( c_0 \) is fitted to {@link #erfcx(double)} at \( 2 \cdot 32 + 1 \) points of each interval. */
    private static final int AVERAGED = 32;
    /** Taylor coefficients \( c_0, \dots, c_8 \) of erfcx about each centre of {@link #erfcxOfNonNegative(double)}. */
    private static final double[] TAYLOR = taylorTable();

    private Erf() {
    }

    /**
     * \( \operatorname{erf}(x) \), odd, with values in \( [-1, 1] \).
     *
     * @param x any double; NaN gives NaN
     */
    public static double erf(double x) {
        double y = Math.abs(x);
        if (y <= SMALL_LIMIT) {
            return x * smallRatio(x * x);
        }
        double complement = scaledComplementOfPositive(y) * expMinusSquare(y);
        return x > 0 ? 1.0 - complement : complement - 1.0;
    }

    /**
     * \( \operatorname{erfc}(x) = 1 - \operatorname{erf}(x) \), with full relative accuracy for large positive
     * \( x \) (until it underflows to 0 near \( x = 26.5 \)).
     *
     * @param x any double; NaN gives NaN
     */
    public static double erfc(double x) {
        double y = Math.abs(x);
        if (y <= SMALL_LIMIT) {
            return 1.0 - x * smallRatio(x * x);
        }
        double complement = scaledComplementOfPositive(y) * expMinusSquare(y);
        return x > 0 ? complement : 2.0 - complement;
    }

    /**
     * \( \operatorname{erfcx}(x) = e^{x^2} \operatorname{erfc}(x) \), which for \( x \ge 0 \) lies in \( (0, 1] \)
     * and behaves like \( 1/(x\sqrt\pi) \) for large \( x \): the factor that stays when a Gaussian tail mass
     * \( \operatorname{erfc}(x) \) is multiplied by a compensating \( e^{x^2} \) that would overflow on its own.
     *
     * @param x any double; NaN gives NaN; \( +\infty \) for \( x \lesssim -26.6 \)
     */
    public static double erfcx(double x) {
        double y = Math.abs(x);
        if (y <= SMALL_LIMIT) {
            double square = x * x;
            return Math.exp(square) * (1.0 - x * smallRatio(square));
        }
        double positive = scaledComplementOfPositive(y);
        return x > 0 ? positive : 2.0 * expSquare(y) - positive;
    }

    /**
     * \( \operatorname{erfcx}(x) \) as {@link #erfcx(double)}, faster for \( 0 \le x &lt; 8 \): a table of Taylor
     * polynomials of degree 8 about the centres \( x_i = (i + \tfrac12)/32 \), so \( |x - x_i| \le 1/64 \) and one
     * evaluation is 8 fused multiply-adds instead of two rational polynomials and a division. The coefficients
     * \( c_n = f^{(n)}(x_i)/n! \) come from \( f = \operatorname{erfcx} \), \( f' = 2xf - 2/\sqrt\pi \) and
     * \( f^{(n+1)} = 2x f^{(n)} + 2n f^{(n-1)} \), i.e. \( c_1 = 2x_i c_0 - 2/\sqrt\pi \),
     * \( c_{n+1} = (2x_i c_n + 2c_{n-1})/(n+1) \); an error \( \delta \) in \( c_0 \) reaches the value at most as
     * \( \delta e^{2 x_i |x - x_i|} \le 1.3\,\delta \), and the truncation \( |c_9| 64^{-9} \) is below
     * \( 10^{-18} \). Cody's rounding (up to about 6 ulps in \( [2, 3] \)) is averaged out of \( c_0 \): it is the mean,
     * over 65 points \( x_i + t \) of the interval, of \( \operatorname{erfcx}(x_i + t) - \sum_{n \ge 1} c_n t^n \).
     * Measured against mpmath (50 digits) at 20 000 random points of \( [0, 8) \): at most 2.4 ulps (Cody's
     * {@link #erfcx(double)}: 6.1 ulps); the tests check 3 ulps at the high-precision points and 8 ulps against
     * {@link #erfcx(double)} on a dense sweep. Other arguments (negative, \( \ge 8 \), NaN) are passed to
     * {@link #erfcx(double)}.
     *
     * @param x any double; meant for \( x \ge 0 \)
     */
    public static double erfcxOfNonNegative(double x) {
        if (x >= 0.0 && x < TABLE_END) {
            int i = (int) (x * TABLE_STEPS_PER_UNIT);
            double t = x - (i + 0.5) / TABLE_STEPS_PER_UNIT;
            int at = i * TAYLOR_TERMS;
            double[] c = TAYLOR;
            double sum = c[at + 8];
            sum = Math.fma(sum, t, c[at + 7]);
            sum = Math.fma(sum, t, c[at + 6]);
            sum = Math.fma(sum, t, c[at + 5]);
            sum = Math.fma(sum, t, c[at + 4]);
            sum = Math.fma(sum, t, c[at + 3]);
            sum = Math.fma(sum, t, c[at + 2]);
            sum = Math.fma(sum, t, c[at + 1]);
            return Math.fma(sum, t, c[at]);
        }
        return erfcx(x);
    }

    private static double[] taylorTable() {
        double[] table = new double[TABLE_END * TABLE_STEPS_PER_UNIT * TAYLOR_TERMS];
        for (int i = 0; i < TABLE_END * TABLE_STEPS_PER_UNIT; i++) {
            double centre = (i + 0.5) / TABLE_STEPS_PER_UNIT;
            int at = i * TAYLOR_TERMS;
            table[at] = erfcx(centre);
            taylorFromValue(table, at, centre);
            // Cody's value carries up to 2 ulps of rounding, which varies from point to point: averaging it over the
            // interval, each point moved back to the centre by the Taylor tail, leaves a fraction of an ulp.
            double sum = 0.0;
            for (int k = -AVERAGED; k <= AVERAGED; k++) {
                double t = k / (2.0 * AVERAGED * TABLE_STEPS_PER_UNIT);
                double tail = table[at + TAYLOR_TERMS - 1];
                for (int n = TAYLOR_TERMS - 2; n >= 1; n--) {
                    tail = tail * t + table[at + n];
                }
                sum += erfcx(centre + t) - tail * t - table[at];
            }
            table[at] += sum / (2 * AVERAGED + 1);
            taylorFromValue(table, at, centre);
        }
        return table;
    }

    /** \( c_1, \dots, c_8 \) about {@code centre} from \( c_0 \) = {@code table[at]} by the recurrence above. */
    private static void taylorFromValue(double[] table, int at, double centre) {
        table[at + 1] = 2.0 * centre * table[at] - 2.0 * ONE_OVER_SQRT_PI;
        for (int n = 1; n + 1 < TAYLOR_TERMS; n++) {
            table[at + n + 1] = (2.0 * centre * table[at + n] + 2.0 * table[at + n - 1]) / (n + 1);
        }
    }

    /** \( e^{y^2} \) for \( y \ge 0 \), split like {@link #expMinusSquare(double)}; \( +\infty \) where it overflows. */
    private static double expSquare(double y) {
        if (y > 27.0) {
            return Double.POSITIVE_INFINITY;
        }
        double s = Math.floor(y * 16.0) / 16.0;
        return Math.exp(s * s) * Math.exp((y - s) * (y + s));
    }

    /** \( \operatorname{erf}(x)/x \) for \( x^2 = z \le 0.46875^2 \). */
    private static double smallRatio(double z) {
        return horner(SMALL_NUMERATOR, z) / horner(SMALL_DENOMINATOR, z);
    }

    /** \( \operatorname{erfcx}(y) \) for \( y &gt; 0.46875 \) (or NaN). */
    private static double scaledComplementOfPositive(double y) {
        if (y <= MIDDLE_LIMIT) {
            return horner(MIDDLE_NUMERATOR, y) / horner(MIDDLE_DENOMINATOR, y);
        }
        double z = 1.0 / (y * y);
        return (ONE_OVER_SQRT_PI - z * horner(LARGE_NUMERATOR, z) / horner(LARGE_DENOMINATOR, z)) / y;
    }

    /** \( e^{-y^2} \) for \( y \ge 0 \), without the rounding of \( y^2 \) (see the class comment). */
    private static double expMinusSquare(double y) {
        if (y > 40.0) {
            return 0.0;
        }
        double s = Math.floor(y * 16.0) / 16.0;
        return Math.exp(-s * s) * Math.exp(-(y - s) * (y + s));
    }

    /** \( c_0 x^{n} + c_1 x^{n-1} + \dots + c_n \). */
    private static double horner(double[] c, double x) {
        double sum = c[0];
        for (int i = 1; i < c.length; i++) {
            sum = sum * x + c[i];
        }
        return sum;
    }
}
