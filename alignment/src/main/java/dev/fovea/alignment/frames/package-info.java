/**
 * Conventions for multivariate sequences shared by the aligners: {@code double[n][d]}, frames by channels,
 * validated once with messages that name the argument. Pure Java, thread-safe.
 */
package dev.fovea.alignment.frames;
