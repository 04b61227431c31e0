package dev.tangent.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.tangent.io.AtomicFiles;
import dev.tangent.ntk.NtkReport;
import dev.tangent.ntk.NtkSpectrum;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The files of {@code tangent ntk}: ntk.json (per-block summary), spectra.csv (every eigenvalue), spectrum.png. */
public final class NtkFiles {
    private NtkFiles() {}

    /** Every block and then the full kernel, the order of the table, the JSON and the plot. */
    public static List<NtkSpectrum> spectra(NtkReport r) {
        List<NtkSpectrum> all = new ArrayList<>(r.blocks());
        all.add(r.full());
        return all;
    }

    /** Writes the three files into {@code out} (created when missing). */
    public static void write(Path out, NtkReport r, String problem, String net, String shape, String at) {
        try {
            Files.createDirectories(out);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + out + ": " + e.getMessage(), e);
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("problem", problem);
        json.put("net", net);
        json.put("at", at);
        List<Map<String, Object>> blocks = new ArrayList<>();
        for (NtkSpectrum sp : spectra(r)) {
            Map<String, Object> b = new LinkedHashMap<>();
            b.put("block", sp.name());
            b.put("size", sp.eigenvalues().length);
            b.put("trace", sp.trace());
            b.put("lambda_max", sp.eigenvalues()[0]);
            b.put("condition", sp.condition());
            b.put("effective_rank", sp.effectiveRank());
            blocks.add(b);
        }
        json.put("blocks", blocks);
        json.put("cross_block_frobenius", r.crossNorms());
        try {
            AtomicFiles.write(out.resolve("ntk.json"), new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(json));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        StringBuilder csv = new StringBuilder("block,index,eigenvalue\n");
        List<Charts.Series> series = new ArrayList<>();
        for (NtkSpectrum sp : spectra(r)) {
            double[] idx = new double[sp.eigenvalues().length];
            for (int i = 0; i < idx.length; i++) {
                idx[i] = i + 1;
                csv.append(sp.name()).append(',').append(i + 1).append(',').append(sp.eigenvalues()[i]).append('\n');
            }
            series.add(new Charts.Series(sp.name(), idx, sp.eigenvalues()));
        }
        AtomicFiles.write(out.resolve("spectra.csv"), csv.toString());
        // rounding level of a symmetric eigensolver: n·ε·λ_max of the largest block
        double floor = Double.NaN;
        for (NtkSpectrum sp : spectra(r)) {
            double max = 0;
            for (double v : sp.eigenvalues()) if (Double.isFinite(v)) max = Math.max(max, v);
            double f = sp.eigenvalues().length * Math.ulp(1.0) * max;
            if (f > 0 && !(f <= floor)) floor = f;
        }
        Charts.line(out.resolve("spectrum.png"), "NTK block eigenvalues (" + problem + ", " + shape + ", " + at + ")",
                "index j", "eigenvalue λ_j", series, true, true, floor);
    }
}
