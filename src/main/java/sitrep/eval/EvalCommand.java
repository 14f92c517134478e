package sitrep.eval;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** `sitrep eval`: scorers for the geocoder and the event coder against gold files. */
@Command(name = "eval", mixinStandardHelpOptions = true,
        description = "Score the geocoder and the event coder against gold data.",
        subcommands = {GeoEvalCommand.class, CodingEvalCommand.class})
public final class EvalCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
