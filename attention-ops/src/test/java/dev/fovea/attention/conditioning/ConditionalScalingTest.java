package dev.fovea.attention.conditioning;

import java.util.List;

class ConditionalScalingTest extends ConditioningContract {

    @Override
    ConditioningBlock block() {
        return ConditionalScaling.of(CHANNELS, CONDITION);
    }

    @Override
    double[][] reference(double[][] features, double[] condition, List<double[]> p) {
        return ConditionalScaling.apply(features, linear(p.get(0), p.get(1), condition));
    }
}
