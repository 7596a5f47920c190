package dev.fovea.alignment.dctw;

import static dev.fovea.alignment.frames.FrameFixtures.affine;
import static dev.fovea.alignment.frames.FrameFixtures.centralDifferences;
import static dev.fovea.alignment.frames.FrameFixtures.gaussian;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.fovea.alignment.cca.CanonicalCorrelation;
import dev.fovea.alignment.cca.CcaDimension;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class CorrelationGradientTest {

    @Test
    void correlationIsTheSumOfCanonicalCorrelationsAndTheGradientMatchesCentralDifferences() {
        SplittableRandom random = new SplittableRandom(21);
        double[][] z = gaussian(random, 30, 3);
        double[][] h1 = affine(z, new double[][] {{1, 0.5, 0}, {0, 1, 0.3}, {0.2, 0, 1}}, new double[3]);
        double[][] h2 = gaussian(random, 30, 3);
        for (int t = 0; t < 30; t++) {
            for (int c = 0; c < 3; c++) {
                h2[t][c] += z[t][c];
            }
        }
        CorrelationGradient g = CorrelationGradient.of(h1, h2, 0);
        // Independent route: the generalized-eigenproblem CCA of cca.CanonicalCorrelation.
        double sum = 0;
        for (double rho : CanonicalCorrelation.fit(List.of(h1, h2), 0, CcaDimension.fixed(3)).correlations()) {
            sum += rho;
        }
        assertEquals(sum, g.correlation, 1e-10);
        double[][] fd1 = centralDifferences(h -> CorrelationGradient.of(h, h2, 0).correlation, h1, 1e-6);
        double[][] fd2 = centralDifferences(h -> CorrelationGradient.of(h1, h, 0).correlation, h2, 1e-6);
        for (int t = 0; t < 30; t++) {
            for (int c = 0; c < 3; c++) {
                assertEquals(fd1[t][c], g.d1[t][c], 1e-6 * Math.max(1, Math.abs(fd1[t][c])));
                assertEquals(fd2[t][c], g.d2[t][c], 1e-6 * Math.max(1, Math.abs(fd2[t][c])));
            }
        }
    }
}
