package dev.tangent.pde;

import dev.tangent.nn.PointResidual;

/** A residual that reads scalar coefficients by name, with their partials ∂F/∂λ (unknowns of an inverse problem). */
public interface CoefficientResidual extends PointResidual {
    /** Sets a coefficient's current value; the residual and its partials follow it. */
    void setParameter(String name, double v);

    /** ∂F/∂λ at given points and derivative values (the layout of {@link #evaluate}), into out[i]. */
    void parameterPartial(String name, int nPoints, double[] x, double[] values, double[] out);
}
