package dev.fovea.webui.views;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.fovea.serving.catalog.ModelSummary;
import dev.fovea.serving.models.ModelService;
import jakarta.inject.Inject;
import java.util.Locale;

/** The model catalog: every trained version with how it was trained and how well it does. */
@Route(value = "models", layout = MainLayout.class)
@PageTitle("Models · Fovea")
public class ModelsView extends VerticalLayout {

    private final Grid<ModelSummary> grid = new Grid<>(ModelSummary.class, false);

    @Inject
    public ModelsView(ModelService models) {
        grid.setId("models");
        grid.addColumn(ModelSummary::name).setHeader("Name").setSortable(true);
        grid.addColumn(ModelSummary::version).setHeader("Version");
        grid.addColumn(ModelSummary::attentionKind).setHeader("Attention");
        grid.addColumn(m -> metric(m, "accuracy")).setHeader("Accuracy");
        grid.addColumn(m -> metric(m, "attentionOnRelevant")).setHeader("Attention on relevant cells");
        grid.addColumn(m -> metric(m, "loss")).setHeader("Final loss");
        grid.addColumn(ModelSummary::steps).setHeader("Steps");
        grid.addColumn(ModelSummary::datasetSeed).setHeader("Dataset seed");
        grid.addColumn(m -> m.createdAt().toString()).setHeader("Trained at");
        grid.getColumns().forEach(column -> column.setAutoWidth(true));
        grid.setItems(models.list());
        add(new H2("Models"), grid);
        setSizeFull();
    }

    private static String metric(ModelSummary model, String name) {
        Double value = model.metrics().get(name);
        return value == null ? "—" : String.format(Locale.ROOT, "%.3f", value);
    }
}
