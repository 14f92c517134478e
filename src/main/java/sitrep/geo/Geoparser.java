package sitrep.geo;

import sitrep.model.Place;
import sitrep.nlp.AnnotatedText;

import java.util.ArrayList;
import java.util.List;

/**
 * The geo stage: recognition finds the toponyms and demonyms of an annotated article ({@link ToponymRecognizer}),
 * resolution picks the gazetteer entry each toponym means ({@link ToponymResolver}); the {@link Toponym} record is
 * the seam between them.
 */
public final class Geoparser {
    private final ToponymRecognizer recognizer;
    private final ToponymResolver resolver;

    public Geoparser(Gazetteer gazetteer) {
        this(gazetteer, ResolutionSettings.defaults());
    }

    public Geoparser(Gazetteer gazetteer, ResolutionSettings settings) {
        this.recognizer = new ToponymRecognizer(gazetteer);
        this.resolver = new ToponymResolver(settings);
    }

    public GeoResult geoparse(AnnotatedText doc) {
        return resolve(recognizer.recognize(doc));
    }

    /** Recognition alone: what {@link #resolve} takes. */
    public Recognition recognize(AnnotatedText doc) {
        return recognizer.recognize(doc);
    }

    /** Resolution of what recognition found, with this geoparser's settings. */
    public GeoResult resolve(Recognition recognition) {
        return result(recognition, resolver.resolve(recognition));
    }

    static GeoResult result(Recognition recognition, ToponymResolver.Resolution resolution) {
        List<Toponym> toponyms = recognition.toponyms();
        List<PlaceMention> out = new ArrayList<>(), embedded = new ArrayList<>();
        for (int i = 0; i < toponyms.size(); i++) {
            Toponym t = toponyms.get(i);
            GazetteerEntry e = resolution.chosen().get(i);
            Place p = (e == null ? Place.unresolved(t.text(), t.start(), t.end()) : ToponymResolver.place(t.text(), t.start(), t.end(), e))
                    .withKind(t.kind());
            (t.embedded() ? embedded : out).add(new PlaceMention(t.sentence(), t.first(), t.last(), p, e));
        }
        List<PlaceMention> demonyms = new ArrayList<>();
        for (Demonym d : recognition.demonyms()) if (d.mention() != null) demonyms.add(d.mention());
        return new GeoResult(out, demonyms, embedded, resolution.focusCountry());
    }

    /**
     * Whether toponym recognition reads this sentence's parse: only to tell a name that heads a ship, newspaper, street
     * and the like ("the Washington Post"), so only where such a noun stands.
     */
    public static boolean readsParse(List<sitrep.nlp.Token> tagged) {
        return ToponymRecognizer.readsParse(tagged);
    }
}
