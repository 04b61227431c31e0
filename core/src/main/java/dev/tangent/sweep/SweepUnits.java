package dev.tangent.sweep;

import dev.tangent.study.WidthScalingUnit;
import dev.tangent.train.RunSummary;
import dev.tangent.train.Trainer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The registry of sweep units. */
public final class SweepUnits {
    private SweepUnits() {}

    public static final List<String> NAMES = List.of("train", "ntk-width");

    public static SweepUnit get(String name) {
        return switch (name) {
            case "train" -> (config, dir) -> {
                Trainer.Result r = Trainer.run(config, dir, false, null);
                Map<String, Object> s = RunSummary.summary(config, r);
                Map<String, Object> out = new LinkedHashMap<>();
                s.forEach((k, v) -> {
                    if (v instanceof Number || k.equals("status")) out.put(k, v);
                });
                return out;
            };
            case "ntk-width" -> WidthScalingUnit::run;
            default -> throw new IllegalArgumentException("unknown sweep run '" + name + "'; allowed: " + NAMES);
        };
    }
}
