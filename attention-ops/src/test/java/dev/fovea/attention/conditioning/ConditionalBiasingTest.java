package dev.fovea.attention.conditioning;

import java.util.List;

class ConditionalBiasingTest extends ConditioningContract {

    @Override
    ConditioningBlock block() {
        return ConditionalBiasing.of(CHANNELS, CONDITION);
    }

    @Override
    double[][] reference(double[][] features, double[] condition, List<double[]> p) {
        return ConditionalBiasing.apply(features, linear(p.get(0), p.get(1), condition));
    }
}
