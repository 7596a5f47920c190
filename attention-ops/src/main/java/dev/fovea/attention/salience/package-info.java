/**
 * Gradient-based salience maps at intermediate layers of any DJL model, normalised like attention maps so that the
 * two can be compared ({@link dev.fovea.attention.salience.ActivationGradientSalience}).
 */
package dev.fovea.attention.salience;
