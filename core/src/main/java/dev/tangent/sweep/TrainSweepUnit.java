package dev.tangent.sweep;

import dev.tangent.train.Config;
import dev.tangent.train.RunSpec;
import dev.tangent.train.RunSummary;
import dev.tangent.train.Trainer;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** Sweep unit {@code train}: one training run; its row is the numeric part of summary.json plus the status. */
public final class TrainSweepUnit implements SweepUnit {
    @Override
    public String name() {
        return "train";
    }

    /** The run spec of the point: the same parse and validation the run itself does. */
    @Override
    public void check(Config config) {
        RunSpec.from(config);
    }

    @Override
    public Map<String, Object> run(Config config, Path dir) {
        Trainer.Result r = Trainer.run(config, dir, false, null);
        Map<String, Object> out = new LinkedHashMap<>();
        RunSummary.summary(config, r).forEach((k, v) -> {
            if (v instanceof Number || k.equals("status")) out.put(k, v);
        });
        return out;
    }
}
