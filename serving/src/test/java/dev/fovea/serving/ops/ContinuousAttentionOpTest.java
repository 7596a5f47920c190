package dev.fovea.serving.ops;

import static dev.fovea.serving.ops.OpsCommandTest.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fovea.serving.ops.OpsCommandTest.Outcome;
import java.io.IOException;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** {@code attention/continuous} through the command-line edge, checked against formulas written out here. */
class ContinuousAttentionOpTest {

    static String request(String mapping, String mean, String covariance, String means, String covariances) {
        return "{\"mapping\":\"" + mapping + "\",\"mean\":" + mean + ",\"covariance\":" + covariance
                + ",\"basis\":{\"means\":" + means + ",\"covariances\":" + covariances + "},\"jacobian\":true}";
    }

    @Test
    void oneDimensionalSoftmaxIsTheGaussianConvolution() throws IOException {
        // E_{N(0.5, 0.04)}[N(t; 0.5, 0.01)] = N(0.5; 0.5, 0.05) = 1/sqrt(2π·0.05).
        Outcome outcome = run("attention/continuous", request("softmax", "[0.5]", "[[0.04]]", "[[0.5],[0.9]]",
                "[[[0.01]],[[0.01]]]"));
        assertEquals(0, outcome.status(), outcome.json().toString());
        JsonNode r = outcome.json().get("expectation");
        assertEquals(1 / Math.sqrt(2 * Math.PI * 0.05), r.get(0).doubleValue(), 1e-13);
        assertEquals(Math.exp(-0.16 / 0.1) / Math.sqrt(2 * Math.PI * 0.05), r.get(1).doubleValue(), 1e-13);
        assertEquals(2, outcome.json().get("jacobian").size(), "rows for θ = (θ₁, θ₂), φ(t) = (t, t²)");
        assertEquals("whole-space", outcome.json().at("/support/type").asText());
    }

    @Test
    void twoDimensionalSoftmaxAndTheMeanRowsOfItsJacobian() throws IOException {
        double[] mu = {0.3, 0.6};
        double[][] sigma = {{0.02, 0.005}, {0.005, 0.03}};
        String covariance = "[[0.02,0.005],[0.005,0.03]]";
        Outcome outcome = run("attention/continuous", request("softmax", "[0.3,0.6]", covariance, "[[0.5,0.5]]",
                "[[[0.01,0],[0,0.01]]]"));
        assertEquals(0, outcome.status(), outcome.json().toString());
        assertEquals(gaussian2(0.5 - mu[0], 0.5 - mu[1], sigma[0][0] + 0.01, sigma[0][1], sigma[1][1] + 0.01),
                outcome.json().at("/expectation/0").doubleValue(), 1e-12);
        JsonNode jacobian = outcome.json().get("jacobian");
        assertEquals(6, jacobian.size(), "rows for φ(t) = (t₁, t₂, t₁², t₁t₂, t₂t₁, t₂²)");
        // θ₁ = Σ⁻¹μ: moving θ₁ by h·e_i with Σ fixed moves μ by h·Σ e_i. Central differences through the op itself.
        double h = 1e-5;
        for (int i = 0; i < 2; i++) {
            double[] plus = {mu[0] + h * sigma[0][i], mu[1] + h * sigma[1][i]};
            double[] minus = {mu[0] - h * sigma[0][i], mu[1] - h * sigma[1][i]};
            double difference = (expectation(plus, covariance) - expectation(minus, covariance)) / (2 * h);
            assertEquals(difference, jacobian.get(i).get(0).doubleValue(),
                    1e-6 * Math.abs(difference), "∂r/∂θ₁[" + i + "]");
        }
    }

    static double expectation(double[] mean, String covariance) throws IOException {
        String m = String.format(Locale.ROOT, "[%.17g,%.17g]", mean[0], mean[1]);
        return run("attention/continuous", request("softmax", m, covariance, "[[0.5,0.5]]", "[[[0.01,0],[0,0.01]]]"))
                .json().at("/expectation/0").doubleValue();
    }

    /** The bivariate normal density at offset (x, y) with covariance [[a, b], [b, c]], written out. */
    static double gaussian2(double x, double y, double a, double b, double c) {
        double det = a * c - b * b;
        double q = (c * x * x - 2 * b * x * y + a * y * y) / det;
        return Math.exp(-0.5 * q) / (2 * Math.PI * Math.sqrt(det));
    }

    @Test
    void oneDimensionalSparsemaxSupportIsTheIntervalThatNormalises() throws IOException {
        // p(t) = [−(t−μ)²/(2σ²) − τ]₊ integrates to 2a³/(3σ²) over |t−μ| ≤ a, so a = (3σ²/2)^(1/3).
        Outcome outcome = run("attention/continuous", request("sparsemax", "[0.5]", "[[0.04]]", "[[0.5]]",
                "[[[0.01]]]"));
        assertEquals(0, outcome.status(), outcome.json().toString());
        double a = Math.cbrt(1.5 * 0.04);
        assertEquals("interval", outcome.json().at("/support/type").asText());
        assertEquals(0.5 - a, outcome.json().at("/support/lower").doubleValue(), 1e-12);
        assertEquals(0.5 + a, outcome.json().at("/support/upper").doubleValue(), 1e-12);
    }

    @Test
    void twoDimensionalSparsemaxHasAnEllipticSupport() throws IOException {
        Outcome outcome = run("attention/continuous", request("sparsemax", "[0.5,0.5]", "[[0.02,0],[0,0.02]]",
                "[[0.5,0.5],[0.1,0.9]]", "[[[0.01,0],[0,0.01]],[[0.01,0],[0,0.01]]]"));
        assertEquals(0, outcome.status(), outcome.json().toString());
        assertEquals("ellipse", outcome.json().at("/support/type").asText());
        assertEquals(2, outcome.json().get("expectation").size());
        assertTrue(outcome.json().at("/expectation/0").doubleValue() > outcome.json().at("/expectation/1")
                .doubleValue(), "the basis function at the centre gets more mass than one in the corner");
    }

    @Test
    void badInputNamesTheField() throws IOException {
        assertField("covariance", request("softmax", "[0.5,0.5]", "[[1,2],[2,1]]", "[[0.5,0.5]]",
                "[[[0.01,0],[0,0.01]]]"));
        assertField("basis.covariances[0]", request("softmax", "[0.5,0.5]", "[[1,0],[0,1]]", "[[0.5,0.5]]",
                "[[[-0.01,0],[0,0.01]]]"));
        assertField("basis.means[0]", request("softmax", "[0.5,0.5]", "[[1,0],[0,1]]", "[[0.5]]",
                "[[[0.01]]]"));
        assertField("basis.means", request("softmax", "[0.5]", "[[1]]", "[]", "[]"));
        assertField("mean[1]", request("softmax", "[0.5,NaN]", "[[1,0],[0,1]]", "[[0.5,0.5]]",
                "[[[0.01,0],[0,0.01]]]"));
        assertField("mapping", request("softermax", "[0.5]", "[[1]]", "[[0.5]]", "[[[0.01]]]"));
        assertField("basis.covariances", request("softmax", "[0.5]", "[[1]]", "[[0.5],[0.6]]", "[[[0.01]]]"));
    }

    static void assertField(String field, String request) throws IOException {
        Outcome outcome = run("attention/continuous", request);
        assertEquals(2, outcome.status(), outcome.json().toString());
        assertEquals(field, outcome.json().get("field").asText(), outcome.json().toString());
    }
}
