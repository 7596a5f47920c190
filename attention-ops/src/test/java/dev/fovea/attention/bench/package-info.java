/**
 * JMH benchmarks of the attention kernels. They are compiled with the tests but never run by them; run one with
 * {@code java -cp <test classpath> org.openjdk.jmh.Main SoftmaxBenchmark}.
 */
package dev.fovea.attention.bench;
