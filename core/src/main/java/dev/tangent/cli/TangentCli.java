package dev.tangent.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Root of the {@code tangent} command line. */
@Command(name = "tangent", mixinStandardHelpOptions = true, scope = CommandLine.ScopeType.INHERIT, version = "tangent 0.1.0",
        description = "Physics-informed neural networks with exact NTK analysis and second-order training.",
        subcommands = {TrainCommand.class, CompareCommand.class, NtkCommand.class, ReproduceCommand.class, SweepCommand.class, ProblemsCommand.class, BenchCommand.class, CommandLine.HelpCommand.class})
public final class TangentCli implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new TangentCli());
        cl.setExecutionExceptionHandler(new ErrorHandler());
        cl.setExecutionStrategy(ErrorHandler.catchingErrors(cl));
        return cl;
    }

    public static void main(String[] args) {
        int code;
        try {
            code = commandLine().execute(args);
        } catch (Throwable t) { // anything picocli itself lets through
            code = ErrorHandler.handle(t, new CommandLine(new TangentCli()));
        }
        System.exit(code);
    }
}
