package dev.fovea.webui.platform;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Debian's Chromium driven by Playwright. Playwright never downloads a browser here: the binary comes from the
 * system property {@code fovea.chromium} ({@code ./fovea test} passes it) or the usual Debian paths.
 */
final class Chromium {

    private Chromium() {
    }

    static Path executable() {
        String configured = System.getProperty("fovea.chromium", "");
        return Stream.of(configured, "/usr/bin/chromium", "/usr/lib/chromium/chromium")
                .filter(p -> !p.isBlank()).map(Path::of).filter(Files::isExecutable).findFirst()
                .orElseThrow(() -> new IllegalStateException("no Chromium found (tried -Dfovea.chromium='"
                        + configured + "', /usr/bin/chromium); install Debian's chromium package or run ./fovea test"));
    }

    static Playwright playwright() {
        return Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
    }

    static Browser launch(Playwright playwright) {
        return playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(executable())
                .setHeadless(true)
                // The machine has no network but loopback: keep Chromium from calling home.
                .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking",
                        "--disable-component-update", "--disable-sync", "--no-first-run")));
    }
}
