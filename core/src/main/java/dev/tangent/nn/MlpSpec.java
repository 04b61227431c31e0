package dev.tangent.nn;

import java.util.Arrays;

/**
 * Shape of the network of a problem's fields: one fully connected network with {@code outputs} outputs
 * ({@link NetLayout#SHARED}, one output per field), or one scalar network of this shape per field
 * ({@link NetLayout#SEPARATE}). A scalar problem has one output and the layouts coincide.
 *
 * @param inputDim        number of inputs d (≥ 1)
 * @param hidden          hidden widths, one per hidden layer (may be empty: a linear model)
 * @param activation      hidden activation
 * @param outputScaling   s in the output factor N^{-s} (N = last hidden width); 0.5 is the NTK scaling
 * @param parameterization hidden-layer initialisation and scaling
 * @param outputBias      how the output bias enters (unscaled, scaled by N^{-s}, or none)
 * @param outputs         number of fields F (≥ 1)
 * @param layout          one network with F outputs, or F scalar networks
 */
public record MlpSpec(int inputDim, int[] hidden, Activation activation, double outputScaling,
                      Parameterization parameterization, OutputBias outputBias, int outputs, NetLayout layout) {

    public MlpSpec {
        if (inputDim < 1) throw new IllegalArgumentException("net input dimension must be >= 1, got " + inputDim);
        if (hidden == null) throw new IllegalArgumentException("net.widths must be given");
        hidden = hidden.clone();
        for (int i = 0; i < hidden.length; i++) {
            if (hidden[i] < 1) {
                throw new IllegalArgumentException("net.widths[" + i + "] must be a positive integer, got " + hidden[i]);
            }
        }
        if (activation == null) throw new IllegalArgumentException("net.activation must be one of " + Activation.allowed());
        if (!Double.isFinite(outputScaling) || outputScaling < 0 || outputScaling > 4) {
            throw new IllegalArgumentException("net.s (output scaling exponent) must be in [0, 4], got " + outputScaling);
        }
        if (parameterization == null) throw new IllegalArgumentException("net.parameterization must be standard, ntk or small");
        if (outputBias == null) throw new IllegalArgumentException("net.output_bias must be one of " + OutputBias.allowed());
        if (outputs < 1) throw new IllegalArgumentException("a network needs at least one output (field), got " + outputs);
        if (layout == null) throw new IllegalArgumentException("net.layout must be one of " + NetLayout.allowed());
    }

    /** One scalar output. */
    public MlpSpec(int inputDim, int[] hidden, Activation activation, double outputScaling, Parameterization parameterization,
                   OutputBias outputBias) {
        this(inputDim, hidden, activation, outputScaling, parameterization, outputBias, 1, NetLayout.SEPARATE);
    }

    /** The default output bias (unscaled). */
    public MlpSpec(int inputDim, int[] hidden, Activation activation, double outputScaling, Parameterization parameterization) {
        this(inputDim, hidden, activation, outputScaling, parameterization, OutputBias.UNSCALED);
    }

    /** tanh, s = 1/2, standard parameterisation. */
    public static MlpSpec of(int inputDim, int... hidden) {
        return new MlpSpec(inputDim, hidden, Activation.TANH, 0.5, Parameterization.STANDARD);
    }

    public MlpSpec withActivation(Activation a) {
        return new MlpSpec(inputDim, hidden, a, outputScaling, parameterization, outputBias, outputs, layout);
    }

    public MlpSpec withOutputScaling(double s) {
        return new MlpSpec(inputDim, hidden, activation, s, parameterization, outputBias, outputs, layout);
    }

    public MlpSpec withParameterization(Parameterization p) {
        return new MlpSpec(inputDim, hidden, activation, outputScaling, p, outputBias, outputs, layout);
    }

    public MlpSpec withOutputBias(OutputBias b) {
        return new MlpSpec(inputDim, hidden, activation, outputScaling, parameterization, b, outputs, layout);
    }

    /** The same network for F fields in the given layout. */
    public MlpSpec withFields(int f, NetLayout l) {
        return new MlpSpec(inputDim, hidden, activation, outputScaling, parameterization, outputBias, f, l);
    }

    /** Whether the fields have a network each (F > 1, separate layout). */
    public boolean separate() {
        return outputs > 1 && layout == NetLayout.SEPARATE;
    }

    /** The scalar network of one field, for the separate layout. */
    public MlpSpec part() {
        return withFields(1, NetLayout.SEPARATE);
    }

    /** Layer widths of one network including input and output, e.g. [2, 32, 1] (the last is F when shared). */
    public int[] widths() {
        int[] w = new int[hidden.length + 2];
        w[0] = inputDim;
        System.arraycopy(hidden, 0, w, 1, hidden.length);
        w[w.length - 1] = separate() ? 1 : outputs;
        return w;
    }

    /** "2-32-1" style description; "3×2-32-1" for three separate networks. */
    public String shape() {
        StringBuilder sb = new StringBuilder();
        for (int w : widths()) {
            if (sb.length() > 0) sb.append('-');
            sb.append(w);
        }
        return separate() ? outputs + "×" + sb : sb.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MlpSpec m && m.inputDim == inputDim && Arrays.equals(m.hidden, hidden)
                && m.activation == activation && Double.compare(m.outputScaling, outputScaling) == 0
                && m.parameterization == parameterization && m.outputBias == outputBias && m.outputs == outputs
                && m.layout == layout;
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(hidden) * 31 + inputDim;
    }

    @Override
    public String toString() {
        String bias = outputBias == OutputBias.UNSCALED ? "" : " output_bias=" + outputBias.label();
        String fields = outputs == 1 ? "" : " " + layout.label();
        return shape() + " " + activation.label() + " s=" + outputScaling + " " + parameterization.label() + bias + fields;
    }
}
