package dev.tangent.train;

import dev.tangent.Limits;
import dev.tangent.nn.Activation;
import dev.tangent.nn.MlpSpec;
import dev.tangent.nn.NetLayout;
import dev.tangent.nn.OutputBias;
import dev.tangent.nn.Parameterization;
import dev.tangent.pde.Problem;
import java.util.List;

/** The network a config asks for, falling back to the problem's defaults. */
public final class NetFactory {
    private NetFactory() {}

    /** The network with θ's trailing entries for the problem's unknown coefficients. */
    public static dev.tangent.nn.Mlp network(Config c, Problem p) {
        dev.tangent.nn.FourierFeatures f = null;
        if (c.has("net.fourier")) {
            f = new dev.tangent.nn.FourierFeatures(c.integer("net.fourier.features", 64, 1, Integer.MAX_VALUE), c.number("net.fourier.scale", 1.0));
        }
        return new dev.tangent.nn.Mlp(build(c, p), p.unknowns().size(), f);
    }

    public static MlpSpec build(Config c, Problem p) {
        int[] hidden = p.defaults().hidden();
        List<Object> widths = c.list("net.widths");
        if (widths != null) {
            Limits.PARAMETERS.check(widths.size(), "config key 'net.widths' (one hidden layer per entry)");
            hidden = new int[widths.size()];
            for (int i = 0; i < hidden.length; i++) hidden[i] = ConfigSchema.decimal(widths.get(i)).intValueExact(); // the schema checked the range
        } else if (c.has("net.width") || c.has("net.depth")) {
            int w = c.integer("net.width", hidden.length > 0 ? hidden[0] : 32, 1, Integer.MAX_VALUE);
            int depth = c.integer("net.depth", Math.max(1, hidden.length), 1, Integer.MAX_VALUE);
            // count the parameters before allocating depth layers: d·w + w, (depth − 1)·(w² + w), w + 1
            long d = p.domain().dim();
            long params = Limits.product(d + 1, w) + Limits.product(depth - 1L, Limits.product(w, w + 1L)) + w + 1;
            if (params < 0 || Limits.product(depth - 1L, Limits.product(w, w + 1L)) < 0) params = -1;
            Limits.PARAMETERS.check(params, "net.width " + w + " with net.depth " + depth);
            hidden = new int[depth];
            java.util.Arrays.fill(hidden, w);
        }
        Activation act = c.parsed("net.activation", Activation::parse, p.defaults().activation());
        // a system's fields: one network each by default (each field its own capacity; J in one block per field)
        return new MlpSpec(p.domain().dim(), hidden, act, c.number("net.s", 0.5),
                c.parsed("net.parameterization", Parameterization::parse, Parameterization.STANDARD),
                c.parsed("net.output_bias", OutputBias::parse, OutputBias.UNSCALED))
                .withFields(p.fields().size(), c.parsed("net.layout", NetLayout::parse, NetLayout.SEPARATE));
    }
}
