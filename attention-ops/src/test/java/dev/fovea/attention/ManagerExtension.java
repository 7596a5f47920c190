package dev.fovea.attention;

import ai.djl.ndarray.NDManager;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A fresh {@link NDManager} for every test, closed afterwards so that native memory does not pile up across tests.
 * Register with {@code @RegisterExtension final ManagerExtension managers = new ManagerExtension();}.
 */
public final class ManagerExtension implements BeforeEachCallback, AfterEachCallback {

    private NDManager manager;

    /** The current test's manager. */
    public NDManager manager() {
        return manager;
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        manager = NDManager.newBaseManager();
    }

    @Override
    public void afterEach(ExtensionContext context) {
        manager.close();
    }
}
