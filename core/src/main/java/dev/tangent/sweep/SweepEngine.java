package dev.tangent.sweep;

import java.nio.file.Path;

/** A remote execution engine for sweeps (the Spark module implements it); results go to the same results.csv. */
public interface SweepEngine {
    SweepResults run(SweepSpec spec, Path dir, String master) throws Exception;
}
