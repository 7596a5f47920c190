package dev.fovea.attention.continuous;

import dev.fovea.math.linalg.SymmetricMatrix2;
import java.util.SplittableRandom;

/**
 * A truncated paraboloid and a basis function drawn to stress {@link EllipseIntegrals}: supports from about 0.2 to 40
 * basis widths (variances log-uniform in [10⁻³, 0.1], aspect ratios up to e³), correlations up to ±0.95, basis
 * functions (widths log-uniform in [0.02, 0.3], isotropic or correlated up to ±0.8) inside, on the rim of and far
 * outside the support.
 *
 * @param density       the paraboloid
 * @param basisFunction the Gaussian basis function
 */
record HardEllipsePair(TruncatedParaboloid density, Gaussian2 basisFunction) {

    static HardEllipsePair draw(SplittableRandom random) {
        double vx = Math.exp(random.nextDouble(Math.log(1e-3), Math.log(0.1)));
        double vy = vx * Math.exp(random.nextDouble(-3.0, 3.0));
        double rho = random.nextDouble(-0.95, 0.95);
        TruncatedParaboloid p = TruncatedParaboloid.fromCovariance(random.nextDouble(0.0, 1.0),
                random.nextDouble(0.0, 1.0), SymmetricMatrix2.of(vx, rho * Math.sqrt(vx * vy), vy));
        double sx = Math.exp(random.nextDouble(Math.log(0.02), Math.log(0.3)));
        double sy = random.nextBoolean() ? sx : Math.exp(random.nextDouble(Math.log(0.02), Math.log(0.3)));
        double basisRho = random.nextBoolean() ? 0.0 : random.nextDouble(-0.8, 0.8);
        Gaussian2 psi = Gaussian2.of(random.nextDouble(-0.5, 1.5), random.nextDouble(-0.5, 1.5),
                SymmetricMatrix2.of(sx * sx, basisRho * sx * sy, sy * sy));
        return new HardEllipsePair(p, psi);
    }

    /** The integrals of this pair. */
    EllipseIntegrals integrals() {
        return EllipseIntegrals.of(new double[] {density.meanX(), density.meanY()}, density.scale().cholesky(),
                density.radiusSquared(), basisFunction);
    }
}
