package dev.tangent.ntk;

import dev.tangent.pde.Discretization;
import dev.tangent.pde.LossGroup;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Spectra, traces and conditioning of every diagonal block and of the full kernel of a discretization. The blocks
 * are the loss groups (periodic groups included), the same rows the NTK loss weights use. Each block K(a, b), a ≤ b,
 * is computed once; the full kernel is assembled from them.
 */
public record NtkReport(List<NtkSpectrum> blocks, NtkSpectrum full, Map<String, Double> crossNorms) {
    public static NtkReport of(Discretization d, double[] theta, int blockPoints) {
        return of(d, new KernelBlocks(d.mlp(), theta, blockPoints));
    }

    public static NtkReport of(Discretization d, KernelBlocks kb) {
        List<LossGroup> groups = d.groups();
        List<NtkSpectrum> blocks = new ArrayList<>();
        Map<String, Double> cross = new LinkedHashMap<>();
        int n = KernelBlocks.size(groups);
        double[] k = new double[n * n];
        int ro = 0;
        for (int a = 0; a < groups.size(); a++) {
            LossGroup ga = groups.get(a);
            int co = ro;
            for (int b = a; b < groups.size(); b++) {
                LossGroup gb = groups.get(b);
                double[] blk = kb.kernel(ga, gb);
                KernelBlocks.place(blk, ga.size(), gb.size(), false, k, ro, co, n);
                if (b == a) {
                    blocks.add(KernelBlocks.spectrum("K_" + ga.name(), ga.size(), blk));
                } else {
                    KernelBlocks.place(blk, ga.size(), gb.size(), true, k, ro, co, n);
                    cross.put("K_" + ga.name() + "," + gb.name(), KernelNorms.frobenius(blk));
                }
                co += gb.size();
            }
            ro += ga.size();
        }
        NtkSpectrum full = KernelBlocks.spectrum("K", n, k);
        return new NtkReport(blocks, full, cross);
    }
}
