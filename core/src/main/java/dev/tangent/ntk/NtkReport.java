package dev.tangent.ntk;

import dev.tangent.pde.Discretization;
import dev.tangent.pde.LossGroup;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Spectra, traces and conditioning of every diagonal block and of the full kernel of a discretization. The blocks
 * are the loss groups (periodic groups included), the same rows the NTK loss weights use.
 */
public record NtkReport(List<NtkSpectrum> blocks, NtkSpectrum full, Map<String, Double> crossNorms) {
    public static NtkReport of(Discretization d, double[] theta, int blockPoints) {
        KernelBlocks kb = new KernelBlocks(d.mlp(), theta, blockPoints);
        List<LossGroup> groups = d.groups();
        List<NtkSpectrum> blocks = new ArrayList<>();
        Map<String, Double> cross = new LinkedHashMap<>();
        for (LossGroup g : groups) blocks.add(KernelBlocks.spectrum("K_" + g.name(), g.size(), kb.kernel(g, g)));
        for (int a = 0; a < groups.size(); a++) {
            for (int b = a + 1; b < groups.size(); b++) {
                cross.put("K_" + groups.get(a).name() + "," + groups.get(b).name(),
                        KernelNorms.frobenius(kb.kernel(groups.get(a), groups.get(b))));
            }
        }
        NtkSpectrum full = KernelBlocks.spectrum("K", KernelBlocks.size(groups), kb.full(groups));
        return new NtkReport(blocks, full, cross);
    }
}
