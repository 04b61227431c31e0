package dev.tangent.pde;

import dev.tangent.nn.PointResidual;

/**
 * One equation of a problem: a residual on the interior points, its own loss group.
 *
 * @param name     the loss group's name ("pde" for a single equation, "pde-1", "pde-2", … for a system)
 * @param text     the equation as written
 * @param residual its pointwise residual over the problem's fields
 */
public record Equation(String name, String text, PointResidual residual) {
    public Equation {
        if (name == null || name.isBlank()) throw new IllegalArgumentException("equation name must not be empty");
        if (residual == null) throw new IllegalArgumentException("equation " + name + " has no residual");
    }
}
