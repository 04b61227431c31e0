package dev.tangent.optim;

import dev.tangent.linalg.PseudoInverse;
import java.util.Locale;

/**
 * Energy natural gradient (ENGD): d = G⁺ Φᵀ r̃ with the Gram matrix G = ΦᵀΦ (P × P), solved by SVD-based least
 * squares (dgelsd, {@link PseudoInverse#solveNormal}), then the same 2^-k line search as ANaGRAM. With fewer rows
 * than parameters it switches to the kernel form d = Φᵀ (ΦΦᵀ)⁺ r̃, where ΦΦᵀ is the weighted empirical NTK (S × S).
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
     * eigenvalues are σ², uses rcond = cutoff²), line search over k = 0..30 that keeps θ when nothing decreases the loss.
     */
    public record Settings(Form form, double cutoff, int lineSearchSteps, LineSearchRule lineSearch) {
        public Settings {
            if (!(cutoff >= 0 && cutoff < 1)) {
                throw new IllegalArgumentException("optimizer.cutoff (ENGD: relative to σ_max of Φ) must be in [0, 1), got " + cutoff);
            }
        }

        public static Settings defaults() {
            return new Settings(Form.AUTO, 1e-6, 30, LineSearchRule.DECREASE);
        }

        public Settings withForm(Form f) {
            return new Settings(f, cutoff, lineSearchSteps, lineSearch);
        }

        public Settings withCutoff(double c) {
            return new Settings(form, c, lineSearchSteps, lineSearch);
        }
    }

    private final Settings s;
    private final PseudoInverse pinv = new PseudoInverse();
    private Form lastForm;

    public EngdOptimizer(Settings settings) {
        super(settings.lineSearchSteps(), settings.lineSearch(), RowScaling.LOSS);
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
        double[] sv = new double[form == Form.GRAM ? n : rows]; // kept by the step report
        int rank = pinv.solveNormal(form == Form.GRAM ? PseudoInverse.Form.GRAM : PseudoInverse.Form.KERNEL, rows, n, ws.jac, ws.r,
                s.cutoff(), direction, sv);
        return new Solve(rank, sv);
    }
}
