/**
 * JMH benchmarks for the alignment kernels, one class per operation. They are compiled with the tests but never run
 * by them; run them with the JMH runner on the test class path.
 */
package dev.fovea.alignment.bench;
