package dev.fovea.math;

/**
 * Whether this JVM can run Fovea's SIMD kernels: they use the incubating Vector API of module
 * {@value #MODULE}, which a JVM resolves only when started with {@code --add-modules jdk.incubator.vector}
 * ({@code ./fovea} and the build do). A kernel class that touches the Vector API must only be loaded after
 * {@link #isResolved()} said {@code true}; otherwise its module's scalar route runs.
 *
 * <p>This class itself does not touch the Vector API, so it loads in any JVM. Thread-safe.
 */
public final class VectorApi {

    /** The JDK module of the Vector API. */
    public static final String MODULE = "jdk.incubator.vector";

    private static final boolean RESOLVED = ModuleLayer.boot().findModule(MODULE).isPresent();

    private VectorApi() {
    }

    /** Whether {@value #MODULE} is in the boot layer of this JVM (decided once, at class initialisation). */
    public static boolean isResolved() {
        return RESOLVED;
    }
}
