package dev.fovea.webui.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Base64;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class PngImagesTest {

    static BufferedImage decode(String dataUri) throws IOException {
        String prefix = "data:image/png;base64,";
        assertTrue(dataUri.startsWith(prefix));
        return ImageIO.read(new ByteArrayInputStream(Base64.getDecoder().decode(dataUri.substring(prefix.length()))));
    }

    @Test
    void rgbIsUpscaledPixelForPixel() throws IOException {
        // 2×2 image: red, green / blue, white.
        float[] rgb = {1, 0, 0, 0, 1, 0, 0, 0, 1, 1, 1, 1};
        BufferedImage image = decode(PngImages.rgb(rgb, 2, 3));
        assertEquals(6, image.getWidth());
        assertEquals(0xFF0000, image.getRGB(2, 2) & 0xFFFFFF);
        assertEquals(0x00FF00, image.getRGB(3, 0) & 0xFFFFFF);
        assertEquals(0x0000FF, image.getRGB(0, 5) & 0xFFFFFF);
        assertEquals(0xFFFFFF, image.getRGB(5, 5) & 0xFFFFFF);
    }

    @Test
    void heatMapIsTransparentWhereThereIsNoAttentionAndStrongestAtTheMaximum() throws IOException {
        double[] weights = {0, 0.25, 0, 0.5};
        BufferedImage heat = decode(PngImages.heatMap(weights, 2, 4));
        assertEquals(0, heat.getRGB(0, 0) >>> 24, "zero weight is fully transparent");
        int top = heat.getRGB(3, 3) >>> 24;
        int half = heat.getRGB(3, 0) >>> 24;
        assertEquals(200, top);
        assertTrue(half > 0 && half < top, half + " vs " + top);
    }
}
