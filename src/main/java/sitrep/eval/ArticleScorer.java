package sitrep.eval;

import sitrep.model.Event;
import sitrep.model.Place;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Scores a system's events against full-article gold exactly as {@code ../shared/eval/articles/GUIDE.md} defines it.
 * A system event matches a gold event when its evidence sentence overlaps the gold sentence (or one of its
 * {@code also} sentences) and its CAMEO root or PLOVER type is the gold's or one of its alternatives; a bare CAMEO
 * 010 matches only a gold event that accepts root 01. Pairs are taken best first (most fields right), one to one.
 * A full match also needs source, target, place, date and modality right.
 */
public final class ArticleScorer {
    /** Kilometres within which a system place counts as the gold place. */
    public static final double PLACE_KM = 161;

    /** How one field of a matched pair fared: right, wrong, or not scored (gold gives nothing to check). */
    public enum Verdict { RIGHT, WRONG, FREE }

    /** A matched pair and the verdict on each field. */
    public record Pair(ArticleGold.Event gold, Event system, Verdict source, Verdict target, Verdict place,
                       Verdict date, Verdict modality, Verdict killed) {
        public boolean full() {
            return source != Verdict.WRONG && target != Verdict.WRONG && place != Verdict.WRONG && date != Verdict.WRONG
                    && modality != Verdict.WRONG;
        }

        int rightFields() {
            int n = 0;
            for (Verdict v : List.of(source, target, place, date, modality)) if (v != Verdict.WRONG) n++;
            return n;
        }
    }

    /** The outcome for one article: its matched pairs, the gold events missed and the system events unmatched. */
    public record ArticleOutcome(String article, List<Pair> pairs, List<ArticleGold.Event> missed, List<Event> spurious,
                                 List<sitrep.coding.EventCoder.Dropped> dropped) {
    }

    private final List<ArticleOutcome> outcomes = new ArrayList<>();

    /** Scores one article's system events against its gold events. */
    public ArticleOutcome add(String article, List<ArticleGold.Event> gold, List<Event> system) {
        return add(article, gold, system, List.of());
    }

    /** As {@link #add(String, List, List)}, keeping what the coder's rules dropped, to show beside the missed events. */
    public ArticleOutcome add(String article, List<ArticleGold.Event> gold, List<Event> system, List<sitrep.coding.EventCoder.Dropped> dropped) {
        List<Pair> candidates = new ArrayList<>();
        for (ArticleGold.Event g : gold) for (Event e : system) if (matches(g, e)) candidates.add(pair(g, e));
        candidates.sort(Comparator.comparingInt(Pair::rightFields).reversed()
                .thenComparing(p -> !p.gold().cameoRoot().equals(p.system().cameo().root())));
        List<Pair> taken = new ArrayList<>();
        List<ArticleGold.Event> goldUsed = new ArrayList<>();
        List<Event> systemUsed = new ArrayList<>();
        for (Pair p : candidates) {
            if (goldUsed.contains(p.gold()) || systemUsed.stream().anyMatch(e -> e == p.system())) continue;
            taken.add(p);
            goldUsed.add(p.gold());
            systemUsed.add(p.system());
        }
        List<ArticleGold.Event> missed = new ArrayList<>();
        for (ArticleGold.Event g : gold) if (!goldUsed.contains(g)) missed.add(g);
        List<Event> spurious = new ArrayList<>();
        for (Event e : system) if (systemUsed.stream().noneMatch(u -> u == e)) spurious.add(e);
        taken.sort(Comparator.comparingInt(p -> p.gold().gid()));
        ArticleOutcome o = new ArticleOutcome(article, taken, missed, spurious, dropped);
        outcomes.add(o);
        return o;
    }

    public List<ArticleOutcome> outcomes() {
        return outcomes;
    }

    /** Sentence overlap and an accepted type (GUIDE.md). */
    public static boolean matches(ArticleGold.Event g, Event e) {
        if (e.evidence() == null || e.cameo() == null) return false;
        boolean overlap = false;
        for (ArticleGold.Span s : g.spans()) overlap |= s.overlaps(e.evidence().start(), e.evidence().end());
        if (!overlap) return false;
        if ("010".equals(e.cameo().code())) return g.accepts("01");
        return g.accepts(e.cameo().root()) || e.plover() != null && g.accepts(e.plover().type());
    }

    static Pair pair(ArticleGold.Event g, Event e) {
        return new Pair(g, e, role(g.who(), e.source()), role(g.whom(), e.target()), place(g.where(), e.location()),
                date(g.when(), e.date(), e.datePrecision()),
                g.asserted() == "asserted".equals(e.modality()) ? Verdict.RIGHT : Verdict.WRONG, killed(g, e));
    }

    /** A null gold role accepts anything; otherwise the system code's first three letters must be those of an accepted code. */
    static Verdict role(ArticleGold.Role gold, sitrep.model.Actor system) {
        if (gold == null) return Verdict.FREE;
        if (system == null || system.code() == null || system.code().length() < 3) return Verdict.WRONG;
        String prefix = system.code().substring(0, 3);
        for (String c : gold.codes()) if (c.length() >= 3 && c.substring(0, 3).equals(prefix)) return Verdict.RIGHT;
        return Verdict.WRONG;
    }

    /** Within 161 km of a town-level gold place (a country centroid does not count), or the same country for a country-level one. */
    static Verdict place(ArticleGold.Where gold, Place system) {
        if (gold == null) return Verdict.FREE;
        if (system == null || !system.resolved()) return Verdict.WRONG;
        if (gold.countryLevel()) return gold.iso3() != null && gold.iso3().equals(system.country()) ? Verdict.RIGHT : Verdict.WRONG;
        if ("country".equals(system.precision())) return Verdict.WRONG;
        return km(gold.lat(), gold.lon(), system.lat(), system.lon()) <= PLACE_KM ? Verdict.RIGHT : Verdict.WRONG;
    }

    /** Within a day of a day-precise gold date, in the gold month for a month, in the gold year for a year. */
    static Verdict date(String gold, String system, String precision) {
        if (gold == null) return Verdict.FREE;
        if (system == null) return Verdict.WRONG;
        if (gold.length() == 10) {
            if (system.length() != 10) return Verdict.WRONG;
            try {
                long days = Math.abs(ChronoUnit.DAYS.between(LocalDate.parse(gold), LocalDate.parse(system)));
                return days <= 1 ? Verdict.RIGHT : Verdict.WRONG;
            } catch (DateTimeParseException e) {
                return Verdict.WRONG;
            }
        }
        return system.startsWith(gold) ? Verdict.RIGHT : Verdict.WRONG;
    }

    static Verdict killed(ArticleGold.Event g, Event e) {
        if (g.killed() == null) return Verdict.FREE;
        Integer k = e.quantities() == null ? null : e.quantities().get("killed");
        return k != null && (k.equals(g.killed()) || g.killedAlt().contains(k)) ? Verdict.RIGHT : Verdict.WRONG;
    }

    static double km(double lat1, double lon1, double lat2, double lon2) {
        double p1 = Math.toRadians(lat1), p2 = Math.toRadians(lat2);
        double dp = p2 - p1, dl = Math.toRadians(lon2 - lon1);
        double a = Math.sin(dp / 2) * Math.sin(dp / 2) + Math.cos(p1) * Math.cos(p2) * Math.sin(dl / 2) * Math.sin(dl / 2);
        return 6371.0 * 2 * Math.atan2(Math.sqrt(a), Math.sqrt(1 - a));
    }

    /** Headline figures over a set of outcomes. */
    public record Figures(int gold, int system, int matched, int full, int killedGold, int killedRight,
                          Map<String, int[]> fields) {
        public double precision() {
            return system == 0 ? 0 : (double) matched / system;
        }

        public double recall() {
            return gold == 0 ? 0 : (double) matched / gold;
        }

        public double f1() {
            return f1(precision(), recall());
        }

        public double fullPrecision() {
            return system == 0 ? 0 : (double) full / system;
        }

        public double fullRecall() {
            return gold == 0 ? 0 : (double) full / gold;
        }

        public double fullF1() {
            return f1(fullPrecision(), fullRecall());
        }

        public double killedShare() {
            return killedGold == 0 ? 0 : (double) killedRight / killedGold;
        }

        static double f1(double p, double r) {
            return p + r == 0 ? 0 : 2 * p * r / (p + r);
        }
    }

    public Figures figures() {
        return figures(outcomes);
    }

    public static Figures figures(List<ArticleOutcome> outcomes) {
        int gold = 0, system = 0, matched = 0, full = 0, kGold = 0, kRight = 0;
        Map<String, int[]> fields = new LinkedHashMap<>();
        for (String f : List.of("source", "target", "place", "date", "modality")) fields.put(f, new int[2]);
        for (ArticleOutcome o : outcomes) {
            gold += o.pairs().size() + o.missed().size();
            system += o.pairs().size() + o.spurious().size();
            matched += o.pairs().size();
            for (Pair p : o.pairs()) {
                if (p.full()) full++;
                if (p.killed() != Verdict.FREE) {
                    kGold++;
                    if (p.killed() == Verdict.RIGHT) kRight++;
                }
                count(fields.get("source"), p.source());
                count(fields.get("target"), p.target());
                count(fields.get("place"), p.place());
                count(fields.get("date"), p.date());
                count(fields.get("modality"), p.modality());
            }
        }
        return new Figures(gold, system, matched, full, kGold, kRight, fields);
    }

    private static void count(int[] cell, Verdict v) {
        if (v == Verdict.FREE) return;
        cell[1]++;
        if (v == Verdict.RIGHT) cell[0]++;
    }

    /** The report: headline figures, field accuracies on matched events, and a per-PLOVER-type table. */
    public String report() {
        Figures f = figures();
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "articles: %d; gold events: %d; system events: %d; matched: %d%n",
                outcomes.size(), f.gold(), f.system(), f.matched()));
        out.append(String.format(Locale.ROOT, "precision %.3f  recall %.3f  F1 %.3f   (sentence + CAMEO root or PLOVER type)%n",
                f.precision(), f.recall(), f.f1()));
        out.append(String.format(Locale.ROOT, "full match: %d; precision %.3f  recall %.3f  F1 %.3f   (also source, target, place, date, modality)%n",
                f.full(), f.fullPrecision(), f.fullRecall(), f.fullF1()));
        out.append("on matched events, where the gold gives the field:\n");
        for (var e : f.fields().entrySet()) {
            int[] c = e.getValue();
            out.append(String.format(Locale.ROOT, "  %-9s %3d/%-3d = %.3f%n", e.getKey(), c[0], c[1], c[1] == 0 ? 0.0 : (double) c[0] / c[1]));
        }
        out.append(String.format(Locale.ROOT, "  killed    %3d/%-3d = %.3f   (matched gold events with a count)%n",
                f.killedRight(), f.killedGold(), f.killedShare()));
        out.append("\nper PLOVER type (gold type for recall, system type for precision):\n");
        out.append(String.format(Locale.ROOT, "  %-10s %5s %5s %7s %6s %6s %6s%n", "type", "gold", "sys", "matched", "P", "R", "F1"));
        Map<String, int[]> byType = new TreeMap<>();
        for (ArticleOutcome o : outcomes) {
            for (Pair p : o.pairs()) {
                byType.computeIfAbsent(p.gold().plover(), k -> new int[4])[0]++;
                byType.computeIfAbsent(p.gold().plover(), k -> new int[4])[2]++;
                byType.computeIfAbsent(typeOf(p.system()), k -> new int[4])[1]++;
                byType.computeIfAbsent(typeOf(p.system()), k -> new int[4])[3]++;
            }
            for (ArticleGold.Event g : o.missed()) byType.computeIfAbsent(g.plover(), k -> new int[4])[0]++;
            for (Event e : o.spurious()) byType.computeIfAbsent(typeOf(e), k -> new int[4])[1]++;
        }
        for (var e : byType.entrySet()) {
            int[] c = e.getValue(); // gold, system, gold matched, system matched
            double p = c[1] == 0 ? 0 : (double) c[3] / c[1], r = c[0] == 0 ? 0 : (double) c[2] / c[0];
            out.append(String.format(Locale.ROOT, "  %-10s %5d %5d %7d %6.2f %6.2f %6.2f%n", e.getKey(), c[0], c[1], c[2], p, r, Figures.f1(p, r)));
        }
        return out.toString();
    }

    private static String typeOf(Event e) {
        if (e.cameo() != null && "010".equals(e.cameo().code())) return "(010)";
        return e.plover() == null || e.plover().type() == null ? "(none)" : e.plover().type();
    }

    /** Every missed gold event, unmatched system event and partial match, article by article, for reading. */
    public String errors() {
        return errors(false);
    }

    /** As {@link #errors()}; with {@code allDropped}, also every candidate the coder's rules dropped, with the rule. */
    public String errors(boolean allDropped) {
        StringBuilder out = new StringBuilder();
        for (ArticleOutcome o : outcomes) {
            if (o.missed().isEmpty() && o.spurious().isEmpty() && o.pairs().stream().allMatch(Pair::full)
                    && (!allDropped || o.dropped().isEmpty())) continue;
            out.append("== article ").append(o.article()).append('\n');
            if (allDropped) {
                for (var d : o.dropped()) out.append("  DROPPED ").append(d.code()).append(" '").append(d.trigger()).append("' ").append(d.reason()).append('\n');
            }
            for (ArticleGold.Event g : o.missed()) {
                out.append("  MISSED gold ").append(g.gid()).append(": ").append(gold(g)).append('\n');
                out.append("      | ").append(g.sentence()).append('\n');
                for (var d : o.dropped()) {
                    boolean here = false;
                    for (ArticleGold.Span sp : g.spans()) here |= sp.overlaps(d.sentenceStart(), d.sentenceEnd());
                    if (here) out.append("      dropped: ").append(d.code()).append(" '").append(d.trigger()).append("' ").append(d.reason()).append('\n');
                }
            }
            for (Event e : o.spurious()) {
                out.append("  SPURIOUS ").append(system(e)).append('\n');
                out.append("      | ").append(e.evidence().sentence()).append('\n');
            }
            for (Pair p : o.pairs()) {
                if (p.full()) continue;
                List<String> wrong = new ArrayList<>();
                if (p.source() == Verdict.WRONG) wrong.add("source");
                if (p.target() == Verdict.WRONG) wrong.add("target");
                if (p.place() == Verdict.WRONG) wrong.add("place");
                if (p.date() == Verdict.WRONG) wrong.add("date");
                if (p.modality() == Verdict.WRONG) wrong.add("modality");
                out.append("  PARTIAL gold ").append(p.gold().gid()).append(" wrong ").append(wrong).append('\n');
                out.append("      gold:   ").append(gold(p.gold())).append('\n');
                out.append("      system: ").append(system(p.system())).append('\n');
                out.append("      | ").append(p.gold().sentence()).append('\n');
            }
        }
        return out.toString();
    }

    private static String gold(ArticleGold.Event g) {
        return String.format(Locale.ROOT, "%s %s%s | %s -> %s | %s | %s | killed %s | %s",
                g.cameoRoot(), g.plover(), g.alt().isEmpty() ? "" : " alt " + g.alt(),
                g.who() == null ? "-" : g.who().codes(), g.whom() == null ? "-" : g.whom().codes(),
                g.where() == null ? "-" : g.where().name() + (g.where().countryLevel() ? " (country)" : ""),
                g.when() == null ? "-" : g.when(), g.killed() == null ? "-" : g.killed(), g.asserted() ? "asserted" : "not asserted");
    }

    private static String system(Event e) {
        return String.format(Locale.ROOT, "%s %s '%s' | %s -> %s | %s | %s (%s) | %s | killed %s | conf %.2f",
                e.cameo().code(), e.plover() == null ? null : e.plover().type(), e.evidence().trigger().text(),
                e.source() == null ? "-" : e.source().code() + " '" + e.source().text() + "'",
                e.target() == null ? "-" : e.target().code() + " '" + e.target().text() + "'",
                e.location() == null ? "-" : e.location().name() + " " + e.location().country(),
                e.date(), e.dateSource(), e.modality(), e.quantities().get("killed"), e.confidence());
    }
}
