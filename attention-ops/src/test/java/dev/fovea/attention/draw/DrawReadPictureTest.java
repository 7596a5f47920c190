package dev.fovea.attention.draw;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/**
 * Writes {@code target/draw-read.png} (copied to {@code docs/images/} for hard-attention.md): a 64 × 64 image of a
 * disk and a bar, the centres of a 12 × 12 DRAW filterbank over it, and the glimpse it reads. The test also checks
 * what the picture shows: the glimpse is brightest where the grid covers the disk.
 */
class DrawReadPictureTest {

    private static final int SIZE = 64;
    private static final int GLIMPSES = 12;
    private static final int SCALE = 5;

    @Test
    void writesTheFilterbankReadPicture() throws IOException {
        double[][] image = new double[SIZE][SIZE];
        for (int b = 0; b < SIZE; b++) {
            for (int a = 0; a < SIZE; a++) {
                boolean disk = (a - 22) * (a - 22) + (b - 24) * (b - 24) <= 100;
                boolean bar = a >= 40 && a <= 56 && b >= 44 && b <= 48;
                image[b][a] = disk || bar ? 1.0 : 0.1;
            }
        }
        // Centred on the disk (pixel (22, 24)): g̃ = (22 - 31.5)/32.5 and (24 - 31.5)/32.5; δ = 63/11 · 0.35 ≈ 2 px.
        FilterbankParameters p = new FilterbankParameters((22 - 31.5) / 32.5, (24 - 31.5) / 32.5, Math.log(1.0),
                Math.log(0.35), 0.0);
        DrawFilterbank.Matrices f = DrawFilterbank.of(SIZE, SIZE, GLIMPSES, p);
        double[][] glimpse = DrawRead.glimpse(image, f);

        int side = SIZE * SCALE;
        BufferedImage picture = new BufferedImage(2 * side + 20, side, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = picture.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, picture.getWidth(), picture.getHeight());
        for (int b = 0; b < SIZE; b++) {
            for (int a = 0; a < SIZE; a++) {
                g.setColor(grey(image[b][a]));
                g.fillRect(a * SCALE, b * SCALE, SCALE, SCALE);
            }
        }
        g.setColor(Color.RED);
        for (double my : f.meansY()) {
            for (double mx : f.meansX()) {
                // Pixel a covers [a, a + 1) × SCALE on screen, so its centre is at (a + 0.5) · SCALE.
                int x = (int) Math.round((mx + 0.5) * SCALE);
                int y = (int) Math.round((my + 0.5) * SCALE);
                g.fillOval(x - 2, y - 2, 4, 4);
            }
        }
        int cell = side / GLIMPSES;
        for (int i = 0; i < GLIMPSES; i++) {
            for (int j = 0; j < GLIMPSES; j++) {
                g.setColor(grey(glimpse[i][j]));
                g.fillRect(side + 20 + j * cell, i * cell, cell, cell);
            }
        }
        g.dispose();
        Path out = Path.of("target", "draw-read.png");
        Files.createDirectories(out.getParent());
        ImageIO.write(picture, "png", out.toFile());
        assertTrue(Files.size(out) > 0);

        // The grid spans about 22 px around the disk's centre: the middle of the glimpse is inside the disk
        // (radius 10), the corners are not.
        assertTrue(glimpse[GLIMPSES / 2][GLIMPSES / 2] > 0.9, "centre " + glimpse[GLIMPSES / 2][GLIMPSES / 2]);
        assertTrue(glimpse[0][0] < 0.3, "corner " + glimpse[0][0]);
    }

    private static Color grey(double v) {
        int level = (int) Math.round(255 * Math.max(0.0, Math.min(1.0, v)));
        return new Color(level, level, level);
    }
}
