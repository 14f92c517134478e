package sitrep.eval;

import java.time.LocalDate;
import java.util.List;

/**
 * One article of a geoparsing gold corpus: its text (null when the gold comes from a line file that carries
 * none), its publication date if known, and its gold toponyms that have coordinates.
 */
public record GeoEvalDocument(String id, String text, LocalDate published, List<GeoAnnotation> gold) {
    public GeoEvalDocument {
        gold = List.copyOf(gold);
    }
}
