package sitrep.merge;

import sitrep.coding.Codebook;
import sitrep.geo.Geo;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Decides whether an incoming event mention tells an event already stored: same CAMEO root, PLOVER type and modality,
 * dates that overlap at their precision (a day either way for day-precise dates: reports of one night
 * disagree), locations within a distance that grows as precision falls, and compatible actors (equal codes,
 * one code refining the other as RUS and RUSMIL, or one side unknown; source and target swapped only when both
 * acts are mutual, see {@link #compare}). At least one positive agreement beyond the event family and date is
 * required: an actor named on both sides, or two city-precise places close by; when either side has no place,
 * both source and target must agree.
 * The decision says why, so a user can audit every merge.
 */
public final class Merger {
    /** How far apart two locations may be, by the coarser precision of the two. */
    private static final Map<String, Double> MAX_KM = Map.of("point", 25.0, "city", 50.0, "admin2", 100.0,
            "admin1", 300.0, "region", 500.0, "country", Double.MAX_VALUE);
    private static final List<String> PRECISION_ORDER = List.of("point", "city", "admin2", "admin1", "region", "country");
    /** Statements (make a statement, appeal): one speaker's remarks merge only when they address the same actor. */
    private static final Set<String> STATEMENT_ROOTS = Set.of("01", "02");
    /** Which CAMEO codes are mutual acts (cameo.tsv), as the coder reads them. */
    private static final Codebook CODEBOOK = Codebook.shared();

    /** A stored event that an incoming mention may join, with its key. */
    public record Candidate(String eventId, EventKey key) {
    }

    /**
     * @param swapped whether the mention's source and target matched the event's target and source (two mutual
     *                acts: "Y and X clashed" joining "X and Y clashed"); {@link EventFold} folds its actors crosswise then
     */
    public record Decision(String eventId, double score, String reason, boolean swapped) {
    }

    public Optional<Decision> decide(EventKey incoming, List<Candidate> candidates) {
        Decision best = null;
        for (Candidate c : candidates) {
            Decision d = compare(incoming, c);
            if (d != null && (best == null || d.score() > best.score())) best = d;
        }
        return Optional.ofNullable(best);
    }

    private Decision compare(EventKey a, Candidate c) {
        EventKey b = c.key();
        List<String> why = new ArrayList<>();
        if (!a.cameoRoot().equals(b.cameoRoot()) || !java.util.Objects.equals(a.ploverType(), b.ploverType())
                || !a.modality().equals(b.modality())) return null;
        why.add("same CAMEO root " + a.cameoRoot() + " (" + codes(a.cameoCode(), b.cameoCode()) + ") and PLOVER type " + a.ploverType());
        if (a.dateStart() == null || b.dateStart() == null) return null;
        int slack = "day".equals(a.datePrecision()) && "day".equals(b.datePrecision()) ? 1 : 0;
        if (a.dateStart().minusDays(slack).isAfter(b.dateEnd()) || b.dateStart().minusDays(slack).isAfter(a.dateEnd())) return null;
        why.add("dates overlap (" + a.dateStart() + (a.dateEnd().equals(a.dateStart()) ? "" : ".." + a.dateEnd()) + " ~ "
                + b.dateStart() + (b.dateEnd().equals(b.dateStart()) ? "" : ".." + b.dateEnd()) + ")");
        double score = 1;

        boolean placeAgrees = false;
        if (a.lat() != null && b.lat() != null) {
            String coarser = coarser(a.precision(), b.precision());
            if ("country".equals(coarser)) {
                if (a.country() == null || !a.country().equals(b.country())) return null;
                why.add("same country " + a.country());
                score += 0.5;
            } else {
                double km = Geo.distanceKm(a.lat(), a.lon(), b.lat(), b.lon());
                double limit = MAX_KM.getOrDefault(coarser, 50.0);
                if (km > limit) return null;
                why.add(String.format("locations %.0f km apart (limit %.0f km at %s precision)", km, limit, coarser));
                placeAgrees = km <= 50 && ("city".equals(coarser) || "point".equals(coarser));
                score += placeAgrees ? 2 : 1;
            }
        } else {
            why.add("location unknown on one side");
        }

        int direct = actorsAgree(a.sourceCode(), b.sourceCode()) + actorsAgree(a.targetCode(), b.targetCode());
        boolean directOk = actorsCompatible(a.sourceCode(), b.sourceCode()) && actorsCompatible(a.targetCode(), b.targetCode());
        // Source and target may match swapped only when both acts are mutual (cameo.tsv's roles column, shared with
        // the coder: 040 consult, 046 negotiate, 190 the coder's "clash", ...): the coder takes a mutual act's order
        // from the text ("X and Y clashed", "Y clashed with X"), so that order says nothing. A directed act keeps its
        // direction: "Israeli jets struck Gaza" (195) and "Hamas fired rockets at Jerusalem" are two acts, each side's
        // own. Both mutual, not either: a directed act matched crosswise with a mutual event would be folded with
        // its sides reversed (the Hamas strike joining "Israel and Hamas clashed" would make the event a 195 by
        // Israel), and a mutual report matched crosswise with one side's strike is as likely the other side's part
        // of the fighting; then a mutual report could join both sides' strikes, one after the other, into one event.
        // As the fold gives the event its mentions' most specific code, an event a directed mention has joined is
        // directed from then on. What the codes cannot show: the coder gives 190 to a plain "X attacked Y" as well
        // as to a clash, so two such 190 attacks on each other on one day still match swapped.
        boolean mutual = CODEBOOK.mutual(a.cameoCode()) && CODEBOOK.mutual(b.cameoCode());
        boolean crosswise = actorsCompatible(a.sourceCode(), b.targetCode()) && actorsCompatible(a.targetCode(), b.sourceCode());
        boolean swappedOk = mutual && crosswise;
        int swapped = crosswise ? actorsAgree(a.sourceCode(), b.targetCode()) + actorsAgree(a.targetCode(), b.sourceCode()) : 0;
        if (!directOk && !swappedOk) return null;
        int agreeing = directOk ? direct : 0;
        boolean useSwapped = swappedOk && swapped > agreeing;
        if (useSwapped) {
            agreeing = swapped;
            why.add("actors agree with source and target swapped (" + show(a.cameoCode()) + " and " + show(b.cameoCode())
                    + " are mutual acts): source " + show(a.sourceCode()) + " ~ target " + show(b.targetCode())
                    + ", target " + show(a.targetCode()) + " ~ source " + show(b.sourceCode()));
        } else {
            why.add("source " + show(a.sourceCode()) + " ~ " + show(b.sourceCode()) + ", target " + show(a.targetCode())
                    + " ~ " + show(b.targetCode())
                    + (!mutual && swapped > agreeing ? " (not swapped: " + directed(a.cameoCode(), b.cameoCode()) + " is a directed act)" : ""));
        }
        if (agreeing == 0 && !placeAgrees) return null; // nothing but family and date in common: too weak
        // With no place to compare, one shared actor is not enough ("Russian airstrikes" in general is not
        // the strike on a named town): both sides must agree.
        if ((a.lat() == null || b.lat() == null) && agreeing < 2) return null;
        // Statements are many a day: one speaker's two remarks are one event only when they address the same actor.
        if (STATEMENT_ROOTS.contains(a.cameoRoot()) && (a.targetCode() == null || b.targetCode() == null || agreeing < 2)) return null;
        score += agreeing * 1.5;
        return new Decision(c.eventId(), score, String.join("; ", why), useSwapped);
    }

    /** 1 when both sides name compatible actors, 0 otherwise. */
    private static int actorsAgree(String x, String y) {
        return x != null && y != null && actorsCompatible(x, y) ? 1 : 0;
    }

    /** Equal, one refining the other (RUS / RUSMIL), or unknown on one side. */
    static boolean actorsCompatible(String x, String y) {
        if (x == null || y == null) return true;
        return x.equals(y) || x.startsWith(y) || y.startsWith(x);
    }

    /** The codes of the mention and the event, and which code the fold leaves the event with. */
    private static String codes(String mention, String event) {
        if (java.util.Objects.equals(mention, event)) return "code " + show(mention);
        if (EventFold.refines(mention, event)) return "code " + show(mention) + " refines the event's " + show(event);
        return "code " + show(mention) + ", the event keeps its " + show(event);
    }

    /** The directed one of two codes (the first when both are). */
    private static String directed(String mention, String event) {
        return CODEBOOK.mutual(mention) ? show(event) : show(mention);
    }

    private static String show(String code) {
        return code == null ? "?" : code;
    }

    /** The coarser of two location precisions. */
    public static String coarser(String p, String q) {
        int i = PRECISION_ORDER.indexOf(p == null ? "country" : p), j = PRECISION_ORDER.indexOf(q == null ? "country" : q);
        return PRECISION_ORDER.get(Math.max(i < 0 ? 4 : i, j < 0 ? 4 : j));
    }

    /** Whether precision p is finer than q. */
    public static boolean finer(String p, String q) {
        int i = PRECISION_ORDER.indexOf(p), j = PRECISION_ORDER.indexOf(q);
        return i >= 0 && (j < 0 || i < j);
    }
}
