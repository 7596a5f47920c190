package dev.fovea.serving.request;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fovea.serving.problem.InvalidRequestException;
import org.junit.jupiter.api.Test;

class JsonRequestTest {

    @Test
    void nestedFieldsCarryTheirPath() {
        JsonRequest request = JsonRequest.parse("{\"image\":{\"rgb\":[0.5,Infinity]}}");
        InvalidRequestException e = assertThrows(InvalidRequestException.class,
                () -> request.object("image").vector("rgb"));
        assertEquals("image.rgb[1]", e.field());
        assertTrue(e.getMessage().contains("Infinity"), e.getMessage());
    }

    @Test
    void readsVectorsMatricesAndScalars() {
        JsonRequest request = JsonRequest.parse("{\"v\":[1,2.5],\"m\":[[1],[2]],\"b\":false,\"n\":7}");
        assertArrayEquals(new double[] {1, 2.5}, request.vector("v"));
        assertTrue(request.isMatrix("m"));
        assertEquals(2, request.matrix("m").length);
        assertEquals(false, request.bool("b", true));
        assertEquals(true, request.bool("absent", true));
        assertEquals(7, request.integer("n", 0, 0, 10));
    }

    @Test
    void outOfRangeAndWrongKindsAreNamed() {
        JsonRequest request = JsonRequest.parse("{\"n\":11,\"s\":3,\"b\":\"yes\"}");
        assertEquals("n", assertThrows(InvalidRequestException.class, () -> request.integer("n", 0, 0, 10)).field());
        assertEquals("s", assertThrows(InvalidRequestException.class, () -> request.string("s")).field());
        assertEquals("b", assertThrows(InvalidRequestException.class, () -> request.bool("b", true)).field());
        assertEquals("missing",
                assertThrows(InvalidRequestException.class, () -> request.vector("missing")).field());
    }

    @Test
    void onlyAnObjectIsARequest() {
        assertEquals("body", assertThrows(InvalidRequestException.class, () -> JsonRequest.parse("[1,2]")).field());
        assertEquals("body", assertThrows(InvalidRequestException.class, () -> JsonRequest.parse(" ")).field());
    }
}
