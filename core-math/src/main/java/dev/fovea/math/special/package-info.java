/**
 * Special functions on {@code double} that {@link java.lang.Math} lacks, each with its approximation, its measured
 * accuracy and its source in the class comment.
 *
 * <p>{@link dev.fovea.math.special.Erf}: the error function and its complements, which the closed forms of continuous
 * attention over intervals and ellipses need (Gaussian mass on a segment). Engine-free and dependency-free like the
 * rest of {@code core-math}; every function is stateless and thread-safe.
 */
package dev.fovea.math.special;
