package dev.fovea.alignment.dctw;

import ai.djl.ndarray.NDManager;
import dev.fovea.alignment.ctw.CanonicalTimeWarping;
import dev.fovea.alignment.ctw.CtwOptions;
import dev.fovea.alignment.synthetic.SpiralBenchmark;
import dev.fovea.alignment.synthetic.SpiralBenchmark.Method;
import dev.fovea.alignment.synthetic.SpiralBenchmark.Row;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The deep-CTW rows of the spiral table in {@code docs/alignment.md}: {@link SpiralBenchmark#methods()} plus deep CTW
 * in several network shapes, on seeds {@code 0 … count − 1}. Lives with the tests because it needs the PyTorch
 * engine. Argument: {@code [count]} (default 20). Every network stays in one manager until the end.
 */
public final class DeepCtwSpiralBenchmark {

    private DeepCtwSpiralBenchmark() {
    }

    public static void main(String[] args) {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        try (NDManager manager = NDManager.newBaseManager()) {
            List<Method> methods = new ArrayList<>(SpiralBenchmark.methods());
            methods.add(deep(manager, "Deep CTW, defaults (16-16 sigmoid)", DeepCtwOptions.defaults()));
            methods.add(deep(manager, "Deep CTW, 16-16 tanh",
                    DeepCtwOptions.defaults().withActivation(HiddenActivation.TANH)));
            methods.add(deep(manager, "Deep CTW, 16-16 ReLU",
                    DeepCtwOptions.defaults().withActivation(HiddenActivation.RELU)));
            methods.add(deep(manager, "Deep CTW, singleTanhLayer() (16 tanh)", DeepCtwOptions.singleTanhLayer()));
            methods.add(Method.ofPath("Deep CTW, no hidden layer (rate 0.05, 20 alternations, CTW's k)", p -> {
                int k = CanonicalTimeWarping.align(p.x(), p.y(), CtwOptions.defaults()).cca().components();
                return DeepCanonicalTimeWarping.align(manager, p.x(), p.y(), DeepCtwOptions.defaults()
                        .withHiddenLayers(List.of()).withOutputs(k).withLearningRate(0.05).withMaxIterations(20))
                        .path();
            }));
            System.out.println("| method | mean error (fraction of n_y) | std | seeds |");
            System.out.println("|---|---|---|---|");
            for (Row row : SpiralBenchmark.run(methods, count)) {
                System.out.println(String.format(Locale.ROOT, "| %s | %.4f | %.4f | %d |", row.method(),
                        row.meanError(), row.stdError(), count));
            }
        }
    }

    private static Method deep(NDManager manager, String name, DeepCtwOptions options) {
        return Method.ofPath(name, p -> DeepCanonicalTimeWarping.align(manager, p.x(), p.y(), options).path());
    }
}
