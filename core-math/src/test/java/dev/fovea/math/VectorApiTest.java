package dev.fovea.math;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.junit.jupiter.api.Test;

/**
 * core-math's tests run in a JVM without {@code --add-modules jdk.incubator.vector} (attention-ops' and alignment's
 * add it): the detection must say so, and loading {@link VectorApi} must not need the module.
 */
class VectorApiTest {

    @Test
    void theModuleIsNotResolvedInAJvmStartedWithoutIt() {
        assertEquals("jdk.incubator.vector", VectorApi.MODULE);
        assertFalse(VectorApi.isResolved());
    }
}
