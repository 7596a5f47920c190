package dev.fovea.serving.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The REST API on a real Quarkus application with the embedded H2 database and real (briefly trained) models.
 */
@QuarkusTest
class ApiTest {

    /** RestAssured knows the test port only per test, so the wait runs before each (it returns at once when ready). */
    @BeforeEach
    void waitUntilReady() throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (given().get("/q/health/ready").statusCode() != 200) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not ready within 3 minutes: " + given().get("/q/health/ready").asString());
            }
            Thread.sleep(250);
        }
    }

    @Test
    void opsAnswerAsOnTheCommandLine() {
        List<Float> p = given().contentType(ContentType.JSON).body("{\"mapping\":\"softmax\",\"scores\":[1,2,3]}")
                .post("/api/v1/ops/attention/discrete")
                .then().statusCode(200).extract().jsonPath().getList("probabilities", Float.class);
        double z = Math.E + Math.exp(2) + Math.exp(3);
        assertEquals(Math.exp(3) / z, p.get(2), 1e-6);
        given().get("/api/v1/ops").then().statusCode(200).body("$", hasItem("alignment/dtw"));
    }

    @Test
    void badOpRequestsAreProblemsNamingTheField() {
        given().contentType(ContentType.JSON).body("{\"mapping\":\"softmax\",\"scores\":[1,\"x\"]}")
                .post("/api/v1/ops/attention/discrete")
                .then().statusCode(400).contentType("application/problem+json")
                .body("field", equalTo("scores[1]")).body("status", equalTo(400));
        given().contentType(ContentType.JSON).body("{").post("/api/v1/ops/alignment/dtw")
                .then().statusCode(400).body("field", equalTo("body"));
        given().contentType(ContentType.JSON).body("{}").post("/api/v1/ops/attention/nothing")
                .then().statusCode(404).contentType("application/problem+json")
                .body("detail", containsString("attention/discrete"));
    }

    @Test
    void defaultModelsAreTrainedAndRecorded() {
        given().get("/api/v1/models").then().statusCode(200)
                .body("name", hasItem("shapes-discrete")).body("name", hasItem("shapes-continuous"))
                .body("find { it.name == 'shapes-continuous' }.attentionKind", equalTo("continuous-softmax"))
                .body("find { it.name == 'shapes-discrete' }.metrics.accuracy", notNullValue());
        given().get("/api/v1/models/shapes-discrete/1").then().statusCode(200).body("version", equalTo(1));
        given().get("/api/v1/models/shapes-discrete/99").then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void predictOnAGeneratedSampleGivesAnAnswerAndAMap() {
        for (String model : List.of("shapes-discrete", "shapes-continuous")) {
            Response response = given().contentType(ContentType.JSON)
                    .body("{\"model\":\"" + model + "\",\"sample\":{\"seed\":7,\"index\":3}}")
                    .post("/api/v1/predict");
            response.then().statusCode(200).body("answer", notNullValue()).body("attention", hasSize(8))
                    .body("truth.relevance", hasSize(8));
            List<List<Float>> attention = response.jsonPath().getList("attention");
            double sum = attention.stream().flatMap(List::stream).mapToDouble(Float::doubleValue).sum();
            assertEquals(1.0, sum, 1e-4, model);
            List<Float> probabilities = response.jsonPath().getList("probabilities", Float.class);
            assertEquals(1.0, probabilities.stream().mapToDouble(Float::doubleValue).sum(), 1e-4);
            int answer = Integer.parseInt(response.jsonPath().getString("answer"));
            assertTrue(probabilities.get(answer) >= probabilities.stream().mapToDouble(Float::doubleValue).max()
                    .orElseThrow() - 1e-6, "the answer is the most probable one");
        }
    }

    @Test
    void predictOnAGivenImage() {
        StringBuilder rgb = new StringBuilder("[");
        for (int i = 0; i < 32 * 32 * 3; i++) {
            rgb.append(i == 0 ? "" : ",").append(i % 7 == 0 ? "0.9" : "0.05");
        }
        rgb.append(']');
        given().contentType(ContentType.JSON)
                .body("{\"model\":\"shapes-discrete\",\"question\":\"how many red shapes?\",\"image\":{\"rgb\":"
                        + rgb + "}}")
                .post("/api/v1/predict")
                .then().statusCode(200).body("question", equalTo("how many red shapes?"))
                .body("attention[0]", hasSize(8)).body("probabilities.sum()", closeTo(1.0, 1e-4));
    }

    @Test
    void badPredictRequestsNameTheField() {
        given().contentType(ContentType.JSON)
                .body("{\"model\":\"shapes-discrete\",\"question\":\"how many purple unicorns?\",\"sample\":{\"seed\":1}}")
                .post("/api/v1/predict").then().statusCode(400).body("field", equalTo("question"))
                .body("detail", containsString("purple"));
        given().contentType(ContentType.JSON)
                .body("{\"model\":\"shapes-discrete\",\"question\":\"how many red shapes?\",\"image\":{\"rgb\":[0.1,0.2]}}")
                .post("/api/v1/predict").then().statusCode(400).body("field", equalTo("image.rgb"));
        given().contentType(ContentType.JSON).body("{\"model\":\"no-such-model\",\"sample\":{\"seed\":1}}")
                .post("/api/v1/predict").then().statusCode(404);
        given().contentType(ContentType.JSON).body("{\"sample\":{\"seed\":1}}")
                .post("/api/v1/predict").then().statusCode(400).body("field", equalTo("model"));
    }

    @Test
    void trainingANewVersionRecordsIt() {
        given().contentType(ContentType.JSON)
                .body("{\"name\":\"api-test\",\"attention\":\"continuous-softmax\",\"steps\":20}")
                .post("/api/v1/models").then().statusCode(201)
                .header("Location", containsString("/api/v1/models/api-test/1"))
                .body("attentionKind", equalTo("continuous-softmax")).body("steps", equalTo(20));
        given().contentType(ContentType.JSON).body("{\"name\":\"Bad Name!\"}")
                .post("/api/v1/models").then().statusCode(400).body("field", equalTo("name"));
        given().contentType(ContentType.JSON).body("{\"name\":\"ok\",\"attention\":\"telepathy\"}")
                .post("/api/v1/models").then().statusCode(400).body("field", equalTo("attention"));
    }

    @Test
    void healthAndOpenApi() {
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
        given().accept("application/json").get("/q/openapi").then().statusCode(200)
                .body("paths", org.hamcrest.Matchers.hasKey("/api/v1/predict"));
    }
}
