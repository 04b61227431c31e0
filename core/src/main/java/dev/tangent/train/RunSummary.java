package dev.tangent.train;

import dev.tangent.io.AtomicFiles;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Run directories and their summary.json. */
public final class RunSummary {
    private RunSummary() {}

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** A fresh {@code base/<name>-<timestamp>} directory (with a numeric suffix if taken). */
    public static Path newRunDirectory(Path base, String name) {
        String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        String safe = name.replaceAll("[^A-Za-z0-9._-]", "_");
        try {
            Files.createDirectories(base);
            for (int k = 1; ; k++) {
                Path dir = base.resolve(safe + "-" + stamp + (k == 1 ? "" : "-" + k));
                try {
                    return Files.createDirectory(dir); // atomic: two processes never get the same directory
                } catch (FileAlreadyExistsException e) {
                    // taken: try the next suffix
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create run directory under " + base + ": " + e.getMessage(), e);
        }
    }

    /** Deletes a run directory and everything in it (a run rejected before it started). */
    public static void discard(Path dir) {
        try (var files = Files.walk(dir)) {
            for (Path f : files.sorted(java.util.Comparator.reverseOrder()).toList()) Files.deleteIfExists(f);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove the rejected run directory " + dir + ": " + e.getMessage(), e);
        }
    }

    /** First training time (seconds) at which the absolute RMS error is at or below thr, or NaN. */
    public static double timeToReach(MetricsTable m, double thr) {
        double[] e = m.series("absolute_rms");
        double[] s = m.series("seconds");
        for (int i = 0; i < e.length; i++) if (e[i] <= thr) return s[i];
        return Double.NaN;
    }

    public static Map<String, Object> summary(Config config, Trainer.Result r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", config.string("name", "run"));
        m.put("problem", r.discretization().problem().name());
        m.put("optimizer", config.string("optimizer.name", Optimizers.DEFAULT));
        dev.tangent.nn.Mlp mlp = r.discretization().mlp();
        m.put("net", mlp.spec().toString() + (mlp.fourier() == null ? "" : " fourier features=" + mlp.fourier().features() + " scale=" + mlp.fourier().scale())
                + (mlp.periodic() == null ? "" : " " + mlp.periodic().describe(r.discretization().problem().domain().coords())));
        m.put("parameters", r.discretization().mlp().nParams());
        m.put("rows", r.discretization().rows());
        m.put("status", r.status().label());
        m.put("message", r.message());
        m.put("steps", r.steps());
        m.put("seconds", r.seconds());
        m.put("loss", r.loss());
        m.put("seconds_per_step", r.steps() > 0 ? r.seconds() / r.steps() : Double.NaN);
        m.put("weights", config.get("weights") instanceof String s ? s : config.string("weights.kind", "none"));
        m.put("weights_seconds", r.weightSeconds());
        if (r.errors() != null) {
            m.put("relative_l2", r.errors().relativeL2());
            m.put("absolute_rms", r.errors().absoluteRms());
            m.put("max_abs", r.errors().maxAbs());
            if (!r.errors().fields().isEmpty()) m.put("fields", fieldErrors(r));
            Map<String, Object> reach = new LinkedHashMap<>();
            for (double thr : new double[] {1e-3, 1e-4, 1e-5, 1e-6, 1e-7, 1e-8, 1e-9}) {
                double t = timeToReach(r.metrics(), thr);
                reach.put(String.format("%.0e", thr), Double.isNaN(t) ? null : t);
            }
            m.put("seconds_to_absolute_rms", reach);
        }
        List<UnknownEstimates.Estimate> unknowns = UnknownEstimates.of(r.discretization(), r.theta(), null);
        if (!unknowns.isEmpty()) {
            Map<String, Object> u = new LinkedHashMap<>();
            for (UnknownEstimates.Estimate e : unknowns) {
                Map<String, Object> one = new LinkedHashMap<>();
                one.put("value", e.value());
                one.put("standard_error", Double.isFinite(e.standardError()) ? e.standardError() : null);
                one.put("noise_sigma", Double.isFinite(e.noiseSigma()) ? e.noiseSigma() : null);
                one.put("observations", e.observations());
                u.put(e.name(), one);
            }
            m.put("unknowns", u);
        }
        m.put("seed", config.integer("seed", 0));
        m.put("provenance", Provenance.describe());
        return m;
    }

    /** A system's errors per field: {"u": {"relative_l2": …, "absolute_rms": …, "max_abs": …}, …}; the top-level numbers are the worst field's. */
    private static Map<String, Object> fieldErrors(Trainer.Result r) {
        Map<String, Object> out = new LinkedHashMap<>();
        List<String> names = r.discretization().problem().fields();
        for (int f = 0; f < names.size(); f++) {
            var e = r.errors().fields().get(f);
            if (e == null) {
                out.put(names.get(f), null);
                continue;
            }
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("relative_l2", e.relativeL2());
            m.put("absolute_rms", e.absoluteRms());
            m.put("max_abs", e.maxAbs());
            out.put(names.get(f), m);
        }
        return out;
    }

    public static void write(Path file, Map<String, Object> summary) {
        try {
            AtomicFiles.write(file, JSON.writeValueAsString(summary));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> read(Path file) {
        try {
            return JSON.readValue(file.toFile(), LinkedHashMap.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }
}
