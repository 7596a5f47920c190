package dev.fovea.webui.render;

import java.awt.Graphics2D;
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
        return dataUri(rgbImage(rgb, size, scale));
    }

    private static BufferedImage rgbImage(float[] rgb, int size, int scale) {
        BufferedImage image = new BufferedImage(size * scale, size * scale, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < size * scale; y++) {
            for (int x = 0; x < size * scale; x++) {
                int at = ((y / scale) * size + x / scale) * 3;
                image.setRGB(x, y, (channel(rgb[at]) << 16) | (channel(rgb[at + 1]) << 8) | channel(rgb[at + 2]));
            }
        }
        return image;
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
        return dataUri(heatImage(weights, grid, pixels));
    }

    /**
     * An image with a heat map drawn over it, as PNG bytes: what {@link #rgb} and {@link #heatMap} show layered.
     *
     * @param rgb     row-major size × size × 3 values in [0, 1]
     * @param size    image width and height in pixels
     * @param weights row-major grid × grid non-negative weights (any resolution: a density sampled finely works too)
     * @param grid    cells per side of {@code weights}
     * @param pixels  output width and height, a multiple of {@code size}
     */
    public static byte[] overlayPng(float[] rgb, int size, double[] weights, int grid, int pixels) {
        BufferedImage image = rgbImage(rgb, size, pixels / size);
        Graphics2D g = image.createGraphics();
        try {
            g.drawImage(heatImage(weights, grid, image.getWidth()), 0, 0, null);
        } finally {
            g.dispose();
        }
        return png(image);
    }

    private static BufferedImage heatImage(double[] weights, int grid, int pixels) {
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
        return image;
    }

    private static int channel(float v) {
        return Math.clamp(Math.round(v * 255f), 0, 255);
    }

    private static String dataUri(BufferedImage image) {
        return "data:image/png;base64," + Base64.getEncoder().encodeToString(png(image));
    }

    private static byte[] png(BufferedImage image) {
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", png);
        } catch (IOException e) {
            throw new UncheckedIOException("could not encode a PNG in memory", e);
        }
        return png.toByteArray();
    }
}
