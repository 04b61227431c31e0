package dev.tangent.nn;

import java.util.Arrays;
import java.util.Locale;

/** How the fields of a system are represented: one network with an output per field, or one network per field. */
public enum NetLayout {
    /** One network, F outputs: the fields share hidden features (fewer parameters). */
    SHARED,
    /** One scalar network per field, θ = [θ_1 | … | θ_F]: Jacobian columns in one block per field. */
    SEPARATE;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static String allowed() {
        return Arrays.toString(Arrays.stream(values()).map(NetLayout::label).toArray());
    }

    public static NetLayout parse(String s) {
        for (NetLayout l : values()) if (l.label().equals(s)) return l;
        throw new IllegalArgumentException("net.layout must be one of " + allowed() + ", got '" + s + "'");
    }
}
