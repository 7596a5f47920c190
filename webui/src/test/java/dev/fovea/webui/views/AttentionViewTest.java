package dev.fovea.webui.views;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.IntegerField;
import dev.fovea.serving.catalog.ModelSummary;
import dev.fovea.serving.models.ModelBootstrap;
import dev.fovea.serving.models.ModelService;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The views, driven server-side by Karibu-Testing against the real services, database and models. */
@QuarkusTest
class AttentionViewTest {

    @Inject
    ModelService models;

    @Inject
    ModelBootstrap bootstrap;

    @BeforeEach
    void setUp() throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (!bootstrap.isDone()) {
            assertTrue(System.nanoTime() < deadline, "default models not trained within 3 minutes");
            Thread.sleep(200);
        }
        MockVaadin.setup();
    }

    @AfterEach
    void tearDown() {
        MockVaadin.tearDown();
    }

    @Test
    void showsTheImageWithTheAttentionMapTheQuestionAndTheAnswer() {
        UI.getCurrent().add(new AttentionView(models));

        AttentionOverlay overlay = _get(AttentionOverlay.class);
        assertTrue(overlay.isVisible());
        assertTrue(overlay.heatMapSource().startsWith("data:image/png;base64,"), overlay.heatMapSource());
        String question = _get(Span.class, spec -> spec.withId("question")).getText();
        assertTrue(question.startsWith("how many "), question);
        assertTrue(_get(Span.class, spec -> spec.withId("answer")).getText().matches("\\d+ \\(p = [01]\\.\\d\\d\\)"));
        assertTrue(_get(Span.class, spec -> spec.withId("truth")).getText().matches("\\d+"));

        // Another sample shows another image and map; "Next sample" steps the index.
        String firstMap = overlay.heatMapSource();
        IntegerField index = _get(IntegerField.class, spec -> spec.withLabel("Sample"));
        // Karibu 2.6.2's _setValue calls a Vaadin-internal method that Vaadin 25.1 changed; setValue fires the
        // same value-change listeners, which is what the view reacts to.
        index.setValue(5);
        assertNotEquals(firstMap, overlay.heatMapSource());
        _click(_get(Button.class, spec -> spec.withText("Next sample")));
        assertEquals(6, index.getValue());
    }

    @Test
    void switchesBetweenModels() {
        UI.getCurrent().add(new AttentionView(models));
        @SuppressWarnings("unchecked")
        ComboBox<ModelSummary> model = _get(ComboBox.class, spec -> spec.withLabel("Model"));
        ModelSummary continuous = models.list().stream()
                .filter(m -> m.attentionKind().equals("continuous-softmax")).findFirst().orElseThrow();
        model.setValue(continuous);
        assertTrue(_get(AttentionOverlay.class).heatMapSource().startsWith("data:image/png;base64,"));
    }

    @Test
    void listsTheModels() {
        UI.getCurrent().add(new ModelsView(models));
        @SuppressWarnings("unchecked")
        Grid<ModelSummary> grid = _get(Grid.class, spec -> spec.withId("models"));
        assertEquals(models.list().size(), grid.getGenericDataView().getItems().count());
        assertTrue(grid.getGenericDataView().getItems().anyMatch(m -> m.name().equals("shapes-discrete")));
    }
}
