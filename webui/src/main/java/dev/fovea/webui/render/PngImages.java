package dev.fovea.webui.render;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import javax.imageio.ImageIO;

/**
 * Renders images and attention maps as PNG data URIs, drawn on the server so that the page needs no custom
 * JavaScript. Nearest-neighbour upscaling keeps every grid cell a crisp square.
 */
public final class PngImages {

    private PngImages() {
    }

    /**
     * An RGB image, upscaled.
     *
     * @param rgb   row-major height × width × 3 values in [0, 1]
     * @param size  width and height in pixels
     * @param scale output pixels per input pixel
     */
    public static String rgb(float[] rgb, int size, int scale) {
        BufferedImage image = new BufferedImage(size * scale, size * scale, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < size * scale; y++) {
            for (int x = 0; x < size * scale; x++) {
                int at = ((y / scale) * size + x / scale) * 3;
                image.setRGB(x, y, (channel(rgb[at]) << 16) | (channel(rgb[at + 1]) << 8) | channel(rgb[at + 2]));
            }
        }
        return dataUri(image);
    }

    /**
     * An attention map as a translucent heat map: each cell coloured by its weight relative to the largest one,
     * transparent where the weight is 0.
     *
     * @param weights row-major grid × grid non-negative weights
     * @param grid    cells per side
     * @param pixels  output width and height
     */
    public static String heatMap(double[] weights, int grid, int pixels) {
        double max = 0;
        for (double w : weights) {
            max = Math.max(max, w);
        }
        BufferedImage image = new BufferedImage(pixels, pixels, BufferedImage.TYPE_INT_ARGB);
        for (int y = 0; y < pixels; y++) {
            for (int x = 0; x < pixels; x++) {
                double w = max > 0 ? weights[(y * grid / pixels) * grid + x * grid / pixels] / max : 0;
                image.setRGB(x, y, Heat.argb(w));
            }
        }
        return dataUri(image);
    }

    private static int channel(float v) {
        return Math.clamp(Math.round(v * 255f), 0, 255);
    }

    private static String dataUri(BufferedImage image) {
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", png);
        } catch (IOException e) {
            throw new UncheckedIOException("could not encode a PNG in memory", e);
        }
        return "data:image/png;base64," + Base64.getEncoder().encodeToString(png.toByteArray());
    }
}
