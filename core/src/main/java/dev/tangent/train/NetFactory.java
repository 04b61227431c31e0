package dev.tangent.train;

import dev.tangent.Limits;
import dev.tangent.nn.Activation;
import dev.tangent.nn.FourierFeatures;
import dev.tangent.nn.PeriodicEmbedding;
import dev.tangent.pde.Domain;
import dev.tangent.nn.MlpSpec;
import dev.tangent.nn.NetLayout;
import dev.tangent.nn.OutputBias;
import dev.tangent.nn.Parameterization;
import dev.tangent.pde.Problem;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** The network a config asks for, falling back to the problem's defaults. */
public final class NetFactory {
    private NetFactory() {}

    /** The network with θ's trailing entries for the problem's unknown coefficients. */
    public static dev.tangent.nn.Mlp network(Config c, Problem p) {
        return new dev.tangent.nn.Mlp(build(c, p), p.unknowns().size(), fourier(c), periodic(c, p));
    }

    /** The Fourier-feature first layer of {@code net.fourier}, or null. */
    public static FourierFeatures fourier(Config c) {
        if (!c.has("net.fourier")) return null;
        return new FourierFeatures(c.integer("net.fourier.features", 64, 1, Integer.MAX_VALUE), c.number("net.fourier.scale", 1.0));
    }

    /**
     * The periodic input embedding of {@code net.periodic: {periods: {x: L, …}, harmonics: K}}, or null. Errors name
     * the key: an unknown coordinate (listing the domain's), the time axis, a period that is not a finite number > 0.
     */
    public static PeriodicEmbedding periodic(Config c, Problem p) {
        if (!c.has("net.periodic")) return null;
        Domain d = p.domain();
        Map<String, Object> periods = c.section("net.periodic.periods");
        if (periods.isEmpty()) {
            throw new IllegalArgumentException("net.periodic.periods must map at least one coordinate of " + Arrays.toString(d.coords())
                    + " to its period, e.g. {periods: {" + d.coords()[d.firstSpatial() < d.dim() ? d.firstSpatial() : 0] + ": 1.0}}");
        }
        int[] index = new int[periods.size()];
        double[] length = new double[periods.size()];
        int j = 0;
        for (String name : periods.keySet()) {
            String key = "net.periodic.periods." + name;
            int k = List.of(d.coords()).indexOf(name);
            if (k < 0) throw new IllegalArgumentException(key + ": unknown coordinate '" + name + "'; the coordinates are " + Arrays.toString(d.coords()));
            if (d.timeDependent() && k == 0) {
                throw new IllegalArgumentException(key + ": the time axis cannot be periodic (an initial-value problem runs forward in "
                        + name + "); periodic coordinates are " + Arrays.toString(Arrays.copyOfRange(d.coords(), 1, d.dim())));
            }
            double v = c.number(key, Double.NaN);
            if (!(v > 0) || !Double.isFinite(v)) throw new IllegalArgumentException(key + " must be a finite period > 0, got " + v);
            index[j] = k;
            length[j++] = v;
        }
        return new PeriodicEmbedding(d.dim(), index, length, c.integer("net.periodic.harmonics", 1, 1, 1000));
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
