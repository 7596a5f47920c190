package dev.fovea.attention.continuous;

import dev.fovea.math.VectorApi;

/**
 * The inner loop of {@link EllipseIntegrals}: for each angle \( \vartheta_k \) of a half circle, the radial closed forms
 * on the two opposite rays \( \pm u(\vartheta_k) \) and their contributions to the seven angular sums
 * \( F, U_0, U_{1,x}, U_{1,y}, U_{2,xx}, U_{2,xy}, U_{2,yy} \) (formulas in {@link EllipseIntegrals}).
 *
 * <p>Two implementations compute the same sums: {@link ScalarRayPairs}, one pair of rays at a time, and
 * {@link VectorRayPairs}, as many pairs at once as the CPU's widest double vector holds (8 with AVX-512), through the
 * incubating Vector API. The vector one needs the JVM option {@code --add-modules jdk.incubator.vector} (set by
 * {@code ./fovea} and by the build); {@link #fastest()} falls back to the scalar one when the module is absent, so
 * the library works, slower, without it. Both agree to rounding (the tests compare them).
 */
sealed interface RayPairs permits ScalarRayPairs, VectorRayPairs {

    /**
     * Adds the contributions of the ray pairs \( \pm(\cos_k, \sin_k) \), \( 0 \le k &lt; \) {@code pairs}, to
     * {@code sums[0..6]} (not yet times the step \( 2\pi/M \)).
     *
     * @param integrals the paraboloid and basis function
     * @param cos       \( \cos\vartheta_k \), at least {@code pairs} entries
     * @param sin       \( \sin\vartheta_k \), at least {@code pairs} entries
     * @param pairs     number of ray pairs
     * @param sums      the seven sums, added to
     */
    void add(EllipseIntegrals integrals, double[] cos, double[] sin, int pairs, double[] sums);

    /**
     * The vector implementation if the JVM resolved the Vector API module ({@link VectorApi#isResolved()}) and the
     * CPU has at least two double lanes (fewer would run the Vector API without SIMD), else the scalar one.
     */
    static RayPairs fastest() {
        boolean simd = VectorApi.isResolved() && VectorRayPairs.lanes() >= 2;
        return simd ? VectorRayPairs.create() : ScalarRayPairs.INSTANCE;
    }
}
