/**
 * JMH benchmarks for the core-math kernels, one class per operation. Run them with the JMH runner on the test class
 * path; they are compiled with the tests but never run by them (speed is measured here, never in a timed unit test).
 */
package dev.fovea.math.bench;
