package dev.tangent.optim;

/**
 * The natural-gradient line search: η* = argmin over η ∈ {2^-k, k = 0..kMax} of L(θ − η d). Candidates are
 * tried from the largest η down; the search stops as soon as the loss turns up after a decrease (the curve
 * over η is unimodal in practice), so a typical step costs a handful of residual passes. When no η lowers the loss
 * the whole grid has been tried: {@link LineSearchRule#DECREASE} then keeps θ (η = 0), {@link LineSearchRule#ARGMIN}
 * takes the grid's argmin anyway, as the published ANaGRAM and ENGD code does.
 */
final class LineSearch {
    private LineSearch() {}

    record Result(double eta, double loss, int evaluations) {}

    static Result grid(LeastSquaresProblem p, double[] theta, double[] d, double[] trialTheta, double[] r,
                       double currentLoss, int kMax, LineSearchRule rule) {
        int n = theta.length;
        double bestLoss = Double.POSITIVE_INFINITY;
        double bestEta = 0;
        int evals = 0;
        boolean decreased = false;
        double eta = 1;
        for (int k = 0; k <= kMax; k++, eta *= 0.5) {
            for (int i = 0; i < n; i++) trialTheta[i] = theta[i] - eta * d[i];
            double l = p.loss(trialTheta, r);
            evals++;
            if (Double.isFinite(l) && l < bestLoss) {
                bestLoss = l;
                bestEta = eta;
                if (l < currentLoss) decreased = true;
            } else if (decreased) {
                break; // passed the minimum
            }
        }
        if (!decreased && (rule == LineSearchRule.DECREASE || bestEta == 0)) return new Result(0, currentLoss, evals);
        return new Result(bestEta, bestLoss, evals);
    }
}
