package dev.tangent.ntk;

import dev.tangent.pde.Discretization;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Spectra, traces and conditioning of every diagonal block and of the full kernel of a discretization. */
public record NtkReport(List<NtkSpectrum> blocks, NtkSpectrum full, Map<String, Double> crossNorms) {
    public static NtkReport of(Discretization d, double[] theta, int blockPoints) {
        KernelBlocks kb = new KernelBlocks(d.mlp(), theta, blockPoints);
        List<KernelBlocks.Side> sides = KernelBlocks.sides(d);
        List<NtkSpectrum> blocks = new ArrayList<>();
        Map<String, Double> cross = new LinkedHashMap<>();
        for (KernelBlocks.Side s : sides) blocks.add(KernelBlocks.spectrum("K_" + s.name(), s.size(), kb.kernel(s, s)));
        for (int a = 0; a < sides.size(); a++) {
            for (int b = a + 1; b < sides.size(); b++) {
                double[] k = kb.kernel(sides.get(a), sides.get(b));
                double f = 0;
                for (double v : k) f += v * v;
                cross.put("K_" + sides.get(a).name() + "," + sides.get(b).name(), Math.sqrt(f));
            }
        }
        int n = sides.stream().mapToInt(KernelBlocks.Side::size).sum();
        NtkSpectrum full = KernelBlocks.spectrum("K", n, kb.full(sides));
        return new NtkReport(blocks, full, cross);
    }
}
