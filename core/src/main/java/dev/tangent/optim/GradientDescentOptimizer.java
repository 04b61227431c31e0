package dev.tangent.optim;

import java.util.Map;

/** Plain gradient descent θ ← θ − lr·∇L (the setting of the NTK weighting analysis). */
public final class GradientDescentOptimizer implements Optimizer {
    private final double lr;
    private final Workspace ws = new Workspace();

    public GradientDescentOptimizer(double lr) {
        if (!(lr > 0)) throw new IllegalArgumentException("optimizer.lr must be > 0, got " + lr);
        this.lr = lr;
    }

    @Override
    public String name() {
        return "gd";
    }

    @Override
    public StepReport step(double[] theta, LeastSquaresProblem p) {
        int n = p.nParams(), rows = p.nRows();
        ws.ensure(rows, n, false);
        long t0 = System.nanoTime();
        double loss = p.gradient(theta, ws.r, ws.grad);
        for (int i = 0; i < n; i++) theta[i] -= lr * ws.grad[i];
        return StepReport.firstOrder(loss, lr, System.nanoTime() - t0);
    }

    @Override
    public Map<String, double[]> state() {
        return Map.of();
    }

    @Override
    public void restore(Map<String, double[]> state) {}
}
