package dev.tangent.pde;

import dev.tangent.nn.OutputTransform;
import dev.tangent.nn.PointResidual;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * Hard Dirichlet constraints of a problem's fields, at most one per field: u_f = g_f + d_f·N_f for a constrained
 * field, u_f = N_f otherwise. Every residual of u is wrapped ({@link HardResidual}), so every loss group, the test-grid
 * prediction, {@code tangent eval} and {@code Model.load} see u.
 */
public final class HardConstraints implements OutputTransform {
    private final HardConstraint[] byField;
    private final List<HardConstraint> list;

    /** @throws IllegalArgumentException when two constraints set the same field */
    public HardConstraints(int fields, List<HardConstraint> constraints) {
        if (constraints.isEmpty()) throw new IllegalArgumentException("hard constraints: give at least one");
        byField = new HardConstraint[fields];
        for (HardConstraint c : constraints) {
            if (c.field() >= fields) throw new IllegalArgumentException("hard constraint on field #" + c.field() + " of a problem with " + fields + " field(s)");
            if (byField[c.field()] != null) {
                throw new IllegalArgumentException("two hard constraints set field " + c.fieldName() + "; give one (its value and distance cover the whole constrained boundary)");
            }
            byField[c.field()] = c;
        }
        list = Collections.unmodifiableList(new ArrayList<>(constraints));
    }

    /** The constraint of field f, or null. */
    public HardConstraint of(int field) {
        return field < byField.length ? byField[field] : null;
    }

    public List<HardConstraint> constraints() {
        return list;
    }

    /** Whether any of these field indices is constrained. */
    public boolean constrains(int[] fields) {
        return Arrays.stream(fields).anyMatch(f -> of(f) != null);
    }

    public String describe() {
        return String.join("; ", list.stream().map(HardConstraint::describe).toList());
    }

    @Override
    public PointResidual wrap(PointResidual ofU) {
        return ofU instanceof CoefficientResidual c ? new HardResidual.WithCoefficients(this, c) : new HardResidual(this, ofU);
    }
}
