package sitrep.spark;

import org.apache.spark.sql.AnalysisException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code sitrep spark}: the pipeline as an Apache Spark job; also the main class for spark-submit. */
@Command(name = "sitrep spark", mixinStandardHelpOptions = true, version = "sitrep 0.1.0",
        description = "The sitrep pipeline as an Apache Spark job, on one machine (local[*]) or a cluster.",
        subcommands = {SparkExtractCommand.class, SparkMergeCommand.class, CommandLine.HelpCommand.class})
public final class SparkMain implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(run(args));
    }

    public static int run(String... args) {
        CommandLine cli = new CommandLine(new SparkMain());
        cli.setParameterExceptionHandler((ex, a) -> {
            ex.getCommandLine().getErr().println("sitrep: " + ex.getMessage() + " (see --help)");
            return 2;
        });
        cli.setExecutionExceptionHandler((ex, line, parsed) -> {
            line.getErr().println("sitrep: " + (ex.getMessage() == null ? ex.toString() : ex.getMessage()));
            // An output folder that exists, an input that does not: the user's to fix, like a bad option.
            return ex instanceof UsageException || ex instanceof AnalysisException || ex instanceof IllegalArgumentException
                    || ex instanceof java.io.UncheckedIOException ? 2 : 1;
        });
        return cli.execute(args);
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    /** A bad option value: exit status 2 with a one-line message. */
    static final class UsageException extends RuntimeException {
        UsageException(String message) {
            super(message);
        }
    }
}
