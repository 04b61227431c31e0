package dev.tangent.study;

import dev.tangent.sweep.SweepUnit;
import dev.tangent.train.Config;
import java.nio.file.Path;
import java.util.Map;

/** Sweep unit {@code ntk-width}: one (width, s) point of the width study ({@link WidthScalingUnit}). */
public final class WidthScalingSweepUnit implements SweepUnit {
    @Override
    public String name() {
        return "ntk-width";
    }

    @Override
    public void check(Config config) {
        WidthScalingUnit.check(config);
    }

    @Override
    public Map<String, Object> run(Config config, Path workDir) throws Exception {
        return WidthScalingUnit.run(config, workDir);
    }
}
