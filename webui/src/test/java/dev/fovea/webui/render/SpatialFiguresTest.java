package dev.fovea.webui.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fovea.attention.glimpse.GlimpseSensor;
import dev.fovea.attention.spatial.AffineGrid;
import dev.fovea.attention.spatial.GridSample;
import dev.fovea.attention.spatial.Padding;
import dev.fovea.attention.spatial.SamplingMode;
import dev.fovea.models.shapes.PlacedShape;
import dev.fovea.models.shapes.ShapesConfig;
import dev.fovea.models.shapes.ShapesDataset;
import dev.fovea.models.shapes.ShapesSample;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/**
 * The figures of {@code docs/hard-attention-spatial.md}, written to {@code target/figures/spatial/} (a folder of their
 * own: {@code AttentionFiguresTest} counts the PNGs in {@code target/figures/}): a spatial transformer's sampling grid
 * drawn over a cluttered shapes image next to what it samples, and the glimpse sensor's three patches at one location
 * next to the three glimpses. The test checks what the figures claim: the centre of the sampled window is the colour
 * of the shape it is centred on, and the first glimpse is the crop.
 */
class SpatialFiguresTest {

    static final Path FIGURES = Path.of("target", "figures", "spatial");
    static final ShapesConfig CLUTTERED = new ShapesConfig(96, 8, 8, 16);
    static final int ZOOM = 4;

    @Test
    void aRotatedZoomGridAndWhatItSamples() throws IOException {
        ShapesSample sample = cluttered();
        int size = CLUTTERED.imageSize();
        double[][][][] input = {channels(sample.rgb(), size)};
        // θ: scale 0.45, rotation 25°, centred on the first shape (normalised coordinates 2c − 1).
        PlacedShape target = sample.shapes().getFirst();
        double tx = 2 * (target.x() + target.size() / 2.0) / size - 1;
        double ty = 2 * (target.y() + target.size() / 2.0) / size - 1;
        double angle = Math.toRadians(25);
        double s = 0.45;
        double[][][] theta = {{{s * Math.cos(angle), -s * Math.sin(angle), tx},
                {s * Math.sin(angle), s * Math.cos(angle), ty}}};
        int out = 48;
        double[][][][] grid = AffineGrid.generate(theta, out, out, false);
        double[][][][] sampled = GridSample.forward(input, grid, SamplingMode.BILINEAR, Padding.ZEROS, false);
        // The window is centred on the shape, so the centre of what it samples is the shape's colour.
        double[] colour = {input[0][0][target.y() + target.size() / 2][target.x() + target.size() / 2],
                input[0][1][target.y() + target.size() / 2][target.x() + target.size() / 2],
                input[0][2][target.y() + target.size() / 2][target.x() + target.size() / 2]};
        for (int c = 0; c < 3; c++) {
            assertEquals(colour[c], sampled[0][c][out / 2][out / 2], 1e-6, "channel " + c);
        }

        BufferedImage left = image(input[0], ZOOM);
        Graphics2D g = left.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setStroke(new BasicStroke(1f));
        g.setColor(new Color(255, 200, 0, 200));
        int step = 4;
        for (int r = 0; r < out; r += step) {
            for (int q = 0; q + step < out; q += step) {
                g.draw(line(grid[0][r][q], grid[0][r][q + step], size));
                g.draw(line(grid[0][q][r], grid[0][q + step][r], size));
            }
        }
        g.setStroke(new BasicStroke(2.5f));
        g.setColor(Color.RED);
        double[][] corners = {grid[0][0][0], grid[0][0][out - 1], grid[0][out - 1][out - 1], grid[0][out - 1][0]};
        for (int i = 0; i < 4; i++) {
            g.draw(line(corners[i], corners[(i + 1) % 4], size));
        }
        g.dispose();
        BufferedImage right = image(sampled[0], ZOOM * size / out);
        write("spatial-transformer-grid.png", beside(left, right));
    }

    @Test
    void threeGlimpsesOnAClutteredImage() throws IOException {
        ShapesSample sample = cluttered();
        int size = CLUTTERED.imageSize();
        double[][][] image = channels(sample.rgb(), size);
        GlimpseSensor sensor = new GlimpseSensor(3, 12, 2);
        PlacedShape target = sample.shapes().get(1);
        double lx = 2 * (target.x() + target.size() / 2.0) / size - 1;
        double ly = 2 * (target.y() + target.size() / 2.0) / size - 1;
        double[][][][] glimpse = sensor.glimpse(image, lx, ly);
        int left = GlimpseSensor.start(lx, size, sensor.size());
        int top = GlimpseSensor.start(ly, size, sensor.size());
        for (int c = 0; c < 3; c++) {
            for (int a = 0; a < sensor.size(); a++) {
                for (int b = 0; b < sensor.size(); b++) {
                    assertTrue(glimpse[0][c][a][b] == image[c][top + a][left + b], "the first glimpse is the crop");
                }
            }
        }

        BufferedImage full = image(image, ZOOM);
        Graphics2D g = full.createGraphics();
        g.setStroke(new BasicStroke(2f));
        Color[] colours = {Color.RED, Color.ORANGE, Color.YELLOW};
        for (int i = 0; i < sensor.patches(); i++) {
            int side = sensor.side(i);
            g.setColor(colours[i]);
            g.draw(new Rectangle2D.Double(GlimpseSensor.start(lx, size, side) * ZOOM,
                    GlimpseSensor.start(ly, size, side) * ZOOM, side * ZOOM, side * ZOOM));
        }
        g.dispose();
        int panel = size * ZOOM / sensor.patches();
        BufferedImage strip = new BufferedImage(size * ZOOM, panel, BufferedImage.TYPE_INT_RGB);
        Graphics2D s = strip.createGraphics();
        for (int i = 0; i < sensor.patches(); i++) {
            s.drawImage(image(glimpse[i], panel / sensor.size()), i * panel, 0, null);
            s.setColor(colours[i]);
            s.setStroke(new BasicStroke(3f));
            s.drawRect(i * panel + 1, 1, panel / sensor.size() * sensor.size() - 3,
                    panel / sensor.size() * sensor.size() - 3);
        }
        s.dispose();
        BufferedImage both = new BufferedImage(full.getWidth(), full.getHeight() + strip.getHeight(),
                BufferedImage.TYPE_INT_RGB);
        Graphics2D b = both.createGraphics();
        b.drawImage(full, 0, 0, null);
        b.drawImage(strip, 0, full.getHeight(), null);
        b.dispose();
        write("glimpses.png", both);
    }

    /** The sample with the most shapes among the first 30 seeds: clutter for the figures. */
    static ShapesSample cluttered() {
        ShapesDataset dataset = new ShapesDataset(CLUTTERED);
        ShapesSample best = dataset.sample(0, 0);
        for (long seed = 1; seed < 30; seed++) {
            ShapesSample candidate = dataset.sample(seed, 0);
            if (candidate.shapes().size() > best.shapes().size()) {
                best = candidate;
            }
        }
        return best;
    }

    /** HWC floats to \( [3][H][W] \) doubles. */
    static double[][][] channels(float[] rgb, int size) {
        double[][][] out = new double[3][size][size];
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                for (int c = 0; c < 3; c++) {
                    out[c][y][x] = rgb[(y * size + x) * 3 + c];
                }
            }
        }
        return out;
    }

    /** A \( [3][H][W] \) image in \( [0, 1] \) enlarged by {@code zoom} (nearest). */
    static BufferedImage image(double[][][] chw, int zoom) {
        int h = chw[0].length;
        int w = chw[0][0].length;
        BufferedImage out = new BufferedImage(w * zoom, h * zoom, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < h * zoom; y++) {
            for (int x = 0; x < w * zoom; x++) {
                int rgb = 0;
                for (int c = 0; c < 3; c++) {
                    rgb = (rgb << 8) | (int) Math.round(255 * Math.clamp(chw[c][y / zoom][x / zoom], 0.0, 1.0));
                }
                out.setRGB(x, y, rgb);
            }
        }
        return out;
    }

    /** A segment between two grid points, in display pixels (corners not aligned: −1 and 1 are the outer edges). */
    static Line2D line(double[] from, double[] to, int size) {
        return new Line2D.Double((from[0] + 1) / 2 * size * ZOOM, (from[1] + 1) / 2 * size * ZOOM,
                (to[0] + 1) / 2 * size * ZOOM, (to[1] + 1) / 2 * size * ZOOM);
    }

    static BufferedImage beside(BufferedImage a, BufferedImage b) {
        BufferedImage out = new BufferedImage(a.getWidth() + 16 + b.getWidth(), Math.max(a.getHeight(), b.getHeight()),
                BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, out.getWidth(), out.getHeight());
        g.drawImage(a, 0, 0, null);
        g.drawImage(b, a.getWidth() + 16, 0, null);
        g.dispose();
        return out;
    }

    static void write(String name, BufferedImage image) throws IOException {
        Files.createDirectories(FIGURES);
        assertTrue(ImageIO.write(image, "png", FIGURES.resolve(name).toFile()), "a PNG writer exists");
    }
}
