package sitrep.coding;

import java.util.List;

/**
 * Rule restated-place: news tells an act first in a line that places it only in a country or a province ("A British
 * soldier was killed ... in Syria") and then again with its town ("He died during an operation in Manbij, northern
 * Syria"). An act placed no more precisely than a country or first-level division, or not at all, takes the town of
 * the nearest later telling of the same act within a few sentences, where that town lies in its place. The same act:
 * the same CAMEO root (or both material conflict), no contradicting date, and not both actors contradicting.
 */
final class RestatedPlaces {
    private RestatedPlaces() {
    }

    /** Refines the places of {@code coded} from the later located acts of {@code placed} (both in text order). */
    static void refine(List<Candidate> coded, List<Candidate> placed, int maxGap) {
        for (Candidate c : coded) {
            if (c.verbal() || c.place != null && !EventPlaces.coarse(c.place)) continue;
            for (Candidate e : placed) {
                int gap = e.sentence.index() - c.sentence.index();
                if (gap < 1 || gap > maxGap || e.place == null || e.placeInherited || !precise(e.place)) continue;
                if (!sameAct(c, e) || c.place != null && !EventPlaces.within(e.place, c.place)) continue;
                c.place = e.place;
                c.placeInherited = true;
                break;
            }
        }
    }

    /** A town, a point, or a named local area (an island, a district: a region inside a first-level division). */
    private static boolean precise(sitrep.model.Place p) {
        return !EventPlaces.coarse(p) || "region".equals(p.precision()) && p.country() != null && p.admin1() != null;
    }

    private static boolean sameAct(Candidate a, Candidate b) {
        if (!a.root().equals(b.root()) && !(a.violent() && b.violent())) return false;
        if (a.date != null && b.date != null && !a.date.equals(b.date) && "text".equals(a.dateSource) && "text".equals(b.dateSource)) return false;
        return !(contradict(a.source == null ? null : a.source.code(), b.source == null ? null : b.source.code())
                && contradict(a.target == null ? null : a.target.code(), b.target == null ? null : b.target.code()));
    }

    /** Two actor codes that name different countries or groups (the first three letters differ); unknown never contradicts. */
    private static boolean contradict(String a, String b) {
        return a != null && b != null && a.length() >= 3 && b.length() >= 3 && !a.substring(0, 3).equals(b.substring(0, 3));
    }
}
