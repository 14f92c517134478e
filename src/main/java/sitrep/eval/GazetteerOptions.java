package sitrep.eval;

import picocli.CommandLine.Option;
import sitrep.geo.Gazetteer;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The --gazetteer option that extract, ingest, serve and eval share (a picocli mixin). */
public final class GazetteerOptions {
    @Option(names = "--gazetteer", paramLabel = "FILE",
            description = "A GeoNames dump file to add to the gazetteer (repeatable): a country file such as SY.txt, cities "
                    + "or allCountries (.txt, .gz or .zip), and optionally alternateNamesV2 (told by its name).")
    List<Path> files = new ArrayList<>();

    /** Hands the files to the shared gazetteer; call before anything uses it. */
    public void apply() {
        Gazetteer.addUserFiles(files);
    }
}
