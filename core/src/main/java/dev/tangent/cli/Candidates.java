package dev.tangent.cli;

import dev.tangent.nn.Activation;
import dev.tangent.nn.OutputBias;
import dev.tangent.nn.Parameterization;
import dev.tangent.optim.Cutoff;
import dev.tangent.train.LossWeighting;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;

/**
 * Allowed values of the CLI's enumerated options, read from the registries that parse them, so the help texts
 * ({@code ${COMPLETION-CANDIDATES}}) and shell completion cannot go stale.
 */
final class Candidates {
    private Candidates() {}

    private static List<String> lower(Enum<?>[] values) {
        return Arrays.stream(values).map(v -> v.name().toLowerCase(Locale.ROOT).replace('_', '-')).toList();
    }

    static final class Activations implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return lower(Activation.values()).iterator();
        }
    }

    static final class CutoffKinds implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return lower(Cutoff.Kind.values()).iterator();
        }
    }

    static final class WeightKinds implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return LossWeighting.KINDS.iterator();
        }
    }

    static final class OutputBiases implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return Arrays.stream(OutputBias.values()).map(OutputBias::label).iterator();
        }
    }

    static final class Parameterizations implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return lower(Parameterization.values()).iterator();
        }
    }
}
