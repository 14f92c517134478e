package sitrep.coding;

import sitrep.model.Actor;

import java.util.Objects;

/**
 * Rule article-duplicates: an act the article has coded already is not a second event when it is told again later
 * (same root, the same known actors, the same day and place) or named again by a noun with nothing of its own.
 */
final class ArticleDuplicates {
    private ArticleDuplicates() {
    }

    /** Drops {@code c} when it tells again an act among the article's coded ones. */
    static void check(Candidate c, Discourse d) {
        for (Candidate e : d.coded) {
            if (restates(c, e)) {
                c.drop(CodingRule.ARTICLE_DUPLICATES, "names again the act at '" + EventCoder.word(e) + "'");
                return;
            }
            if (retells(c, e)) {
                c.drop(CodingRule.ARTICLE_DUPLICATES, "told before at '" + EventCoder.word(e) + "'");
                return;
            }
        }
    }

    /**
     * "Today's attack, one of the most daring since ...", "no confirmation of today's supertanker attack": a noun with
     * no actors of its own, dated to the day of an act of its kind already coded, names that act again. Not one that
     * names a doer the dictionaries do not know ("Sunday's attack by Ansar al-Tawhid fighters"), nor one elsewhere: a
     * place of its own is the other act's, or the country the other act is in.
     */
    private static boolean restates(Candidate c, Candidate e) {
        if (c.verb() || c.source != null || c.target != null || !"text".equals(c.dateSource) || !"day".equals(c.datePrecision)) return false;
        if (Graph.child(c.sentence, c.head(), "nmod:by", "nmod:agent") >= 0) return false;
        if (!(e.root().equals(c.root()) || e.violent() && c.violent()) || !Objects.equals(e.date, c.date)) return false;
        return e.place == null || c.place == null || Objects.equals(e.place.name(), c.place.name())
                || "country".equals(c.place.precision()) && Objects.equals(e.place.country(), c.place.country());
    }

    /** The same root, the same known actors, the same day and place. */
    private static boolean retells(Candidate c, Candidate e) {
        if (!e.root().equals(c.root())) return false;
        if (!sameActor(e.source, c.source) || !sameActor(e.target, c.target)) return false;
        if (e.source == null && e.target == null) return false;
        if (!Objects.equals(e.date, c.date)) return false;
        return e.place == null || c.place == null || Objects.equals(e.place.name(), c.place.name());
    }

    private static boolean sameActor(Actor a, Actor b) {
        if (a == null || b == null) return a == b;
        return Objects.equals(a.code(), b.code());
    }
}
