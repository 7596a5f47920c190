package dev.fovea.serving.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fovea.attention.continuous.ContinuousAttention;
import dev.fovea.attention.continuous.ContinuousEvaluation;
import dev.fovea.attention.continuous.ContinuousMapping;
import dev.fovea.attention.continuous.Support;
import dev.fovea.serving.problem.InvalidRequestException;
import dev.fovea.serving.request.JsonRequest;
import java.util.Map;

/**
 * {@code attention/continuous}: the expectation of a Gaussian RBF basis under a continuous softmax or sparsemax
 * density in 1-D or 2-D, with its Jacobian with respect to the canonical parameters and the density's support.
 *
 * <pre>{"mapping":"softmax|sparsemax","mean":[…d],"covariance":[[…]],
 *  "basis":{"means":[[…d],…],"covariances":[[[…]],…]},"jacobian":true}
 *   →  {"expectation":[r_1…r_N],"jacobian":[[…]],"support":{…}}</pre>
 * {@code covariance} is the \( \Sigma \) of the score \( f(t) = -\tfrac12 (t-\mu)^\top \Sigma^{-1} (t-\mu) \), for
 * sparsemax too. {@code jacobian[i][j]} \( = \partial r_j / \partial \theta_i \), rows in the order of
 * \( \phi(t) = [t, t^2] \) (1-D) or \( [t_1, t_2, t_1^2, t_1 t_2, t_2 t_1, t_2^2] \) (2-D).
 */
final class ContinuousAttentionOp implements Op {

    private static final KernelArguments ARGUMENTS = new KernelArguments(Map.of(
            "mean", "mean", "covariance", "covariance",
            "basisMeans", "basis.means", "basisCovariances", "basis.covariances"), "body");

    @Override
    public String name() {
        return "attention/continuous";
    }

    @Override
    public JsonNode apply(JsonRequest request) {
        ContinuousMapping mapping;
        try {
            mapping = ContinuousMapping.parse(request.string("mapping"));
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("mapping", e.getMessage());
        }
        double[] mean = request.vector("mean");
        double[][] covariance = request.matrix("covariance");
        JsonRequest basis = request.object("basis");
        double[][] basisMeans = basis.matrix("means");
        double[][][] basisCovariances = basis.tensor3("covariances");
        if (basisCovariances.length != basisMeans.length) {
            throw new InvalidRequestException("basis.covariances", "basis.covariances has " + basisCovariances.length
                    + " matrices, basis.means has " + basisMeans.length + " means");
        }
        boolean withJacobian = request.bool("jacobian", false);
        ContinuousEvaluation evaluation;
        try {
            evaluation = ContinuousAttention.evaluate(mapping, mean, covariance, basisMeans, basisCovariances,
                    withJacobian);
        } catch (IllegalArgumentException e) {
            throw ARGUMENTS.toRequestError(e);
        } catch (ArithmeticException e) {
            // 2-D sparsemax: a basis function too narrow against the support for the angular rule.
            throw new InvalidRequestException("basis.covariances", e.getMessage());
        }
        ObjectNode answer = JsonRequest.answer();
        Json.addAll(answer.putArray("expectation"), evaluation.expectation());
        if (withJacobian) {
            Json.addAll(answer.putArray("jacobian"), evaluation.jacobian());
        }
        support(answer.putObject("support"), evaluation.support());
        return answer;
    }

    private static void support(ObjectNode out, Support support) {
        switch (support) {
            case Support.WholeSpace whole -> out.put("type", "whole-space").put("dimension", whole.dimension());
            case Support.Interval interval -> out.put("type", "interval").put("lower", interval.lower())
                    .put("upper", interval.upper());
            case Support.Ellipse ellipse -> {
                out.put("type", "ellipse");
                Json.addAll(out.putArray("center"), ellipse.center());
                Json.addAll(out.putArray("matrix"), ellipse.matrix());
                Json.addAll(out.putArray("semiAxes"), ellipse.semiAxes());
            }
        }
    }
}
