package dev.tangent.nn;

import java.util.Arrays;

/**
 * Shape of a fully connected network with one scalar output.
 *
 * @param inputDim        number of inputs d (≥ 1)
 * @param hidden          hidden widths, one per hidden layer (may be empty: a linear model)
 * @param activation      hidden activation
 * @param outputScaling   s in the output factor N^{-s} (N = last hidden width); 0.5 is the NTK scaling
 * @param parameterization hidden-layer initialisation and scaling
 * @param outputBias      how the output bias enters (unscaled, scaled by N^{-s}, or none)
 */
public record MlpSpec(int inputDim, int[] hidden, Activation activation, double outputScaling,
                      Parameterization parameterization, OutputBias outputBias) {

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
        if (parameterization == null) throw new IllegalArgumentException("net.parameterization must be standard or ntk");
        if (outputBias == null) throw new IllegalArgumentException("net.output_bias must be one of " + OutputBias.allowed());
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
        return new MlpSpec(inputDim, hidden, a, outputScaling, parameterization, outputBias);
    }

    public MlpSpec withOutputScaling(double s) {
        return new MlpSpec(inputDim, hidden, activation, s, parameterization, outputBias);
    }

    public MlpSpec withParameterization(Parameterization p) {
        return new MlpSpec(inputDim, hidden, activation, outputScaling, p, outputBias);
    }

    public MlpSpec withOutputBias(OutputBias b) {
        return new MlpSpec(inputDim, hidden, activation, outputScaling, parameterization, b);
    }

    /** Layer widths including input and output, e.g. [2, 32, 1]. */
    public int[] widths() {
        int[] w = new int[hidden.length + 2];
        w[0] = inputDim;
        System.arraycopy(hidden, 0, w, 1, hidden.length);
        w[w.length - 1] = 1;
        return w;
    }

    /** "2-32-1" style description. */
    public String shape() {
        StringBuilder sb = new StringBuilder();
        for (int w : widths()) {
            if (sb.length() > 0) sb.append('-');
            sb.append(w);
        }
        return sb.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MlpSpec m && m.inputDim == inputDim && Arrays.equals(m.hidden, hidden)
                && m.activation == activation && Double.compare(m.outputScaling, outputScaling) == 0
                && m.parameterization == parameterization && m.outputBias == outputBias;
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(hidden) * 31 + inputDim;
    }

    @Override
    public String toString() {
        String bias = outputBias == OutputBias.UNSCALED ? "" : " output_bias=" + outputBias.label();
        return shape() + " " + activation.label() + " s=" + outputScaling + " " + parameterization.label() + bias;
    }
}
