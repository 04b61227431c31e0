package dev.tangent.study;

import dev.tangent.nn.Activation;
import dev.tangent.report.Charts;
import dev.tangent.io.AtomicFiles;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Decay fits above the noise floor, width convergence, plots and the markdown table of the operator-spectra study. */
public final class OperatorSpectraReport {
    private OperatorSpectraReport() {}

    /** Eigenvalues from index {@code FIT_FROM} on are fitted (the leading few follow the kernel's global shape). */
    static final int FIT_FROM = 3;

    /** A fit of log λ_j against log j (power) or j (exponential) over j ∈ [from, to], the eigenvalues ≥ 100× the floor. */
    public record Fit(double slope, int from, int to) {}

    static Fit fit(OperatorSpectraStudy.Spectrum sp, boolean power) {
        return fit(sp, power, false);
    }

    /**
     * As {@link #fit(OperatorSpectraStudy.Spectrum, boolean)}; with {@code tail} over the last octave [j_max/2, j_max]
     * of the window only, where an asymptotic power law has taken over from the kernel's smooth part.
     */
    static Fit fit(OperatorSpectraStudy.Spectrum sp, boolean power, boolean tail) {
        double[] l = sp.mean();
        int to = l.length / 4;
        int last = FIT_FROM;
        while (last < to && l[last] > 100 * sp.floor()) last++; // l[last] is eigenvalue j = last + 1
        int first = tail ? Math.max(FIT_FROM, last / 2) : FIT_FROM;
        int n = 0;
        double sx = 0, sy = 0, sxx = 0, sxy = 0;
        for (int j = first; j <= last; j++) {
            double xv = power ? Math.log(j) : j, yv = Math.log(l[j - 1]);
            sx += xv;
            sy += yv;
            sxx += xv * xv;
            sxy += xv * yv;
            n++;
        }
        return new Fit(n < 3 ? Double.NaN : (n * sxy - sx * sy) / (n * sxx - sx * sx), first, last);
    }

    /** max over j ≤ 10 of |λ_j(N)/λ_j(N_max) − 1| for the same activation and operator. */
    static double widthChange(OperatorSpectraStudy.Spectrum sp, List<OperatorSpectraStudy.Spectrum> all, int widest) {
        OperatorSpectraStudy.Spectrum ref = all.stream().filter(o -> o.activation() == sp.activation()
                && o.operator().equals(sp.operator()) && o.width() == widest).findFirst().orElseThrow();
        double m = 0;
        for (int j = 0; j < Math.min(10, sp.mean().length); j++) m = Math.max(m, Math.abs(sp.mean()[j] / ref.mean()[j] - 1));
        return m;
    }

    public static String write(Path out, OperatorSpectraStudy.Settings s, List<OperatorSpectraStudy.Spectrum> res) {
        int widest = s.widest();
        StringBuilder md = new StringBuilder("# Operator NTK spectra\n\n");
        md.append(String.format("Eigenvalues of K_T/n on n = %d grid points of [0, 1], net 1-N-1 (NTK parameterisation, no output bias), "
                + "mean of %d seeds, widths %s. Fits of log λ_j against log j (power law) and j (exponential) over j ≥ %d "
                + "down to 100× the round-off floor n·ε·λ₁ (and j ≤ n/4). Prediction for ReLU^k: power −(2k − 2m) for T = d^m/dx^m.%n%n",
                s.points(), s.seeds(), s.widths(), FIT_FROM));
        md.append("| activation | T | λ₁ | λ₁₀ | power exponent (predicted) | last-octave exponent | exponential rate | fit range j | seed spread of λ₁ / λ₁₀ | max_{j≤10} \\|λ_j(N)/λ_j(" + widest + ") − 1\\| by N |\n");
        md.append("|---|---|---:|---:|---:|---:|---:|---|---:|---|\n");
        StringBuilder csv = new StringBuilder("activation,operator,width,j,eigenvalue\n");
        for (Activation act : s.activations()) {
            for (String op : OperatorSpectraStudy.OPERATORS) {
                List<OperatorSpectraStudy.Spectrum> byWidth = res.stream().filter(o -> o.activation() == act && o.operator().equals(op)).toList();
                OperatorSpectraStudy.Spectrum top = byWidth.stream().filter(o -> o.width() == widest).findFirst().orElseThrow();
                Fit pw = fit(top, true), tl = fit(top, true, true), ex = fit(top, false);
                StringBuilder conv = new StringBuilder();
                for (OperatorSpectraStudy.Spectrum sp : byWidth) {
                    if (sp.width() != widest) conv.append(String.format("%d: %.2g; ", sp.width(), widthChange(sp, res, widest)));
                }
                md.append(String.format("| %s | %s | %.3e | %.3e | %.2f (%s) | %.2f (%d–%d) | %.3f | %d–%d | %.2g / %.2g | %s |%n", act.label(), op,
                        top.mean()[0], top.mean()[9], pw.slope(), fmt(OperatorSpectraStudy.predictedExponent(act, top.order())),
                        tl.slope(), tl.from(), tl.to(), ex.slope(),
                        pw.from(), pw.to(), top.spread1(), top.spread10(), conv));
                for (OperatorSpectraStudy.Spectrum sp : byWidth) {
                    for (int j = 0; j < sp.mean().length; j++) {
                        csv.append(act.label()).append(',').append(op).append(',').append(sp.width()).append(',').append(j + 1).append(',')
                                .append(sp.mean()[j]).append('\n');
                    }
                }
            }
            plots(out, s, res, act);
        }
        md.append("\nλ below 100× the floor are not fitted; the floor n·ε·λ₁ is drawn on the plots.\n");
        AtomicFiles.write(out.resolve("operator_spectra.csv"), csv.toString());
        AtomicFiles.write(out.resolve("summary.md"), md.toString());
        return md.toString();
    }

    private static String fmt(double v) {
        return Double.isNaN(v) ? "exponential" : String.format("%.0f", v);
    }

    private static void plots(Path out, OperatorSpectraStudy.Settings s, List<OperatorSpectraStudy.Spectrum> res, Activation act) {
        int widest = s.widest();
        List<Charts.Series> spectra = new ArrayList<>(), widths = new ArrayList<>();
        double floor = 0;
        double[] idx1 = null;
        for (OperatorSpectraStudy.Spectrum sp : res) {
            if (sp.activation() != act) continue;
            double[] idx = new double[sp.mean().length];
            for (int j = 0; j < idx.length; j++) idx[j] = j + 1;
            if (sp.width() == widest) {
                spectra.add(new Charts.Series("T = " + sp.operator(), idx, sp.mean()));
                floor = Math.max(floor, sp.floor());
                double p = OperatorSpectraStudy.predictedExponent(act, sp.order());
                if (!Double.isNaN(p)) {
                    double[] ref = new double[idx.length];
                    for (int j = 0; j < idx.length; j++) ref[j] = sp.mean()[FIT_FROM - 1] * Math.pow((j + 1.0) / FIT_FROM, p);
                    spectra.add(new Charts.Series("j^" + (int) p + " reference", idx, ref));
                }
            }
            if (sp.order() == 2) widths.add(new Charts.Series("N = " + sp.width(), idx, sp.mean()));
            idx1 = idx;
        }
        double[] level = new double[idx1.length];
        java.util.Arrays.fill(level, floor);
        spectra.add(new Charts.Series("noise floor n·ε·λ₁ (largest over T)", idx1, level));
        boolean power = act.continuousDerivatives() < Activation.MAX_ORDER;
        Charts.line(out.resolve("spectra_" + act.label() + ".png"), "eigenvalues of K_T/n, " + act.label() + ", N = " + widest
                + ", mean of " + s.seeds() + " seeds", "index j", "λ_j", spectra, power, true);
        Charts.line(out.resolve("width_" + act.label() + ".png"), "K_T/n for T = d²/dx², " + act.label() + ": convergence in width",
                "index j", "λ_j", widths, power, true);
    }
}
