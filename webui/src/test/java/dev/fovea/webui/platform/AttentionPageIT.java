package dev.fovea.webui.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.WaitForSelectorState;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The packaged application in a real browser: the root page shows a generated image with the model's attention
 * laid over it. Saves screenshots under {@code target/screenshots/}.
 */
@QuarkusIntegrationTest
class AttentionPageIT {

    @TestHTTPResource("/")
    URL root;

    static final Path SCREENSHOTS = Path.of("target", "screenshots");

    @BeforeAll
    static void createScreenshotFolder() throws IOException {
        Files.createDirectories(SCREENSHOTS);
    }

    void waitUntilReady() throws IOException, InterruptedException {
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest ready = HttpRequest.newBuilder(URI.create(root + "q/health/ready")).build();
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (http.send(ready, HttpResponse.BodyHandlers.ofString()).statusCode() != 200) {
            assertTrue(System.nanoTime() < deadline, "the application was not ready within 3 minutes");
            Thread.sleep(500);
        }
    }

    @Test
    void rootPageShowsTheAttentionOverlay() throws Exception {
        waitUntilReady();
        try (Playwright playwright = Chromium.playwright(); Browser browser = Chromium.launch(playwright)) {
            Page page = browser.newPage(new Browser.NewPageOptions().setViewportSize(1280, 800));
            page.navigate(root.toString());

            Locator heat = page.locator("#attention-heat");
            heat.waitFor(new Locator.WaitForOptions().setState(WaitForSelectorState.VISIBLE).setTimeout(60_000));
            assertTrue(heat.getAttribute("src").startsWith("data:image/png;base64,"));
            // The browser decoded both layers and lays them out at the same size, one over the other.
            assertEquals(320, ((Number) heat.evaluate("img => img.naturalWidth")).intValue());
            Locator image = page.locator("#attention-image");
            assertTrue(((Number) image.evaluate("img => img.naturalWidth")).intValue() > 0);
            assertEquals(heat.boundingBox().x, image.boundingBox().x, 0.5);
            assertEquals(heat.boundingBox().y, image.boundingBox().y, 0.5);

            assertTrue(page.locator("#question").textContent().startsWith("how many "));
            assertTrue(page.locator("#answer").textContent().matches("\\d+ \\(p = .*\\)"));
            page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("attention-view.png")));

            // The next sample changes the picture.
            String before = heat.getAttribute("src");
            page.getByText("Next sample").click();
            page.waitForFunction("src => document.querySelector('#attention-heat').src !== src", before);

            page.getByText("Models").first().click();
            page.locator("vaadin-grid").getByText("shapes-continuous").first()
                    .waitFor(new Locator.WaitForOptions().setTimeout(30_000));
            page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("models-view.png")));
        }
    }
}
