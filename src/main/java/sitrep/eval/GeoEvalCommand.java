package sitrep.eval;

import picocli.CommandLine.Command;

import java.util.concurrent.Callable;

/** Scores the geocoder (LGL, GeoVirus, ...) against gold data. */
@Command(name = "geo", mixinStandardHelpOptions = true, description = "Score the geocoder (LGL, GeoVirus, ...) (not available yet).")
public final class GeoEvalCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        System.err.println("sitrep: eval geo is not available yet in this version.");
        return 2;
    }
}
