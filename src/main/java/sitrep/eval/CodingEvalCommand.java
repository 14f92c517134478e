package sitrep.eval;

import picocli.CommandLine.Command;

import java.util.concurrent.Callable;

/** Scores the event coder (PETRARCH records, PLOVER, CASE 2021, FA-KES) against gold data. */
@Command(name = "coding", mixinStandardHelpOptions = true, description = "Score the event coder (PETRARCH records, PLOVER, CASE 2021, FA-KES) (not available yet).")
public final class CodingEvalCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        System.err.println("sitrep: eval coding is not available yet in this version.");
        return 2;
    }
}
