package dev.tangent.sweep;

import dev.tangent.train.Config;
import java.nio.file.Path;
import java.util.Map;

/**
 * One kind of sweep point: turns a resolved config into a row of named metrics. Must be thread-safe. Units are
 * found through {@link java.util.ServiceLoader} (listed in {@code META-INF/services/dev.tangent.sweep.SweepUnit}),
 * so a package above {@code sweep} (a study) can add one without {@code sweep} depending on it.
 */
public interface SweepUnit {
    /** The name a sweep spec's {@code run:} key selects. */
    String name();

    /**
     * Checks a point's config before any point runs, so a bad point fails the whole sweep at once (owned by the
     * call). The default accepts what the key schema accepted; a unit with a typed parse runs it here.
     */
    default void check(Config config) {}

    /**
     * @param config the base config with this point's values set (owned by the call)
     * @param workDir a directory private to this point, for run files
     */
    Map<String, Object> run(Config config, Path workDir) throws Exception;
}
