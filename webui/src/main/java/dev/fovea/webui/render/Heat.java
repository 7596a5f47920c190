package dev.fovea.webui.render;

/**
 * The heat colour scale: a relative weight w in [0, 1] goes from transparent dark red through orange to opaque
 * pale yellow, so the image shows through where attention is low.
 */
final class Heat {

    private Heat() {
    }

    /** ARGB colour of a relative weight in [0, 1]. */
    static int argb(double w) {
        double t = Math.clamp(w, 0.0, 1.0);
        int alpha = (int) Math.round(200 * Math.sqrt(t));
        int red = 255;
        int green = (int) Math.round(40 + 200 * t);
        int blue = (int) Math.round(30 + 150 * t * t);
        return (alpha << 24) | (red << 16) | (green << 8) | blue;
    }
}
