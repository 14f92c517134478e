package sitrep.geo;

import sitrep.model.PlaceKind;

import java.util.List;

/**
 * A toponym as recognition found it, before resolution: where it is, its candidate senses and the cues around it.
 * This is the record between the two halves of the geo stage ({@link ToponymRecognizer} and {@link ToponymResolver}),
 * so resolution can be run and tested on toponyms without the NLP stage.
 *
 * @param sentence         index of its sentence in the article
 * @param first            first token (in the sentence)
 * @param last             last token (in the sentence)
 * @param start            UTF-16 offset of its first character in the article text
 * @param end              offset after its last character
 * @param candidates       the gazetteer's senses of the name; mentions of one name share one list instance, which
 *                         is how resolution tells mentions of the same name apart from others
 * @param adminCue         "Ontario province", "the province of Ontario": a division is named
 * @param cityCue          "the city of Raqqa": a town is named
 * @param qualifierCountry the country of a "Town, Country" qualifier right after it (ISO3), or null
 * @param qualifierAdmin1  the first-level division of a "Town, Region" qualifier right after it, or null
 * @param qualifies        the candidates of the place right before "Place, This" (this names may qualify them), or null
 * @param listedWithNext   whether the next toponym is the next item of a list with this one ("Alberta, Ontario and ...")
 * @param kind             how the name is used: the place itself, a metonym ("Turkey said") or part of a larger name
 *                         ("the Washington Post"); an embedded name is resolved after, and without swaying, the others
 */
public record Toponym(int sentence, int first, int last, int start, int end, String text, List<GazetteerEntry> candidates,
                      boolean adminCue, boolean cityCue, String qualifierCountry, String qualifierAdmin1,
                      List<GazetteerEntry> qualifies, boolean listedWithNext, PlaceKind kind) {

    public Toponym {
        if (kind == null) kind = PlaceKind.TOPONYM;
    }

    /** A toponym used as the place itself. */
    public Toponym(int sentence, int first, int last, int start, int end, String text, List<GazetteerEntry> candidates,
                   boolean adminCue, boolean cityCue, String qualifierCountry, String qualifierAdmin1,
                   List<GazetteerEntry> qualifies, boolean listedWithNext) {
        this(sentence, first, last, start, end, text, candidates, adminCue, cityCue, qualifierCountry, qualifierAdmin1,
                qualifies, listedWithNext, PlaceKind.TOPONYM);
    }

    public Toponym withListedWithNext() {
        return new Toponym(sentence, first, last, start, end, text, candidates, adminCue, cityCue, qualifierCountry,
                qualifierAdmin1, qualifies, true, kind);
    }

    public Toponym withKind(PlaceKind k) {
        return new Toponym(sentence, first, last, start, end, text, candidates, adminCue, cityCue, qualifierCountry,
                qualifierAdmin1, qualifies, listedWithNext, k);
    }

    /** Whether the name is part of a larger name, and so says nothing of where the text is. */
    public boolean embedded() {
        return kind == PlaceKind.EMBEDDED;
    }

    /** Whether a "Town, Region" or "Town, Country" qualifier follows it. */
    public boolean qualified() {
        return qualifierAdmin1 != null || qualifierCountry != null;
    }
}
