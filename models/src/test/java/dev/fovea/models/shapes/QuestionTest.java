package dev.fovea.models.shapes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class QuestionTest {

    @Test
    void everyQuestionRoundTripsThroughItsText() {
        assertEquals(12, Question.all().size());
        for (Question q : Question.all()) {
            assertEquals(q, Question.parse(q.text()), q.text());
        }
        assertEquals("how many red circles?", Question.of(Colour.RED, ShapeKind.CIRCLE).text());
        assertEquals("how many green shapes?", Question.of(Colour.GREEN, null).text());
        assertEquals("how many squares?", Question.of(null, ShapeKind.SQUARE).text());
        assertEquals("how many shapes?", Question.of(null, null).text());
    }

    @Test
    void parsingIsCaseInsensitiveAndToleratesSpacingAndAQuestionMark() {
        Question redCircles = Question.of(Colour.RED, ShapeKind.CIRCLE);
        assertEquals(redCircles, Question.parse("How many RED circles?"));
        assertEquals(redCircles, Question.parse("  how   many red circles  ?  "));
        assertEquals(redCircles, Question.parse("how many red circles"));
        assertEquals(redCircles, Question.parse("how many red circle"));
        assertEquals(Question.of(Colour.BLUE, null), Question.parse("how many blue shape?"));
    }

    @Test
    void anUnknownWordIsNamedWithTheVocabulary() {
        var e = assertThrows(IllegalArgumentException.class, () -> Question.parse("how many purple circles?"));
        assertEquals("question has the unknown word 'purple'; the vocabulary is how, many, red, green, blue, square, "
                + "squares, circle, circles, shape, shapes", e.getMessage());
    }

    @Test
    void knownWordsInTheWrongOrderAreRejected() {
        for (String text : new String[] {"", "?", "how many", "many how circles", "how many circles red",
                "how many red green circles", "how many red"}) {
            var e = assertThrows(IllegalArgumentException.class, () -> Question.parse(text), text);
            assertEquals("question '" + text + "' is not of the form 'how many [colour] shapes|squares|circles?', "
                    + "e.g. 'how many red circles?'", e.getMessage());
        }
    }

    @Test
    void tokenIdsAreDistinctPerQuestionAndInRange() {
        Set<String> seen = new HashSet<>();
        for (Question q : Question.all()) {
            int[] ids = q.tokenIds();
            for (int id : ids) {
                assertEquals(true, id >= 0 && id < Question.TOKEN_COUNT, q.text() + " " + id);
            }
            assertEquals(true, seen.add(Arrays.toString(ids)), q.text());
        }
        // Fixed encoding: changing it would silently break every stored model.
        assertEquals("[1, 6]", Arrays.toString(Question.of(Colour.RED, ShapeKind.CIRCLE).tokenIds()));
        assertEquals("[0, 4]", Arrays.toString(Question.of(null, null).tokenIds()));
        assertEquals(7, Question.TOKEN_COUNT);
    }
}
