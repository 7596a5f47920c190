package dev.fovea.models.shapes;

/**
 * The colours a shape can have, with the word the questions use and the RGB values the renderer draws
 * (components in \( [0, 1] \), far from each other and from the dark background so that a colour is never ambiguous).
 */
public enum Colour {
    RED("red", 0.90f, 0.15f, 0.15f),
    GREEN("green", 0.15f, 0.80f, 0.20f),
    BLUE("blue", 0.20f, 0.35f, 0.95f);

    private final String word;
    private final float red;
    private final float green;
    private final float blue;

    Colour(String word, float red, float green, float blue) {
        this.word = word;
        this.red = red;
        this.green = green;
        this.blue = blue;
    }

    /** The lower-case word used in questions, e.g. {@code "red"}. */
    public String word() {
        return word;
    }

    /** The drawn colour as a new array {@code {r, g, b}} in \( [0, 1] \). */
    public float[] rgb() {
        return new float[] {red, green, blue};
    }
}
