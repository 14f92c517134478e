package sitrep.geo;

import sitrep.model.Place;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The second half of the geo stage: picks the gazetteer entry each recognised toponym means. Each candidate sense is
 * scored as the sum of named features times their weights ({@link ResolutionFeature}, {@link ResolutionSettings}):
 * feature class, population, the article's country and first-level-division focus, the other places of the text,
 * qualifiers and lists. Needs no NLP: it reads only {@link Toponym} records.
 */
public final class ToponymResolver {
    private static final ResolutionFeature[] FEATURES = ResolutionFeature.values();

    private final ResolutionSettings settings;

    public ToponymResolver(ResolutionSettings settings) {
        this.settings = settings;
    }

    /** The senses chosen for an article's toponyms (in order; null where a toponym has no candidate) and its focus. */
    public record Resolution(List<GazetteerEntry> chosen, String focusCountry) {
        public Resolution {
            chosen = Collections.unmodifiableList(new ArrayList<>(chosen));
        }
    }

    /**
     * Resolves the toponyms of an article. Names embedded in larger names ("the Washington Post") are resolved after
     * the others, in the context those give, and sway none of them: the text is not about Washington because it
     * quotes the Post.
     */
    public Resolution resolve(Recognition recognition) {
        List<Toponym> own = new ArrayList<>(), embedded = new ArrayList<>();
        for (Toponym t : recognition.toponyms()) (t.embedded() ? embedded : own).add(t);
        if (embedded.isEmpty()) return resolveOwn(recognition).resolution();
        OwnResolution context = resolveOwn(new Recognition(own, recognition.demonyms()));
        Map<List<GazetteerEntry>, GazetteerEntry> senseOfName = new IdentityHashMap<>();
        for (int i = 0; i < own.size(); i++) {
            if (context.resolution().chosen().get(i) != null) senseOfName.putIfAbsent(own.get(i).candidates(), context.resolution().chosen().get(i));
        }
        Set<List<GazetteerEntry>> names = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Toponym t : recognition.toponyms()) names.add(t.candidates());
        List<GazetteerEntry> chosen = new ArrayList<>();
        int o = 0;
        for (Toponym t : recognition.toponyms()) {
            if (!t.embedded()) {
                chosen.add(context.resolution().chosen().get(o++));
                continue;
            }
            // The sense the text gives the name elsewhere, else the best in the text's context.
            GazetteerEntry same = senseOfName.get(t.candidates());
            chosen.add(same != null ? same : pick(t, scores(t, context.countryWeight(), context.admin1Weight(),
                    context.resolution().chosen(), names, List.of(), List.of())));
        }
        return new Resolution(chosen, context.resolution().focusCountry());
    }

    /** A resolution with the country and division weights it was made with. */
    private record OwnResolution(Resolution resolution, Map<String, Double> countryWeight, Map<String, Double> admin1Weight) {
    }

    private OwnResolution resolveOwn(Recognition recognition) {
        List<Toponym> toponyms = recognition.toponyms();
        Map<String, Double> countryWeight = countryVotes(recognition);
        Map<String, Double> admin1Weight = admin1Weights(toponyms);
        // Passes: the first resolves with the explicit country signals; the next ones add the countries of the places
        // chosen so far and their positions, so "Palmyra" follows "Deir ez-Zor" to Syria and "Huntsville" follows
        // "Walker County" and "Houston" to Texas. The last pass also gives every mention of one name in the text the
        // same sense unless a cue sets a mention apart ("Paris, Texas" then "Paris" is still Paris, Texas).
        Set<List<GazetteerEntry>> names = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Toponym t : toponyms) names.add(t.candidates());
        List<GazetteerEntry> chosen = new ArrayList<>();
        for (Toponym t : toponyms) chosen.add(pick(t, scores(t, countryWeight, admin1Weight, null, names, List.of(), List.of())));
        Map<String, Double> refined = new HashMap<>(countryWeight);
        Set<List<GazetteerEntry>> counted = Collections.newSetFromMap(new IdentityHashMap<>());
        for (int i = 0; i < toponyms.size(); i++) {
            GazetteerEntry e = chosen.get(i);
            if (e != null && e.country() != null && counted.add(toponyms.get(i).candidates())) refined.merge(e.country(), 0.5, Double::sum);
        }
        List<double[]> scores = new ArrayList<>();
        for (int pass = 0; pass < 2; pass++) {
            scores.clear();
            for (int i = 0; i < toponyms.size(); i++) {
                List<GazetteerEntry> others = new ArrayList<>(chosen);
                others.remove(i);
                scores.add(scores(toponyms.get(i), refined, admin1Weight, others, names, listed(toponyms, chosen, i),
                        enclosing(toponyms, chosen, i)));
            }
            List<GazetteerEntry> next = new ArrayList<>();
            for (int i = 0; i < toponyms.size(); i++) {
                next.add(pick(toponyms.get(i), pass == 0 ? scores.get(i) : sharedScores(toponyms, scores, chosen, i)));
            }
            chosen = next;
        }
        if (settings.sectionsNeedContext()) chosen = withoutStraySections(toponyms, chosen);
        String focus = refined.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(null);
        return new OwnResolution(new Resolution(chosen, focus), refined, admin1Weight);
    }

    /**
     * The article's votes for countries, in text order: each name votes once for the countries it can be in (a
     * local paper's tenth "Paris" says no more about France than its first), each demonym half a vote.
     */
    private static Map<String, Double> countryVotes(Recognition recognition) {
        Map<String, Double> countryWeight = new HashMap<>();
        Set<List<GazetteerEntry>> voted = Collections.newSetFromMap(new IdentityHashMap<>());
        List<Toponym> toponyms = recognition.toponyms();
        List<Demonym> demonyms = recognition.demonyms();
        int d = 0;
        for (int i = 0; i <= toponyms.size(); i++) {
            // A sentence's toponyms vote before its demonyms.
            int sentence = i < toponyms.size() ? toponyms.get(i).sentence() : Integer.MAX_VALUE;
            for (; d < demonyms.size() && demonyms.get(d).sentence() < sentence; d++) {
                countryWeight.merge(demonyms.get(d).country(), 0.5, Double::sum);
            }
            if (i == toponyms.size()) break;
            Toponym t = toponyms.get(i);
            if (!voted.add(t.candidates())) continue;
            // A country's name that is also the very name of a division or town elsewhere ("Georgia", "Jordan",
            // "Palestine") is weaker evidence for the country than "Syria" is: half a vote.
            boolean sharedName = false;
            for (GazetteerEntry c : t.candidates()) sharedName |= !c.isCountry() && c.name().equalsIgnoreCase(t.text());
            for (GazetteerEntry c : t.candidates()) {
                if (c.isCountry()) countryWeight.merge(c.country(), sharedName ? 0.5 : 1.0, Double::sum);
            }
            if (t.candidates().size() == 1 && t.candidates().get(0).country() != null) {
                countryWeight.merge(t.candidates().get(0).country(), 0.5, Double::sum);
            }
            // A soft vote: "Gainesville" is in the United States whichever Gainesville it is.
            Set<String> countries = new HashSet<>();
            for (GazetteerEntry c : t.candidates()) if (c.country() != null) countries.add(c.country());
            for (String c : countries) countryWeight.merge(c, 0.5 / countries.size(), Double::sum);
        }
        return countryWeight;
    }

    /** The extract format's place for a resolved mention. */
    static Place place(String text, int start, int end, GazetteerEntry e) {
        return new Place(text, start, end, e.name(), e.geonameid() > 0 ? e.geonameid() : null, round(e.lat()), round(e.lon()),
                e.country(), e.isCountry() ? null : e.admin1(), e.featureCode(), e.precision());
    }

    private static Double round(double v) {
        return Double.isNaN(v) ? null : Math.round(v * 10000.0) / 10000.0;
    }

    /**
     * The senses chosen for the toponyms of other names in toponym i's sentence and the {@link
     * ResolutionSettings#contextSentences()} before it: the places that can enclose it.
     */
    private List<GazetteerEntry> enclosing(List<Toponym> toponyms, List<GazetteerEntry> chosen, int i) {
        Toponym t = toponyms.get(i);
        List<GazetteerEntry> out = new ArrayList<>();
        for (int j = 0; j < toponyms.size(); j++) {
            Toponym o = toponyms.get(j);
            if (o.sentence() > t.sentence()) break;
            if (o.sentence() < t.sentence() - settings.contextSentences() || o.candidates() == t.candidates() || chosen.get(j) == null) continue;
            out.add(chosen.get(j));
        }
        return out;
    }

    /**
     * The chosen senses with each section of a town (PPLX) of under {@link ResolutionSettings#prominentPopulation()}
     * people dropped where the places of its own and the previous
     * sentences (other names) exist but none holds it or lies near it: "the Old City" after "In Raqqa" is Raqqa's, not
     * the one in Jerusalem the gazetteer knows.
     */
    private List<GazetteerEntry> withoutStraySections(List<Toponym> toponyms, List<GazetteerEntry> chosen) {
        List<GazetteerEntry> out = new ArrayList<>(chosen);
        for (int i = 0; i < toponyms.size(); i++) {
            GazetteerEntry c = chosen.get(i);
            // A section known in its own right ("Hollywood") keeps its sense.
            if (c == null || !c.featureCode().equals("PPLX") || Double.isNaN(c.lat()) || notable(c)) continue;
            List<GazetteerEntry> context = enclosing(toponyms, chosen, i);
            if (context.isEmpty()) continue;
            boolean placed = false;
            for (GazetteerEntry o : context) {
                placed |= (o.isCountry() || o.isAdmin1()) ? holdsOne(o, List.of(c))
                        : !Double.isNaN(o.lat()) && c.distanceKm(o.lat(), o.lon()) < settings.nearKm();
            }
            if (!placed) out.set(i, null);
        }
        return out;
    }

    /** The senses chosen for the other items of the list toponym i is in, or an empty list. */
    private static List<GazetteerEntry> listed(List<Toponym> toponyms, List<GazetteerEntry> chosen, int i) {
        List<GazetteerEntry> out = new ArrayList<>();
        for (int j = i - 1; j >= 0 && toponyms.get(j).listedWithNext(); j--) if (chosen.get(j) != null) out.add(chosen.get(j));
        for (int j = i; toponyms.get(j).listedWithNext() && j + 1 < chosen.size(); j++) if (chosen.get(j + 1) != null) out.add(chosen.get(j + 1));
        return out;
    }

    /**
     * Which first-level divisions the text is about, from divisions named outright ("Texas"), from names found in
     * at most two divisions (a county, most towns), and from qualifiers: "Laurel County" and "London, Ky." make the
     * text a Kentucky one. Each name counts once, however often it is repeated.
     */
    private static Map<String, Double> admin1Weights(List<Toponym> toponyms) {
        Map<String, Double> weight = new HashMap<>();
        Set<List<GazetteerEntry>> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Toponym t : toponyms) {
            if (!seen.add(t.candidates()) && !t.qualified()) continue;
            Set<String> divisions = new HashSet<>();
            for (GazetteerEntry c : t.candidates()) {
                if (c.isAdmin1()) weight.merge(admin1Key(c), 1.0, Double::sum);
                else if (!c.isCountry() && c.admin1() != null && c.country() != null) divisions.add(admin1Key(c));
            }
            // A name found in many divisions ("Springfield") says nothing about which one the text is about.
            if (!divisions.isEmpty() && divisions.size() <= 2) for (String d : divisions) weight.merge(d, 1.0 / divisions.size(), Double::sum);
            if (t.qualifierAdmin1() != null) {
                for (GazetteerEntry c : t.candidates()) {
                    if (t.qualifierAdmin1().equalsIgnoreCase(c.admin1())) weight.merge(admin1Key(c), 1.0, Double::sum);
                }
            }
        }
        return weight;
    }

    private static String admin1Key(GazetteerEntry e) {
        return e.country() + "\t" + e.admin1().toLowerCase(Locale.ROOT);
    }

    /** Whether a populated candidate lies in division {@code division} (Raqqa the city in Raqqa the province). */
    private boolean hasSeatNamesake(Toponym t, GazetteerEntry division) {
        for (GazetteerEntry c : t.candidates()) {
            if (c.isPopulatedPlace() && division.country() != null && division.country().equals(c.country())
                    && (division.name().equalsIgnoreCase(c.admin1()) || c.distanceKm(division.lat(), division.lon()) < settings.seatKm())) return true;
        }
        return false;
    }

    /**
     * Whether the text is the town's own name respelt ("Geneva" for Genève) and every division of that name is the
     * town's own, around it (the canton of Geneva): then the name is the town's, not an alternate one borrowed from
     * its division, and the division does not stand in the way of the town's prominence.
     */
    private boolean ownDivisionName(Toponym t, GazetteerEntry town) {
        if (!town.isPopulatedPlace() || Double.isNaN(town.lat()) || !respelling(t.text(), town.name())) return false;
        boolean division = false;
        for (GazetteerEntry d : t.candidates()) {
            if (!(d.isCountry() || d.isAdmin1()) || !d.name().equalsIgnoreCase(t.text())) continue;
            if (d.country() == null || !d.country().equals(town.country()) || Double.isNaN(d.lat())
                    || town.distanceKm(d.lat(), d.lon()) >= settings.seatKm()) return false;
            division = true;
        }
        return division;
    }

    /** The candidate with the highest score, or null when there is none. */
    private static GazetteerEntry pick(Toponym t, double[] scores) {
        int best = -1;
        for (int k = 0; k < scores.length; k++) if (best < 0 || scores[k] > scores[best]) best = k;
        return best < 0 ? null : t.candidates().get(best);
    }

    /**
     * Toponym i's scores summed with those of the other mentions of the same name (the same candidate list) that
     * no cue sets apart; a mention with a cue ("province", "city of") keeps its own. A mention that a qualifier
     * resolves ("Paris, Texas") decides for the unqualified ones.
     */
    private double[] sharedScores(List<Toponym> toponyms, List<double[]> scores, List<GazetteerEntry> chosen, int i) {
        Toponym t = toponyms.get(i);
        if (t.adminCue() || t.cityCue() || t.qualified()) return scores.get(i);
        double[] sum = scores.get(i).clone();
        for (int j = 0; j < toponyms.size(); j++) {
            Toponym o = toponyms.get(j);
            if (j == i || o.candidates() != t.candidates()) continue;
            // "the province of Ontario" decides for "Ontario" where no town of the name lies in the province; "Raqqa
            // province" does not make "in Raqqa" the province.
            GazetteerEntry division = chosen.get(j);
            if (o.adminCue() && division != null && division.isAdmin1() && !hasSeatNamesake(o, division)) return scores.get(j);
            if (o.adminCue() || o.cityCue()) continue;
            if (o.qualified()) return scores.get(j);
            for (int k = 0; k < sum.length; k++) sum[k] += scores.get(j)[k];
        }
        return sum;
    }

    /** Whether country or first-level division {@code division} holds one of {@code places}. */
    private static boolean holdsOne(GazetteerEntry division, List<GazetteerEntry> places) {
        for (GazetteerEntry p : places) {
            if (p != division && division.country() != null && division.country().equals(p.country())
                    && (division.isCountry() || division.name().equalsIgnoreCase(p.admin1()))) return true;
        }
        return false;
    }

    /** What a candidate is scored against: the article's votes and the senses chosen for its other toponyms. */
    private record Context(Map<String, Double> countryWeight, double countryTotal, Map<String, Double> admin1Weight,
                           double admin1Total, List<GazetteerEntry> others, Set<List<GazetteerEntry>> otherNames,
                           List<GazetteerEntry> listedWith, Set<String> countriesNamed, boolean divisionNamed,
                           boolean firstPass, List<GazetteerEntry> enclosing) {
    }

    /**
     * One score per candidate of {@code t}: the weighted sum of its feature values. {@code others} is null in the
     * first pass, before any other toponym has a sense.
     */
    private double[] scores(Toponym t, Map<String, Double> countryWeight, Map<String, Double> admin1Weight,
                            List<GazetteerEntry> others, Set<List<GazetteerEntry>> otherNames, List<GazetteerEntry> listedWith,
                            List<GazetteerEntry> enclosing) {
        boolean firstPass = others == null;
        if (firstPass) others = List.of();
        Set<String> countriesNamed = new HashSet<>();
        boolean divisionNamed = false;
        for (GazetteerEntry c : t.candidates()) {
            if (c.isCountry()) countriesNamed.add(c.country());
            divisionNamed |= (c.isCountry() || c.isAdmin1()) && c.name().equalsIgnoreCase(t.text());
        }
        double total = 0, admin1Total = 0;
        for (double w : countryWeight.values()) total += w;
        for (double w : admin1Weight.values()) admin1Total += w;
        Context context = new Context(countryWeight, total, admin1Weight, admin1Total, others, otherNames, listedWith,
                countriesNamed, divisionNamed, firstPass, enclosing);
        double[] weights = new double[FEATURES.length];
        for (ResolutionFeature f : FEATURES) weights[f.ordinal()] = settings.weight(f);
        double[] out = new double[t.candidates().size()];
        double[] values = new double[FEATURES.length];
        for (int k = 0; k < out.length; k++) {
            features(t, t.candidates().get(k), context, values);
            double score = 0;
            for (int f = 0; f < values.length; f++) if (values[f] != 0 && weights[f] != 0) score += weights[f] * values[f];
            out[k] = score;
        }
        return out;
    }

    /** The feature values of one candidate, {@link ResolutionFeature} by ordinal, into {@code v}. */
    void features(Toponym t, GazetteerEntry c, Context x, double[] v) {
        java.util.Arrays.fill(v, 0);
        double population = Math.log10(c.population() + 10) / 2.0;
        // A division's population is spread over its area: "in Raqqa" means the city unless the text says
        // "province", so a division counts its people at a discount when a city of its name lies in it.
        if (c.isAdmin1() && hasSeatNamesake(t, c)) population *= 0.6;
        v[ResolutionFeature.POPULATION.ordinal()] = population;
        String fc = c.featureCode();
        // A name that names a country means the country unless the text's context says otherwise
        // ("Mexico" is not Mexico City; "Lebanon" in an Indiana paper may be Lebanon, Indiana). So does an ocean's
        // ("the Pacific" is not Pacific, Missouri).
        if (c.isCountry() || fc.equals("OCN")) v[ResolutionFeature.COUNTRY_NAME.ordinal()] = 1;
        else if (fc.equals("PPLC")) v[ResolutionFeature.CAPITAL.ordinal()] = 1;
        else if (fc.equals("PPLA")) v[ResolutionFeature.DIVISION_SEAT.ordinal()] = 1;
        else if (c.isAdmin1()) v[(t.adminCue() ? ResolutionFeature.DIVISION_CUE : ResolutionFeature.DIVISION).ordinal()] = 1;
        else if (fc.equals("PPLA2")) v[ResolutionFeature.COUNTY_SEAT.ordinal()] = 1;
        else if (!c.isPopulatedPlace()) v[ResolutionFeature.NAMED_FEATURE.ordinal()] = 1;
        if (t.cityCue() && c.isPopulatedPlace()) v[ResolutionFeature.CITY_CUE.ordinal()] = 1;
        // A country's or division's name means it, not a city of it that also goes by that name ("Mexico" is not
        // Mexico City) nor a town that has the name only as an alternate one ("Illinois"), unless the text says
        // "city of". A city of millions is the exception against a division when the text is about other countries:
        // "talks in New York" in a report on Syria are in the city; a New York paper's "New York" is the state.
        else if (c.isPopulatedPlace() && !c.name().equalsIgnoreCase(t.text()) && !ownDivisionName(t, c)
                && (x.countriesNamed().contains(c.country()) || x.divisionNamed() && (c.population() < settings.metropolis()
                || x.countryTotal() > 0 && x.countryWeight().getOrDefault(c.country(), 0.0) / x.countryTotal() >= settings.foreignShare()))) {
            v[ResolutionFeature.ALTERNATE_NAME.ordinal()] = 1;
        }
        // Right after "Place," a division or country that can hold the place qualifies it ("Buffalo, New York",
        // "Atlanta, Georgia").
        if (t.qualifies() != null && (c.isAdmin1() || c.isCountry()) && holdsOne(c, t.qualifies())) v[ResolutionFeature.HOLDS_QUALIFIED.ordinal()] = 1;
        // The items of a list are of one kind: states with states, countries with countries.
        double kin = 0, unlike = 0;
        for (GazetteerEntry o : x.listedWith()) {
            if (o.isCountry() && c.isCountry()) kin += 1;
            else if (o.isAdmin1() && c.isAdmin1()) kin += o.country() != null && o.country().equals(c.country()) ? 1.5 : 0.5;
            else if ((o.isCountry() || o.isAdmin1()) && c.isPopulatedPlace()) unlike += 0.5;
        }
        v[ResolutionFeature.LIST_KIN.ordinal()] = Math.min(kin, 3.0);
        v[ResolutionFeature.LIST_UNLIKE.ordinal()] = Math.min(unlike, 1.5);
        if (t.adminCue() && c.isPopulatedPlace()) v[ResolutionFeature.TOWN_UNDER_DIVISION_CUE.ordinal()] = 1;
        if (c.name().equalsIgnoreCase(t.text())) v[ResolutionFeature.EXACT_NAME.ordinal()] = 1;
        if (c.country() != null && x.countryTotal() > 0) {
            v[ResolutionFeature.COUNTRY_FOCUS.ordinal()] = x.countryWeight().getOrDefault(c.country(), 0.0) / x.countryTotal();
        }
        // The division focus helps choose places inside a division; a division does not vote for itself.
        if (!c.isCountry() && !c.isAdmin1() && c.admin1() != null && c.country() != null && x.admin1Total() > 0) {
            v[ResolutionFeature.ADMIN1_FOCUS.ordinal()] = x.admin1Weight().getOrDefault(admin1Key(c), 0.0) / x.admin1Total();
        }
        if (t.qualifierCountry() != null) {
            v[(t.qualifierCountry().equals(c.country()) ? ResolutionFeature.QUALIFIER_COUNTRY : ResolutionFeature.QUALIFIER_COUNTRY_MISMATCH).ordinal()] = 1;
        }
        if (t.qualifierAdmin1() != null) {
            v[(t.qualifierAdmin1().equalsIgnoreCase(c.admin1()) ? ResolutionFeature.QUALIFIER_ADMIN1 : ResolutionFeature.QUALIFIER_ADMIN1_MISMATCH).ordinal()] = 1;
        }
        // Other places of the text near this candidate, or, for a country, inside it ("Mexico" with "Jalisco"
        // is the country, not Mexico City).
        int near = 0;
        for (GazetteerEntry o : x.others()) {
            if (o == null || o == c || o.isCountry() || Double.isNaN(o.lat())) continue;
            if (c.isCountry() ? c.country().equals(o.country())
                    : c.isAdmin1() && holdsOne(c, List.of(o)) || !Double.isNaN(c.lat()) && c.distanceKm(o.lat(), o.lon()) < settings.nearKm()) near++;
        }
        v[ResolutionFeature.NEAR_PLACES.ordinal()] = Math.min(near, 3);
        // A division that holds another place of the text, and whose name no town in it shares, is what its
        // name means there: "north Georgia" beside "Atlanta" is the state, not the country.
        if (c.isAdmin1() && !hasSeatNamesake(t, c) && holdsOne(c, x.others())) v[ResolutionFeature.HOLDS_PLACES.ordinal()] = 1;
        // Support from the other names' possible senses, whatever was chosen for them: a Nebraska paper's
        // "Norfolk", "Meadow Grove" and "Platte County" can each be Nebraska's, which makes all three so.
        if (!c.isCountry() && !Double.isNaN(c.lat())) {
            double support = 0;
            for (List<GazetteerEntry> o : x.otherNames()) {
                if (o == t.candidates()) continue;
                int close = 0;
                for (GazetteerEntry e : o) if (e != c && !e.isCountry() && !Double.isNaN(e.lat()) && c.distanceKm(e.lat(), e.lon()) < settings.supportKm()) close++;
                if (close > 0) support += 1.0 / o.size();
            }
            v[ResolutionFeature.NAME_SUPPORT.ordinal()] = Math.min(support, 2.0);
        }
        int enclosed = 0;
        for (GazetteerEntry o : x.enclosing()) {
            if (o == c || Double.isNaN(o.lat()) || Double.isNaN(c.lat())) continue;
            boolean holds = (o.isCountry() || o.isAdmin1()) && holdsOne(o, List.of(c));
            if (holds || !o.isCountry() && !o.isAdmin1() && c.distanceKm(o.lat(), o.lon()) < settings.nearKm()) enclosed++;
        }
        v[ResolutionFeature.CONTEXT_PLACES.ordinal()] = Math.min(enclosed, 2);
        // Not in the first pass, which knows nothing yet of the text's other places that might support a namesake.
        if (!x.firstPass() && (!x.divisionNamed() || ownDivisionName(t, c)) && prominent(t, c, x.others())) {
            v[ResolutionFeature.PROMINENCE.ordinal()] = 1;
        }
    }

    /** A capital or a town of at least {@link ResolutionSettings#prominentPopulation()}. */
    private boolean notable(GazetteerEntry c) {
        return c.featureCode().equals("PPLC") || c.population() >= settings.prominentPopulation();
    }

    /** Whether two names differ by at most two letters once accents and case are set aside. */
    static boolean respelling(String a, String b) {
        String x = fold(a), y = fold(b);
        if (Math.abs(x.length() - y.length()) > 2) return false;
        int[] previous = new int[y.length() + 1], current = new int[y.length() + 1];
        for (int j = 0; j <= y.length(); j++) previous[j] = j;
        for (int i = 1; i <= x.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= y.length(); j++) {
                int substitution = previous[j - 1] + (x.charAt(i - 1) == y.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[y.length()] <= 2;
    }

    private static String fold(String s) {
        return java.text.Normalizer.normalize(s, java.text.Normalizer.Form.NFD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT);
    }

    /** Feature prominence: a world city or capital against far smaller namesakes the text gives no support. */
    private boolean prominent(Toponym t, GazetteerEntry c, List<GazetteerEntry> others) {
        if (t.qualified() || t.adminCue() || !c.isPopulatedPlace() || Double.isNaN(c.lat()) || !notable(c)) return false;
        // The text must be the city's own name or a respelling of it ("Geneva" for Genève, "Kiev" for Kyiv), not an
        // old or other name ("Twickenham" is among Huntsville, Alabama's alternate names); and where a notable town has
        // the very name, only such a town can be the prominent one ("Puno" the Peruvian city is not Pune).
        if (!respelling(t.text(), c.name())) return false;
        if (!c.name().equalsIgnoreCase(t.text())) {
            for (GazetteerEntry n : t.candidates()) if (n.isPopulatedPlace() && notable(n) && n.name().equalsIgnoreCase(t.text())) return false;
        }
        boolean namesake = false;
        for (GazetteerEntry n : t.candidates()) {
            if (n == c || !n.isPopulatedPlace() || Double.isNaN(n.lat()) || c.distanceKm(n.lat(), n.lon()) < settings.nearKm()) continue;
            if (n.population() * settings.prominenceRatio() > c.population()) return false;
            // Support for the namesake: another chosen place in its division, or two near it. One small town a few
            // hundred km away (a "Stanford" read as Kentucky's) does not make the text about that Geneva.
            int near = 0;
            for (GazetteerEntry o : others) {
                if (o == null || o == n || o.isCountry() || Double.isNaN(o.lat())) continue;
                if (n.admin1() != null && n.admin1().equals(o.admin1()) && n.country() != null && n.country().equals(o.country())) return false;
                if (n.distanceKm(o.lat(), o.lon()) < settings.nearKm() && ++near >= 2) return false;
            }
            namesake = true;
        }
        return namesake;
    }
}
