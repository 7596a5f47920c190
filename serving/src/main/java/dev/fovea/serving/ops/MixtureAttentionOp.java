package dev.fovea.serving.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fovea.attention.mixture.ComponentCount;
import dev.fovea.attention.mixture.GaussianMixtureFit;
import dev.fovea.attention.mixture.MixtureComponent;
import dev.fovea.attention.mixture.MixtureRequest;
import dev.fovea.attention.mixture.MixtureSelection;
import dev.fovea.serving.problem.InvalidRequestException;
import dev.fovea.serving.request.JsonRequest;
import java.util.Map;

/**
 * {@code attention/mixture}: a mixture of 2-D Gaussians fitted to discrete attention weights over points by a
 * weighted EM, with the number of components fixed or chosen by penalised likelihood.
 *
 * <pre>{"points":[[x,y],…],"weights":[…],"components":K | "maxComponents":K,"iterations":n,
 *  "init":{"means":[[…],…]},"covarianceFloor":1e-6,"penalty":λ,"restarts":r,"seed":s}
 *   →  {"components":[{"weight":π,"mean":[…],"covariance":[[…]]},…],"logLikelihood":Σ w log p,
 *       "criterion":C,"selectedComponents":K}</pre>
 * With {@code init}, initial weights are 1/K and initial covariances 0.001·I; {@code iterations} counts full E+M
 * steps. \( C = -2 \sum_\ell w_\ell \log p(x_\ell) + \lambda K \).
 */
final class MixtureAttentionOp implements Op {

    private static final KernelArguments ARGUMENTS = new KernelArguments(Map.of(
            "points", "points", "weights", "weights", "components", "components", "maxComponents", "maxComponents",
            "initialMeans", "init.means", "iterations", "iterations", "covarianceFloor", "covarianceFloor",
            "penalty", "penalty", "restarts", "restarts"), "body");

    @Override
    public String name() {
        return "attention/mixture";
    }

    @Override
    public JsonNode apply(JsonRequest request) {
        double[][] points = request.matrix("points");
        double[] weights = request.vector("weights");
        if (request.has("components") == request.has("maxComponents")) {
            throw new InvalidRequestException("components", "give exactly one of components and maxComponents");
        }
        ComponentCount count = request.has("components")
                ? ComponentCount.exactly((int) request.integer("components", 1, 1, Integer.MAX_VALUE))
                : ComponentCount.atMost((int) request.integer("maxComponents", 1, 1, Integer.MAX_VALUE));
        double[][] initialMeans = request.has("init") ? request.object("init").matrix("means") : null;
        int restarts = (int) request.integer("restarts", initialMeans == null ? MixtureRequest.DEFAULT_RESTARTS : 1,
                1, 1000);
        GaussianMixtureFit fit;
        try {
            fit = MixtureSelection.fit(new MixtureRequest(points, weights, count,
                    (int) request.integer("iterations", MixtureRequest.DEFAULT_ITERATIONS, 1, 100_000),
                    initialMeans,
                    request.has("covarianceFloor") ? request.number("covarianceFloor")
                            : MixtureRequest.DEFAULT_COVARIANCE_FLOOR,
                    request.has("penalty") ? request.number("penalty") : MixtureRequest.DEFAULT_PENALTY,
                    restarts,
                    request.integer("seed", MixtureRequest.DEFAULT_SEED, Long.MIN_VALUE, Long.MAX_VALUE)));
        } catch (IllegalArgumentException e) {
            throw ARGUMENTS.toRequestError(e);
        } catch (ArithmeticException e) {
            // Only without a floor: a component collapsed onto collinear points.
            throw new InvalidRequestException("covarianceFloor", e.getMessage() + "; use a covarianceFloor > 0");
        }
        ObjectNode answer = JsonRequest.answer();
        ArrayNode components = answer.putArray("components");
        for (MixtureComponent component : fit.components()) {
            ObjectNode c = components.addObject();
            c.put("weight", component.weight());
            Json.addAll(c.putArray("mean"), component.mean());
            Json.addAll(c.putArray("covariance"), component.covariance());
        }
        answer.put("logLikelihood", fit.logLikelihood());
        answer.put("criterion", fit.criterion());
        answer.put("selectedComponents", fit.selectedComponents());
        return answer;
    }
}
