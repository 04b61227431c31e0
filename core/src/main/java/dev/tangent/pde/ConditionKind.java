package dev.tangent.pde;

import java.util.Locale;

/** The kinds of side conditions; each condition is its own loss group. */
public enum ConditionKind {
    DIRICHLET, NEUMANN, PERIODIC, INITIAL_VALUE, INITIAL_VELOCITY, DATA;

    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static ConditionKind parse(String s) {
        for (ConditionKind k : values()) {
            if (k.label().equalsIgnoreCase(s == null ? "" : s.trim().replace('_', '-'))) return k;
        }
        throw new IllegalArgumentException("unknown condition kind '" + s
                + "'; allowed: [dirichlet, neumann, periodic, initial-value, initial-velocity, data]");
    }
}
