package dev.fovea.webui.views;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.fovea.models.shapes.ShapesSample;
import dev.fovea.serving.catalog.ModelSummary;
import dev.fovea.serving.models.ModelService;
import dev.fovea.training.store.Prediction;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Locale;

/**
 * Where the model looks: pick a model and a generated sample, see the image with the model's attention laid over
 * it, the question, the model's answer and the true one.
 */
@Route(value = "", layout = MainLayout.class)
@PageTitle("Attention · Fovea")
public class AttentionView extends VerticalLayout {

    private final ModelService models;

    private final ComboBox<ModelSummary> model = new ComboBox<>("Model");
    private final IntegerField seed = new IntegerField("Dataset seed");
    private final IntegerField index = new IntegerField("Sample");
    private final Button next = new Button("Next sample");
    private final AttentionOverlay overlay = new AttentionOverlay();
    private final Span question = new Span();
    private final Span answer = new Span();
    private final Span truth = new Span();
    private final Paragraph status = new Paragraph();

    @Inject
    public AttentionView(ModelService models) {
        this.models = models;
        setPadding(true);

        model.setItemLabelGenerator(m -> m.label() + " · " + m.attentionKind());
        model.setWidth("22em");
        seed.setMin(0);
        seed.setStepButtonsVisible(true);
        index.setMin(0);
        index.setStepButtonsVisible(true);
        next.addClickListener(e -> index.setValue(index.getValue() == null ? 0 : index.getValue() + 1));
        HorizontalLayout controls = new HorizontalLayout(model, seed, index, next);
        controls.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);

        question.setId("question");
        answer.setId("answer");
        truth.setId("truth");
        status.setId("status");
        Div facts = new Div(line("Question", question), line("Model's answer", answer), line("True answer", truth));
        HorizontalLayout result = new HorizontalLayout(overlay, facts);

        add(new H2("Where the model looks"), controls, result, status);

        model.addValueChangeListener(e -> refresh());
        seed.addValueChangeListener(e -> refresh());
        index.addValueChangeListener(e -> refresh());
        reload();
    }

    /** Reads the model list again and shows the first model's first sample. */
    final void reload() {
        List<ModelSummary> available = models.list();
        model.setItems(available);
        if (available.isEmpty()) {
            status.setText("No model yet: the default models are still training, or none was trained. "
                    + "Reload in a moment, or train one on the Models page.");
            return;
        }
        seed.setValue((int) available.getFirst().datasetSeed());
        index.setValue(0);
        model.setValue(available.getFirst());
    }

    private void refresh() {
        ModelSummary chosen = model.getValue();
        if (chosen == null || seed.getValue() == null || index.getValue() == null
                || seed.getValue() < 0 || index.getValue() < 0) {
            return;
        }
        ShapesSample sample = models.sample(chosen, seed.getValue(), index.getValue());
        Prediction prediction = models.predict(chosen, sample.rgb(), sample.question().text());
        overlay.show(sample.rgb(), sample.config().imageSize(), prediction.attention(), prediction.grid());
        question.setText(sample.question().text());
        answer.setText(prediction.answer() + String.format(Locale.ROOT, " (p = %.2f)",
                prediction.answerProbabilities()[prediction.answerIndex()]));
        truth.setText(Integer.toString(sample.answer()));
        status.setText("");
    }

    private static Div line(String label, Span value) {
        Span name = new Span(label + ": ");
        name.getStyle().set("color", "var(--lumo-secondary-text-color)");
        value.getStyle().set("font-weight", "600");
        return new Div(name, value);
    }
}
