package sitrep.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.util.List;
import java.util.concurrent.Callable;

/** Entry points whose stages are not built yet: each says so and exits 2. */
abstract class NotYetCommand implements Callable<Integer> {
    @Parameters(arity = "0..*", hidden = true)
    List<String> ignored;

    abstract String what();

    @Override
    public Integer call() {
        System.err.println("sitrep: " + what() + " is not available yet in this version; use `sitrep extract`.");
        return 2;
    }



    @Command(name = "serve", mixinStandardHelpOptions = true, description = "REST API and web app (not available yet).")
    static final class Serve extends NotYetCommand {
        String what() { return "serve (REST API and web app)"; }
    }
}
