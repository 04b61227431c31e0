package dev.tangent.sweep;

import java.util.List;
import java.util.ServiceLoader;

/** The registry of sweep units: every {@link SweepUnit} on the class path, by name. */
public final class SweepUnits {
    private SweepUnits() {}

    /** The registered names, in class-path order. */
    public static List<String> names() {
        return ServiceLoader.load(SweepUnit.class).stream().map(p -> p.get().name()).toList();
    }

    public static SweepUnit get(String name) {
        for (SweepUnit u : ServiceLoader.load(SweepUnit.class)) if (u.name().equals(name)) return u;
        throw new IllegalArgumentException("unknown sweep run '" + name + "'; allowed: " + names());
    }
}
