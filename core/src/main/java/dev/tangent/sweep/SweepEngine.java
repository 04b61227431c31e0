package dev.tangent.sweep;

import java.nio.file.Path;
import java.util.List;
import java.util.ServiceLoader;
import java.util.stream.Stream;

/**
 * A remote execution engine for sweeps (the Spark module implements it); results go to the same results.csv.
 * Engines are found through {@link ServiceLoader} ({@code META-INF/services/dev.tangent.sweep.SweepEngine} in
 * the engine's jar), so the core never names an engine class. The local thread pool is {@link LocalSweep}.
 */
public interface SweepEngine {
    /** The name {@code tangent sweep --engine} selects. */
    String name();

    SweepResults run(SweepSpec spec, Path dir, String master) throws Exception;

    /** The name of the built-in engine, {@link LocalSweep}. */
    String LOCAL = "local";

    /** Every engine name: local and those on the class path. */
    static List<String> names() {
        return Stream.concat(Stream.of(LOCAL), ServiceLoader.load(SweepEngine.class).stream().map(p -> p.get().name())).toList();
    }

    /** The engine of this name on the class path; an absent one is an error saying how to get it. */
    static SweepEngine find(String name) {
        for (SweepEngine e : ServiceLoader.load(SweepEngine.class)) if (e.name().equals(name)) return e;
        throw new IllegalArgumentException("--engine " + name + " is not on the class path; available: " + names()
                + (name.equals("spark") ? ". The Spark engine is the tangent-spark module: run tangent-spark.jar with "
                + "spark-submit ... sweep SPEC --engine spark; build it with mvn -q -B -Pspark -DskipTests package (see README, Sweeps on Spark)" : ""));
    }
}
