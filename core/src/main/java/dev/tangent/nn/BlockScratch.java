package dev.tangent.nn;

/**
 * One worker's small buffers, allocated once per engine: the Jacobian kernels read the point's adjoint columns from
 * zero-offset copies because the JIT vectorises a loop only when all its array indices are the same expression
 * (different offsets into possibly aliased {@code double[]}s block it; measured 3–4× slower).
 */
final class BlockScratch {
    final double[][] adjoint;   // adjoint[c][r]: component c of one point's layer adjoint
    final double[] column;      // one Jacobian column block (or output-layer row block) before it is copied into J
    final double[][] pointInputs; // pointInputs[c][q] = A_i[q,c] of one point, for the output layer
    final double[] alpha;       // nonzero scaled activations of one input neuron
    final int[] live;           // their components
    final double[] valueAdjoint; // z̄₀ of one point while the jet adjoints are mapped
    final PhaseTimes times = new PhaseTimes();
    private final int maxWidth;
    double[] tangentIn = new double[0];  // ȧ of one layer's input for the block (forward-mode J·v), grown on first use
    double[] tangentOut = new double[0]; // ż of its output

    BlockScratch(int comps, int maxWidth) {
        adjoint = new double[comps][maxWidth];
        column = new double[maxWidth];
        pointInputs = new double[comps][maxWidth];
        alpha = new double[comps];
        live = new int[comps];
        valueAdjoint = new double[maxWidth];
        this.maxWidth = maxWidth;
    }

    /** Tangent buffers for a block of {@code cols} columns of any layer. */
    void ensureTangents(int cols) {
        if (tangentIn.length < maxWidth * cols) {
            tangentIn = new double[maxWidth * cols];
            tangentOut = new double[maxWidth * cols];
        }
    }
}
