/**
 * Engine-free numerical kernels on {@code double}: finiteness checks and stable reductions.
 *
 * <p>Nothing here depends on DJL or any other library, so every higher module (attention ops, alignment, models) can
 * use these kernels, and they can be tested without a native engine. Sub-packages group kernels by concept:
 * {@link dev.fovea.math.linalg} holds small dense linear algebra, {@link dev.fovea.math.special} special functions
 * (the error function). {@link dev.fovea.math.VectorApi} tells the modules above whether their SIMD kernels can run.
 *
 * <p>All public types are immutable or stateless and therefore thread-safe.
 */
package dev.fovea.math;
