package dev.fovea.webui.views;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Image;
import dev.fovea.webui.render.PngImages;

/**
 * An image with an attention heat map laid over it, both drawn on the server.
 */
public class AttentionOverlay extends Div {

    /** Displayed width and height in pixels. */
    static final int PIXELS = 320;

    private final Image image = new Image();
    private final Image heat = new Image();

    public AttentionOverlay() {
        setId("attention-overlay");
        getStyle().set("position", "relative").set("width", PIXELS + "px").set("height", PIXELS + "px")
                .set("border-radius", "var(--lumo-border-radius-m)").set("overflow", "hidden");
        image.setId("attention-image");
        heat.setId("attention-heat");
        for (Image layer : new Image[] {image, heat}) {
            layer.setWidth(PIXELS + "px");
            layer.setHeight(PIXELS + "px");
            layer.getStyle().set("position", "absolute").set("inset", "0").set("image-rendering", "pixelated");
        }
        add(image, heat);
        setVisible(false);
    }

    /**
     * Shows an image and an attention map.
     *
     * @param rgb       row-major size × size × 3 values in [0, 1]
     * @param size      image width and height in pixels
     * @param attention row-major grid × grid weights
     * @param grid      cells per side
     */
    public void show(float[] rgb, int size, double[] attention, int grid) {
        image.setSrc(PngImages.rgb(rgb, size, Math.max(1, PIXELS / size)));
        image.setAlt("generated image");
        heat.setSrc(PngImages.heatMap(attention, grid, PIXELS));
        heat.setAlt("attention map");
        setVisible(true);
    }

    /** The data URI of the heat map layer (for tests and screenshots). */
    public String heatMapSource() {
        return heat.getSrc();
    }
}
