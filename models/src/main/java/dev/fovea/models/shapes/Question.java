package dev.fovea.models.shapes;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * A counting question over a closed vocabulary: "how many [COLOUR] (KIND-PLURAL | shapes)?", e.g.
 * {@code "how many red circles?"}, {@code "how many green shapes?"}, {@code "how many squares?"},
 * {@code "how many shapes?"}.
 *
 * <p>An empty filter means "any": {@code colour} empty counts every colour, {@code kind} empty counts every kind.
 * The model sees a question through {@link #tokenIds()}, a fixed encoding into {@link #TOKEN_COUNT} tokens.
 *
 * @param colour the colour asked about, or empty for any colour
 * @param kind   the kind asked about, or empty for any kind
 */
public record Question(Optional<Colour> colour, Optional<ShapeKind> kind) {

    /**
     * Size of the token vocabulary of {@link #tokenIds()}: "any colour", the colours in {@link Colour} order,
     * "any kind", the kinds in {@link ShapeKind} order.
     */
    public static final int TOKEN_COUNT = Colour.values().length + ShapeKind.values().length + 2;

    private static final String ANY_KIND_WORD = "shapes";

    /** The words {@link #parse(String)} accepts, in a fixed order. */
    public static final List<String> VOCABULARY = vocabulary();

    /**
     * @throws NullPointerException if a filter is null (use {@link Optional#empty()} for "any")
     */
    public Question {
        Objects.requireNonNull(colour, "colour must not be null; use Optional.empty() for any colour");
        Objects.requireNonNull(kind, "kind must not be null; use Optional.empty() for any kind");
    }

    /** The question with the given filters; {@code null} means "any". */
    public static Question of(Colour colour, ShapeKind kind) {
        return new Question(Optional.ofNullable(colour), Optional.ofNullable(kind));
    }

    /** Every question the vocabulary can express, in a fixed order (any colour first, then {@link Colour} order). */
    public static List<Question> all() {
        List<Question> all = new ArrayList<>();
        List<Colour> colours = new ArrayList<>(Arrays.asList(Colour.values()));
        colours.addFirst(null);
        List<ShapeKind> kinds = new ArrayList<>(Arrays.asList(ShapeKind.values()));
        kinds.addFirst(null);
        for (Colour c : colours) {
            for (ShapeKind k : kinds) {
                all.add(of(c, k));
            }
        }
        return List.copyOf(all);
    }

    /**
     * Parses a question of the form "how many [COLOUR] (KIND | KIND-PLURAL | shape | shapes)", case-insensitively,
     * with surrounding and repeated white space and one trailing {@code ?} allowed.
     *
     * @throws IllegalArgumentException if a word is not in {@link #VOCABULARY} (the message names the word and lists
     *                                  the vocabulary) or the words are not in the form above (the message quotes the
     *                                  text and gives an example)
     */
    public static Question parse(String text) {
        Objects.requireNonNull(text, "question must not be null");
        String normalized = text.strip().toLowerCase(Locale.ROOT);
        if (normalized.endsWith("?")) {
            normalized = normalized.substring(0, normalized.length() - 1).strip();
        }
        String[] words = normalized.isEmpty() ? new String[0] : normalized.split("\\s+");
        for (String word : words) {
            if (!VOCABULARY.contains(word)) {
                throw new IllegalArgumentException("question has the unknown word '" + word + "'; the vocabulary is "
                        + String.join(", ", VOCABULARY));
            }
        }
        if (words.length < 3 || words.length > 4 || !words[0].equals("how") || !words[1].equals("many")) {
            throw malformed(text);
        }
        Colour colour = null;
        if (words.length == 4) {
            colour = colourOf(words[2]);
            if (colour == null) {
                throw malformed(text);
            }
        }
        String last = words[words.length - 1];
        if (last.equals(ANY_KIND_WORD) || last.equals("shape")) {
            return of(colour, null);
        }
        for (ShapeKind kind : ShapeKind.values()) {
            if (last.equals(kind.singular()) || last.equals(kind.plural())) {
                return of(colour, kind);
            }
        }
        throw malformed(text);
    }

    /** The canonical text, e.g. {@code "how many red circles?"}; {@code parse(q.text())} equals {@code q}. */
    public String text() {
        StringBuilder text = new StringBuilder("how many ");
        colour.ifPresent(c -> text.append(c.word()).append(' '));
        text.append(kind.map(ShapeKind::plural).orElse(ANY_KIND_WORD));
        return text.append('?').toString();
    }

    /** Whether a shape is one this question counts. */
    public boolean matches(PlacedShape shape) {
        return colour.map(c -> c == shape.colour()).orElse(true) && kind.map(k -> k == shape.kind()).orElse(true);
    }

    /**
     * The fixed token encoding the model reads: two ids in \( [0, \mathit{TOKEN\_COUNT}) \), first the colour token
     * (0 = any colour, \( 1 + \) {@link Colour#ordinal()}), then the kind token (\( 1 + |\mathit{Colour}| \) = any
     * kind, then \( 2 + |\mathit{Colour}| + \) {@link ShapeKind#ordinal()}).
     */
    public int[] tokenIds() {
        int colours = Colour.values().length;
        int colourToken = colour.map(c -> 1 + c.ordinal()).orElse(0);
        int kindToken = kind.map(k -> colours + 2 + k.ordinal()).orElse(colours + 1);
        return new int[] {colourToken, kindToken};
    }

    private static Colour colourOf(String word) {
        for (Colour c : Colour.values()) {
            if (c.word().equals(word)) {
                return c;
            }
        }
        return null;
    }

    private static IllegalArgumentException malformed(String text) {
        return new IllegalArgumentException("question '" + text
                + "' is not of the form 'how many [colour] shapes|squares|circles?', e.g. 'how many red circles?'");
    }

    private static List<String> vocabulary() {
        List<String> words = new ArrayList<>(List.of("how", "many"));
        for (Colour c : Colour.values()) {
            words.add(c.word());
        }
        for (ShapeKind k : ShapeKind.values()) {
            words.add(k.singular());
            words.add(k.plural());
        }
        words.add("shape");
        words.add(ANY_KIND_WORD);
        return List.copyOf(words);
    }
}
