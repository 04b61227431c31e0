package dev.tangent.train;

import dev.tangent.nn.Activation;
import dev.tangent.nn.MlpSpec;
import dev.tangent.nn.OutputBias;
import dev.tangent.nn.Parameterization;
import dev.tangent.pde.Problem;
import java.util.List;

/** The network a config asks for, falling back to the problem's defaults. */
public final class NetFactory {
    private NetFactory() {}

    public static MlpSpec build(Config c, Problem p) {
        int[] hidden = p.defaults().hidden();
        List<Object> widths = c.list("net.widths");
        if (widths != null) {
            hidden = widths.stream().mapToInt(o -> (int) ProblemFactory.toDouble(o, "net.widths")).toArray();
        } else if (c.has("net.width") || c.has("net.depth")) {
            int w = (int) c.integer("net.width", hidden.length > 0 ? hidden[0] : 32);
            int depth = (int) c.integer("net.depth", hidden.length);
            if (w < 1) throw new IllegalArgumentException("net.width must be a positive integer, got " + w);
            if (depth < 1) throw new IllegalArgumentException("net.depth must be a positive integer, got " + depth);
            hidden = new int[depth];
            java.util.Arrays.fill(hidden, w);
        }
        Activation act = c.has("net.activation") ? Activation.parse(c.string("net.activation", "tanh")) : p.defaults().activation();
        return new MlpSpec(p.domain().dim(), hidden, act, c.number("net.s", 0.5),
                Parameterization.parse(c.string("net.parameterization", "standard")),
                OutputBias.parse(c.string("net.output_bias", "unscaled")));
    }
}
