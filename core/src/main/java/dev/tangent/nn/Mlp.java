package dev.tangent.nn;

import dev.tangent.Limits;
import java.util.SplittableRandom;

/**
 * A fully connected network u(x) = c_L·W_L σ(… σ(c_1·W_1 x + b_1) …) + c_b·b_L over a flat parameter vector θ.
 *
 * <p>θ layout, layer by layer: W_l (n_out × n_in, column-major) then b_l (n_out). The layer factor c_l is 1
 * (standard) or 1/sqrt(n_in) (NTK) for hidden layers, and N^{-s} for the output layer. Hidden biases enter with
 * factor 1; the output bias with c_b from {@link OutputBias} (1, N^{-s} or 0). After the network's blocks θ may hold
 * {@link #extraParameters()} trailing entries that the network does not read (the unknown coefficients of an
 * inverse problem): they are trained with θ, and their Jacobian columns are written by the loss groups.
 *
 * <p>Fields: with the shared layout the output layer has F rows (one per field). With the separate layout and F > 1
 * this is a composite of F scalar networks ({@link #parts()}), θ = [θ_1 | … | θ_F | extras] at {@link #partOffset(int)};
 * the per-layer accessors then belong to the parts and throw here.
 */
public final class Mlp {
    private final MlpSpec spec;
    private final int[] widths;
    private final int[] weightOffset;
    private final int[] biasOffset;
    private final double[] layerScale;
    private final double[] biasScale;
    private final int nParams;
    private final int networkParams;
    private final FourierFeatures fourier;
    private final PeriodicEmbedding periodic;
    private final Mlp[] parts;
    private final int[] partOffset;

    public Mlp(MlpSpec spec) {
        this(spec, 0);
    }

    /** With {@code extra} trailing entries of θ after the network's parameters. */
    public Mlp(MlpSpec spec, int extra) {
        this(spec, extra, null);
    }

    /** With a Fourier-feature first layer (null: none) before the spec's hidden layers. */
    public Mlp(MlpSpec spec, int extra, FourierFeatures fourier) {
        this(spec, extra, fourier, null);
    }

    /**
     * With a periodic input embedding (null: none): the first layer (the Fourier layer when there is one) reads the
     * embedded inputs, {@link PeriodicEmbedding#width()} of them, instead of the d coordinates.
     */
    public Mlp(MlpSpec spec, int extra, FourierFeatures fourier, PeriodicEmbedding periodic) {
        if (extra < 0) throw new IllegalArgumentException("extra parameters must be >= 0, got " + extra);
        if (periodic != null && periodic.dim() != spec.inputDim()) {
            throw new IllegalArgumentException("net.periodic is for " + periodic.dim() + " inputs but the network has " + spec.inputDim());
        }
        this.spec = spec;
        this.fourier = fourier;
        this.periodic = periodic;
        if (spec.separate()) {
            parts = new Mlp[spec.outputs()];
            partOffset = new int[parts.length];
            long total = 0;
            for (int f = 0; f < parts.length; f++) {
                parts[f] = new Mlp(spec.part(), 0, fourier, periodic);
                partOffset[f] = (int) total;
                total += parts[f].nParams();
            }
            Limits.PARAMETERS.check(total + extra, "network " + spec.shape());
            networkParams = (int) total;
            nParams = networkParams + extra;
            widths = null;
            weightOffset = biasOffset = null;
            layerScale = biasScale = null;
            return;
        }
        parts = null;
        partOffset = null;
        int[] w = spec.widths();
        if (periodic != null) w[0] = periodic.width();
        if (fourier != null) {
            int[] v = new int[w.length + 1];
            v[0] = w[0];
            v[1] = fourier.features();
            System.arraycopy(w, 1, v, 2, w.length - 1);
            w = v;
        }
        this.widths = w;
        int layers = widths.length - 1;
        weightOffset = new int[layers];
        biasOffset = new int[layers];
        layerScale = new double[layers];
        long total = 0;
        for (int l = 0; l < layers; l++) total += Limits.product(widths[l], widths[l + 1]) + widths[l + 1];
        total += extra;
        Limits.PARAMETERS.check(total, "network " + spec.shape());
        biasScale = new double[layers];
        int off = 0;
        for (int l = 0; l < layers; l++) {
            weightOffset[l] = off;
            off += widths[l] * widths[l + 1];
            biasOffset[l] = off;
            off += widths[l + 1];
            boolean output = l == layers - 1;
            if (output) {
                layerScale[l] = Math.pow(widths[l], -spec.outputScaling());
                biasScale[l] = spec.outputBias().factor(layerScale[l]);
            } else {
                boolean ntk = spec.parameterization() == Parameterization.NTK && !(fourier != null && l == 0);
                layerScale[l] = ntk ? 1 / Math.sqrt(widths[l]) : 1.0;
                biasScale[l] = 1.0;
            }
        }
        networkParams = off;
        nParams = off + extra;
    }

    public MlpSpec spec() {
        return spec;
    }

    /** The Fourier-feature first layer, or null. */
    public FourierFeatures fourier() {
        return fourier;
    }

    /** The periodic input embedding, or null. */
    public PeriodicEmbedding periodic() {
        return periodic;
    }

    /** Activation of hidden layer l (sin on a Fourier-feature layer). */
    public Activation activation(int l) {
        return fourier != null && l == 0 ? Activation.SIN : spec.activation();
    }

    /** Layer widths including input and output, e.g. [2, 32, 1]. */
    public String shape() {
        if (parts != null) return parts.length + "×" + parts[0].shape();
        StringBuilder sb = new StringBuilder();
        for (int v : widths) sb.append(sb.length() == 0 ? "" : "-").append(v);
        if (periodic != null) sb.append(" (").append(periodic).append(')');
        return fourier == null ? sb.toString() : sb + " (Fourier features " + fourier.features() + ", scale " + fourier.scale() + ")";
    }

    public int nParams() {
        return nParams;
    }

    /** Parameters the network reads: θ[0, networkParams()). */
    public int networkParams() {
        return networkParams;
    }

    /** Trailing entries of θ the network does not read: θ[networkParams(), nParams()). */
    public int extraParameters() {
        return nParams - networkParams;
    }

    /** Number of fields (outputs) F. */
    public int fields() {
        return spec.outputs();
    }

    /** The per-field networks of the separate layout, or null for one network. */
    public Mlp[] parts() {
        return parts == null ? null : parts.clone();
    }

    /** Offset of field f's parameters in θ (separate layout). */
    public int partOffset(int f) {
        return partOffset[f];
    }

    private void requireSingle() {
        if (parts != null) throw new IllegalStateException("network " + spec.shape() + " is one network per field; ask its parts");
    }

    public int layers() {
        requireSingle();
        return widths.length - 1;
    }

    /** Input width of layer l. */
    public int fanIn(int l) {
        return widths[l];
    }

    /** Output width of layer l. */
    public int fanOut(int l) {
        return widths[l + 1];
    }

    public int weightOffset(int l) {
        return weightOffset[l];
    }

    public int biasOffset(int l) {
        return biasOffset[l];
    }

    public double layerScale(int l) {
        return layerScale[l];
    }

    /** Factor on b_l in z_l = c_l·W_l a + biasScale(l)·b_l: 1 for hidden layers, c_b for the output layer. */
    public double biasScale(int l) {
        return biasScale[l];
    }

    /** Seeded initial parameters; the same seed gives the same θ on every machine. */
    public double[] initialize(long seed) {
        if (parts != null) {
            double[] theta = new double[nParams];
            for (int f = 0; f < parts.length; f++) {
                double[] t = parts[f].initialize(seed + 0x9E3779B97F4A7C15L * f);
                System.arraycopy(t, 0, theta, partOffset[f], t.length);
            }
            return theta;
        }
        SplittableRandom rng = new SplittableRandom(seed);
        double[] theta = new double[nParams];
        for (int l = 0; l < layers(); l++) {
            boolean output = l == layers() - 1;
            boolean small = spec.parameterization() == Parameterization.SMALL;
            double std = small ? Parameterization.SMALL_STD
                    : output || spec.parameterization() == Parameterization.NTK ? 1.0 : 1 / Math.sqrt(fanIn(l));
            int nw = fanIn(l) * fanOut(l);
            if (fourier != null && l == 0) {
                for (int i = 0; i < nw; i++) theta[weightOffset[l] + i] = 2 * Math.PI * fourier.scale() * rng.nextGaussian();
                for (int i = 0; i < fanOut(l); i++) theta[biasOffset[l] + i] = 2 * Math.PI * rng.nextDouble();
                continue;
            }
            for (int i = 0; i < nw; i++) theta[weightOffset[l] + i] = std * rng.nextGaussian();
            for (int i = 0; i < fanOut(l); i++) theta[biasOffset[l] + i] = output && !small ? 0.0 : std * rng.nextGaussian();
        }
        return theta;
    }

    /** Describes the parameter block a flat index belongs to, e.g. "W2[3,5]". */
    public String describeParameter(int p) {
        if (parts != null) {
            if (p >= networkParams && p < nParams) return "extra[" + (p - networkParams) + "]";
            int f = parts.length - 1;
            while (f > 0 && partOffset[f] > p) f--;
            return "net" + (f + 1) + "." + parts[f].describeParameter(p - partOffset[f]);
        }
        for (int l = 0; l < layers(); l++) {
            if (p >= weightOffset[l] && p < biasOffset[l]) {
                int k = p - weightOffset[l];
                return "W" + (l + 1) + "[" + (k % fanOut(l)) + "," + (k / fanOut(l)) + "]";
            }
            if (p >= biasOffset[l] && p < biasOffset[l] + fanOut(l)) return "b" + (l + 1) + "[" + (p - biasOffset[l]) + "]";
        }
        if (p >= networkParams && p < nParams) return "extra[" + (p - networkParams) + "]";
        return "θ[" + p + "]";
    }
}
