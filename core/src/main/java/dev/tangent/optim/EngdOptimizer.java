package dev.tangent.optim;

import dev.tangent.linalg.Blas;
import dev.tangent.linalg.Lapack;
import dev.tangent.linalg.LeastSquares;
import java.util.Locale;

/**
 * Energy natural gradient (ENGD): d = G⁺ Φᵀ r̃ with the Gram matrix G = ΦᵀΦ (P × P), solved by SVD-based least
 * squares (dgelsd), then the same 2^-k line search as ANaGRAM. With fewer rows than parameters it switches to
 * the kernel form d = Φᵀ (ΦΦᵀ)⁺ r̃, where ΦΦᵀ is the weighted empirical NTK (S × S).
 */
public final class EngdOptimizer extends NaturalGradientOptimizer {
    public enum Form { AUTO, GRAM, KERNEL;

        public static Form parse(String s) {
            for (Form f : values()) if (f.name().equalsIgnoreCase(s == null ? "" : s.trim())) return f;
            throw new IllegalArgumentException("unknown optimizer.form '" + s + "'; allowed: [auto, gram, kernel]");
        }

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * Defaults: automatic form, cutoff 1e-6 (singular values of Φ below 1e-6·σ_max are dropped, the same relative
     * cutoff concept as ANaGRAM's {@code cutoff_kind: relative}; the least-squares solve of G or ΦΦᵀ, whose
     * eigenvalues are σ², uses rcond = cutoff²), line search over k = 0..30.
     */
    public record Settings(Form form, double cutoff, int lineSearchSteps) {
        public Settings {
            if (!(cutoff >= 0 && cutoff < 1)) {
                throw new IllegalArgumentException("optimizer.cutoff (ENGD: relative to σ_max of Φ) must be in [0, 1), got " + cutoff);
            }
        }

        public static Settings defaults() {
            return new Settings(Form.AUTO, 1e-6, 30);
        }

        public Settings withForm(Form f) {
            return new Settings(f, cutoff, lineSearchSteps);
        }

        public Settings withCutoff(double c) {
            return new Settings(form, c, lineSearchSteps);
        }

        /** The eigenvalue cutoff of G = ΦᵀΦ (or ΦΦᵀ) relative to λ_max: cutoff². */
        public double rcond() {
            return cutoff * cutoff;
        }
    }

    private final Settings s;
    private Form lastForm;

    public EngdOptimizer(Settings settings) {
        super(settings.lineSearchSteps());
        this.s = settings;
    }

    @Override
    public String name() {
        return "engd";
    }

    /** The form used by the last step (GRAM or KERNEL). */
    public Form lastForm() {
        return lastForm;
    }

    @Override
    Solve solve(int rows, int n) {
        Form form = s.form() == Form.AUTO ? (rows < n ? Form.KERNEL : Form.GRAM) : s.form();
        lastForm = form;
        LeastSquares ls;
        if (form == Form.GRAM) {
            double[] g = new double[n * n];
            Blas.syrk(false, n, rows, 1.0, ws.jac, n, 0.0, g); // Φᵀ Φ from column-major Φᵀ
            double[] rhs = new double[n];
            Blas.gemm(false, false, n, 1, rows, 1.0, ws.jac, 0, n, ws.r, 0, Math.max(1, rows), 0.0, rhs, 0, n);
            ls = Lapack.leastSquares(n, n, g, 1, rhs, s.rcond());
            System.arraycopy(ls.x(), 0, direction, 0, n);
        } else {
            double[] k = new double[rows * rows];
            Blas.syrk(true, rows, n, 1.0, ws.jac, n, 0.0, k); // Φ Φᵀ
            ls = Lapack.leastSquares(rows, rows, k, 1, java.util.Arrays.copyOf(ws.r, rows), s.rcond());
            Blas.gemm(false, false, n, 1, rows, 1.0, ws.jac, 0, n, ls.x(), 0, rows, 0.0, direction, 0, n);
        }
        double[] sv = ls.singularValues().clone();
        for (int i = 0; i < sv.length; i++) sv[i] = Math.sqrt(Math.max(sv[i], 0)); // σ(Φ) = sqrt(λ(G))
        return new Solve(ls.rank(), sv);
    }
}
