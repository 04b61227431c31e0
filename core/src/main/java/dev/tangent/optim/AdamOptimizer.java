package dev.tangent.optim;

import java.util.Map;

/** Adam with an exponential learning-rate decay lr_k = lr · rate^(k / steps). */
public final class AdamOptimizer implements Optimizer {
    /** Defaults: lr 1e-3, β = (0.9, 0.999), ε = 1e-8, no decay (rate 1 every 1000 steps). */
    public record Settings(double lr, double beta1, double beta2, double eps, double decayRate, int decaySteps) {
        public Settings {
            if (!(lr > 0)) throw new IllegalArgumentException("optimizer.lr must be > 0, got " + lr);
            if (!(beta1 >= 0 && beta1 < 1) || !(beta2 >= 0 && beta2 < 1)) {
                throw new IllegalArgumentException("optimizer.beta1/beta2 must be in [0, 1), got " + beta1 + ", " + beta2);
            }
            if (!(decayRate > 0 && decayRate <= 1)) throw new IllegalArgumentException("optimizer.decay_rate must be in (0, 1], got " + decayRate);
            if (decaySteps < 1) throw new IllegalArgumentException("optimizer.decay_steps must be >= 1, got " + decaySteps);
        }

        public static Settings defaults() {
            return new Settings(1e-3, 0.9, 0.999, 1e-8, 1.0, 1000);
        }

        public Settings withLr(double v) {
            return new Settings(v, beta1, beta2, eps, decayRate, decaySteps);
        }

        public Settings withDecay(double rate, int steps) {
            return new Settings(lr, beta1, beta2, eps, rate, steps);
        }
    }

    private final Settings s;
    private final Workspace ws = new Workspace();
    private double[] m;
    private double[] v;
    private long t;

    public AdamOptimizer(Settings settings) {
        this.s = settings;
    }

    @Override
    public String name() {
        return "adam";
    }

    @Override
    public StepReport step(double[] theta, LeastSquaresProblem p) {
        int n = p.nParams(), rows = p.nRows();
        if (m == null) {
            m = new double[n];
            v = new double[n];
        }
        ws.ensure(rows, n, false);
        long t0 = System.nanoTime();
        double loss = p.gradient(theta, ws.r, ws.grad);
        long jt = System.nanoTime() - t0;
        t++;
        double lr = s.lr() * Math.pow(s.decayRate(), (double) (t - 1) / s.decaySteps());
        double c1 = 1 - Math.pow(s.beta1(), t), c2 = 1 - Math.pow(s.beta2(), t);
        double[] g = ws.grad;
        for (int i = 0; i < n; i++) {
            m[i] = s.beta1() * m[i] + (1 - s.beta1()) * g[i];
            v[i] = s.beta2() * v[i] + (1 - s.beta2()) * g[i] * g[i];
            theta[i] -= lr * (m[i] / c1) / (Math.sqrt(v[i] / c2) + s.eps());
        }
        return StepReport.firstOrder(loss, lr, jt);
    }

    @Override
    public Map<String, double[]> state() {
        return m == null ? Map.of("t", new double[] {t}) : Map.of("m", m.clone(), "v", v.clone(), "t", new double[] {t});
    }

    @Override
    public void restore(Map<String, double[]> state) {
        t = (long) state.get("t")[0];
        m = state.containsKey("m") ? state.get("m").clone() : null;
        v = state.containsKey("v") ? state.get("v").clone() : null;
    }
}
