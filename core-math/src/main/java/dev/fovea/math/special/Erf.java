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
 * \( \operatorname{erfcx} \). Negative arguments use \( \operatorname{erf}(-x) = -\operatorname{erf}(x) \),
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
