package dev.fovea.models.shapes;

/** The kinds of shape, with the singular and plural words the questions use. */
public enum ShapeKind {
    /** An axis-aligned filled square of side {@code shapeSize} pixels. */
    SQUARE("square", "squares"),
    /** A filled disc inscribed in the {@code shapeSize} × {@code shapeSize} pixel box: a pixel is covered when its
     * centre lies within the radius {@code shapeSize / 2} of the box centre. */
    CIRCLE("circle", "circles");

    private final String singular;
    private final String plural;

    ShapeKind(String singular, String plural) {
        this.singular = singular;
        this.plural = plural;
    }

    /** E.g. {@code "circle"}. */
    public String singular() {
        return singular;
    }

    /** E.g. {@code "circles"}. */
    public String plural() {
        return plural;
    }
}
