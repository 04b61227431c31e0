package dev.tangent.cli;

import dev.tangent.pde.catalog.Catalog;
import dev.tangent.pde.Condition;
import dev.tangent.pde.Problem;
import java.util.Arrays;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code tangent problems [NAME]}: the catalog. */
@Command(name = "problems", description = "List the problem catalog, or describe one problem.")
final class ProblemsCommand implements Callable<Integer> {
    @Parameters(arity = "0..1", paramLabel = "NAME", description = "Problem to describe.")
    String name;

    @Override
    public Integer call() {
        if (name == null) {
            int w = Catalog.names().stream().mapToInt(String::length).max().orElse(0); // one column for every name
            for (String n : Catalog.names()) {
                Problem p = Catalog.get(n);
                System.out.printf("%-" + w + "s  %s%n", n, p.description());
            }
            System.out.println("\n`tangent problems NAME` prints the equation, domain, conditions and defaults.");
            return ExitCodes.OK;
        }
        Problem p = Catalog.get(name);
        System.out.println(p.name() + ": " + p.description());
        System.out.println("  equation:   " + p.equation());
        System.out.println("  domain:     " + p.domain().describe());
        for (Condition c : p.conditions()) {
            System.out.printf("  condition:  %-17s %-15s %s (%d points)%n", c.name(), c.kind().label(), c.description(), c.defaultPoints());
        }
        Problem.Defaults d = p.defaults();
        if (p.references().isEmpty()) System.out.println("  reference:  none");
        for (int f = 0; f < p.references().size(); f++) { // one per field of a system
            System.out.println("  reference:  " + (p.system() ? p.fields().get(f) + ": " : "") + (p.references().get(f) == null ? "none" : p.references().get(f).describe()));
        }
        System.out.println("  defaults:   net " + p.domain().dim() + "-" + String.join("-",
                Arrays.stream(d.hidden()).mapToObj(Integer::toString).toList()) + "-" + p.fields().size() + " " + d.activation().label()
                + ", " + d.interiorPoints() + " interior points (" + d.interiorSampler().label() + "), conditions sampled by "
                + d.conditionSampler().label() + ", time budget " + (int) d.seconds() + " s, optimizer "
                + dev.tangent.train.Optimizers.DEFAULT);
        if (!Catalog.options(name).isEmpty()) System.out.println("  options:    " + Catalog.options(name));
        return ExitCodes.OK;
    }
}
