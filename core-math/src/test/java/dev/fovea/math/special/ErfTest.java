package dev.fovea.math.special;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ErfTest {

    /**
     * {x, erf(x), erfc(x), erfcx(x)}: computed with mpmath 1.3.0 at 50 significant digits
     * ({@code mp.erf}, {@code mp.erfc}, {@code mp.exp(x*x) * mp.erfc(x)}) and printed to 21 digits, so that
     * {@link Double#parseDouble} gives the correctly rounded double. Points at and around Cody's interval breaks
     * (0.46875, 4), deep in the tail and on the negative side. erfc values below the smallest subnormal are 0.
     */
    private static final String[][] REFERENCE = {
            {"0.0", "0.0", "1.0", "1.0"},
            {"1e-300", "1.12837916709551260217e-300", "1.0", "1.0"},
            {"1e-10", "1.128379167095512615e-10", "9.9999999988716208329e-1", "9.999999998871620833e-1"},
            {"0.1", "1.12462916018284898405e-1", "8.87537083981715101595e-1", "8.96456979969126636663e-1"},
            {"0.25", "2.76326390168236932985e-1", "7.23673609831763067015e-1", "7.70346547730996743917e-1"},
            {"0.46875", "4.92613473217937991588e-1", "5.07386526782062008412e-1", "6.32069689249556078156e-1"},
            {"0.4688", "4.92658761813279255553e-1", "5.07341238186720744447e-1", "6.32042899510122494366e-1"},
            {"0.5", "5.20499877813046537683e-1", "4.79500122186953462317e-1", "6.15690344192925874871e-1"},
            {"0.75", "7.11155633653515131599e-1", "2.88844366346484868401e-1", "5.06937650293144805791e-1"},
            {"1.0", "8.42700792949714869341e-1", "1.57299207050285130659e-1", "4.27583576155807004411e-1"},
            {"1.5", "9.66105146475310727067e-1", "3.3894853524689272933e-2", "3.21585416454317502354e-1"},
            {"2.0", "9.95322265018952734162e-1", "4.67773498104726583793e-3", "2.55395676310505743865e-1"},
            {"2.5", "9.9959304798255504106e-1", "4.06952017444958939564e-4", "2.10806364061143580647e-1"},
            {"3.0", "9.99977909503001414559e-1", "2.20904969985854413728e-5", "1.79001151181389950419e-1"},
            {"3.5", "9.99999256901627658587e-1", "7.43098372341412745524e-7", "1.55293655608894297403e-1"},
            {"3.999", "9.99999984455250509005e-1", "1.55447494909949915328e-8", "1.37031848598271205261e-1"},
            {"4.0", "9.9999998458274209972e-1", "1.54172579002800188522e-8", "1.36999457625061389889e-1"},
            {"4.001", "9.99999984709217826751e-1", "1.5290782173248731519e-8", "1.36967081582718790796e-1"},
            {"5.0", "9.99999999998462540206e-1", "1.53745979442803485019e-12", "1.1070463773306862637e-1"},
            {"6.0", "9.9999999999999997848e-1", "2.15197367124989131166e-17", "9.27765678005383543895e-2"},
            {"8.0", "1.0", "1.122429717298292708e-29", "6.99851662008809277228e-2"},
            {"10.0", "1.0", "2.088487583762544757e-45", "5.61409927438225858575e-2"},
            {"15.0", "1.0", "7.21299417245120666657e-100", "3.75296063885057657461e-2"},
            {"20.0", "1.0", "5.39586561160790092893e-176", "2.81743487410513193186e-2"},
            {"25.0", "1.0", "8.30017257119652275204e-274", "2.25495724326413589436e-2"},
            {"26.0", "1.0", "5.66319240885614284648e-296", "2.16835848505629066162e-2"},
            {"26.5", "1.0", "2.21090766426373427593e-307", "2.12750466853711059552e-2"},
            {"-0.3", "-3.2862675945912741619e-1", "1.32862675945912741619", "1.45374923284276555125"},
            {"-1.0", "-8.42700792949714869341e-1", "1.84270079294971486934", "5.00898008076228346631"},
            {"-2.5", "-9.9959304798255504106e-1", "1.99959304798255504106", "1.0358148429726229083e+3"},
            {"-5.0", "-9.99999999998462540206e-1", "1.99999999999846254021", "1.44009798674661040411e+11"},
            {"-10.0", "-1.0", "2.0", "5.37623428363227089683e+43"},
            {"30.0", "1.0", "0.0", "1.87958888614167514971e-2"},
            {"100.0", "1.0", "0.0", "5.64161378298943290356e-3"},
            {"100000.0", "1.0", "0.0", "5.64189583519546807775e-6"},
            {"10000000000.0", "1.0", "0.0", "5.64189583547756286945e-11"},
    };

    private static double ulps(double got, double expected) {
        if (got == expected) {
            return 0.0;
        }
        return Math.abs(got - expected) / Math.ulp(expected);
    }

    @Test
    void matchesHighPrecisionValuesWithinAFewUlps() {
        for (String[] row : REFERENCE) {
            double x = Double.parseDouble(row[0]);
            double erf = Erf.erf(x);
            double erfc = Erf.erfc(x);
            double erfcx = Erf.erfcx(x);
            assertTrue(ulps(erf, Double.parseDouble(row[1])) <= 1, "erf(" + row[0] + ") = " + erf);
            assertTrue(ulps(erfc, Double.parseDouble(row[2])) <= 2, "erfc(" + row[0] + ") = " + erfc);
            assertTrue(ulps(erfcx, Double.parseDouble(row[3])) <= 2, "erfcx(" + row[0] + ") = " + erfcx);
        }
    }

    @Test
    void symmetriesAndTheComplementHoldOnARandomSweep() {
        SplittableRandom random = new SplittableRandom(3);
        for (int i = 0; i < 10_000; i++) {
            double x = random.nextDouble(-6, 6);
            assertEquals(-Erf.erf(x), Erf.erf(-x), 0.0, "odd at " + x);
            assertEquals(1.0, Erf.erf(x) + Erf.erfc(x), 2e-16, "complement at " + x);
            assertEquals(2.0, Erf.erfc(x) + Erf.erfc(-x), 4e-16, "reflection at " + x);
        }
    }

    @Test
    void scaledComplementMatchesItsDefinitionWhereBothAreRepresentable() {
        SplittableRandom random = new SplittableRandom(5);
        for (int i = 0; i < 10_000; i++) {
            double x = random.nextDouble(-5, 25);
            double viaDefinition = Math.exp(x * x) * Erf.erfc(x);
            // exp(x²) amplifies the rounding of x² by x², so the tolerance grows with it.
            assertEquals(viaDefinition, Erf.erfcx(x), (4 + 2 * x * x) * Math.ulp(viaDefinition), "at " + x);
        }
    }

    @Test
    void derivativeIsTheGaussianKernel() {
        // d/dx erf(x) = 2/√π e^{-x²}: a check of the shape of all three approximations, interval breaks included.
        for (double x = -5.0; x <= 5.0; x += 0.0625) {
            double h = 1e-5;
            double numeric = (Erf.erf(x + h) - Erf.erf(x - h)) / (2 * h);
            assertEquals(2 / Math.sqrt(Math.PI) * Math.exp(-x * x), numeric, 1e-10, "at " + x);
        }
    }

    @Test
    void tabulatedScaledComplementMatchesHighPrecisionValues() {
        for (String[] row : REFERENCE) {
            double x = Double.parseDouble(row[0]);
            double tabulated = Erf.erfcxOfNonNegative(x);
            assertTrue(ulps(tabulated, Double.parseDouble(row[3])) <= 3,
                    "erfcxOfNonNegative(" + row[0] + ") = " + tabulated);
        }
    }

    @Test
    void tabulatedScaledComplementMatchesCodyOnADenseSweep() {
        // Every table interval (width 1/32 on [0, 8)) at 64 points, its ends included, and beyond the table.
        double worst = 0.0;
        for (int k = 0; k <= 8 * 32 * 64 + 64; k++) {
            double x = k / (32.0 * 64.0);
            worst = Math.max(worst, ulps(Erf.erfcxOfNonNegative(x), Erf.erfcx(x)));
            double inside = Math.nextDown(x);
            if (inside >= 0.0) {
                worst = Math.max(worst, ulps(Erf.erfcxOfNonNegative(inside), Erf.erfcx(inside)));
            }
        }
        SplittableRandom random = new SplittableRandom(11);
        for (int i = 0; i < 100_000; i++) {
            double x = random.nextDouble(0.0, 9.0);
            worst = Math.max(worst, ulps(Erf.erfcxOfNonNegative(x), Erf.erfcx(x)));
        }
        // Cody's erfcx itself is up to about 6 ulps from the true value in [2, 3] (mpmath at 20 000 random points of
        // [0, 8]), the table up to about 2.4, so the two may differ by up to about 8.5.
        assertTrue(worst <= 8, "largest distance to Cody's erfcx: " + worst + " ulps");
        assertEquals(Erf.erfcx(-1.5), Erf.erfcxOfNonNegative(-1.5), 0.0);
        assertEquals(Erf.erfcx(30.0), Erf.erfcxOfNonNegative(30.0), 0.0);
        assertTrue(Double.isNaN(Erf.erfcxOfNonNegative(Double.NaN)));
        assertEquals(0.0, Erf.erfcxOfNonNegative(Double.POSITIVE_INFINITY), 0.0);
    }

    @Test
    void specialValues() {
        assertTrue(Double.isNaN(Erf.erf(Double.NaN)));
        assertTrue(Double.isNaN(Erf.erfc(Double.NaN)));
        assertTrue(Double.isNaN(Erf.erfcx(Double.NaN)));
        assertEquals(1.0, Erf.erf(Double.POSITIVE_INFINITY), 0.0);
        assertEquals(-1.0, Erf.erf(Double.NEGATIVE_INFINITY), 0.0);
        assertEquals(0.0, Erf.erfc(Double.POSITIVE_INFINITY), 0.0);
        assertEquals(2.0, Erf.erfc(Double.NEGATIVE_INFINITY), 0.0);
        assertEquals(0.0, Erf.erfcx(Double.POSITIVE_INFINITY), 0.0);
        assertEquals(Double.POSITIVE_INFINITY, Erf.erfcx(Double.NEGATIVE_INFINITY), 0.0);
        assertEquals(Double.POSITIVE_INFINITY, Erf.erfcx(-27.0), 0.0);
        assertEquals(-0.0, Erf.erf(-0.0), 0.0);
        assertEquals(Double.doubleToRawLongBits(-0.0), Double.doubleToRawLongBits(Erf.erf(-0.0)), "erf keeps the sign of zero");
    }
}
