package sitrep.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The sitrep command line: one subcommand per entry point. */
@Command(name = "sitrep", mixinStandardHelpOptions = true, version = "sitrep 0.1.0",
        description = "Turns news into coded, geocoded conflict events.",
        subcommands = {ExtractCommand.class, IngestCommand.class, ExportCommand.class, ReportCommand.class, StatsCommand.class, BenchCommand.class,
                ServeCommand.class, sitrep.eval.EvalCommand.class, CommandLine.HelpCommand.class})
public final class Main implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(run(args));
    }

    static int run(String... args) {
        CommandLine cli = new CommandLine(new Main());
        cli.setParameterExceptionHandler((ex, a) -> {
            ex.getCommandLine().getErr().println("sitrep: " + ex.getMessage() + " (see --help)");
            return 2;
        });
        cli.setExecutionExceptionHandler((ex, line, parsed) -> {
            line.getErr().println("sitrep: " + (ex.getMessage() == null ? ex.toString() : ex.getMessage()));
            return ex instanceof UsageException ? 2 : 1;
        });
        return cli.execute(args);
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    /** A bad option value or path: exit status 2 with a one-line message. */
    static class UsageException extends RuntimeException {
        UsageException(String message) {
            super(message);
        }
    }
}
