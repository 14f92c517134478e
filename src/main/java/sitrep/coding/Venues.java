package sitrep.coding;

import sitrep.geo.GeoResult;
import sitrep.geo.PlaceMention;
import sitrep.model.Place;
import sitrep.nlp.AnnotatedText;
import sitrep.nlp.Dependency;
import sitrep.nlp.Sentence;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Rule meeting-venue: the towns an article gives its meetings ("the Sochi conference", "talks in Geneva", "a summit
 * at Astana"), by the meeting noun's lemma, so that an act at a meeting the sentence names only by its noun ("will
 * attend the conference", "a statement backed at the talks") is located at the venue the article gave that meeting.
 * One instance per article.
 */
final class Venues {
    /** A town named as the venue of a meeting noun in some sentence. */
    record Venue(int sentence, String lemma, Place place) {
    }

    private final List<Venue> venues = new ArrayList<>();
    private final Set<String> meetingNouns;

    Venues(AnnotatedText doc, GeoResult geo, Set<String> meetingNouns) {
        this.meetingNouns = meetingNouns;
        for (PlaceMention m : geo.mentions()) {
            Place p = m.place();
            if (!p.resolved() || !p.toponym() || EventPlaces.coarse(p) || m.sentence() >= doc.sentences().size()) continue;
            Sentence s = doc.sentences().get(m.sentence());
            for (Dependency d : s.parents(m.lastToken())) {
                if (d.head() < 0 || !meetingNouns.contains(Graph.lemma(s, d.head()))) continue;
                String r = d.relation();
                if (d.baseRelation().equals("compound") || r.equals("nmod:in") || r.equals("nmod:at")) {
                    venues.add(new Venue(m.sentence(), Graph.lemma(s, d.head()), p));
                }
            }
        }
    }

    /**
     * The venue of a meeting that the act's words name by its noun (the trigger itself or a word under it, not in
     * {@code excluded}, the reported content of a speech act): the latest venue the article gave that noun up to this
     * sentence, else the first it gives later; null when none.
     */
    Place of(Candidate c, List<Integer> excluded) {
        Sentence s = c.sentence;
        for (int t : Graph.subtree(s, c.head())) {
            if (excluded.contains(t) || !meetingNouns.contains(Graph.lemma(s, t))) continue;
            String lemma = Graph.lemma(s, t);
            Venue before = null, after = null;
            for (Venue v : venues) {
                if (!v.lemma().equals(lemma)) continue;
                if (v.sentence() <= s.index()) before = v;
                else if (after == null) after = v;
            }
            if (before != null) return before.place();
            if (after != null) return after.place();
        }
        return null;
    }
}
