package sitrep.geo;

import sitrep.nlp.AnnotatedText;
import sitrep.nlp.Dependency;
import sitrep.nlp.PhraseIndex;
import sitrep.nlp.Sentence;
import sitrep.nlp.Token;
import sitrep.model.Place;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The geo stage: finds toponyms (extract) and picks the gazetteer entry each one means (resolve).
 *
 * <p>Recognition does not rely on CoreNLP's NER alone, which misses transliterated names such as
 * "Deir ez-Zor": any capitalised proper-noun span the gazetteer knows is a candidate, and NER and
 * the words around it decide whether it is a place (rejecting "Washington Post", or ships named after
 * towns). Resolution scores each candidate by feature class, population, the article's country focus,
 * its distance to the other places of the text and an explicit "Town, Region" qualifier.
 */
public final class Geoparser {
    /** Head nouns whose proper-noun dependents name things other than places ("the submarine Kolpino"). */
    private static final Set<String> NOT_PLACE_HEADS = Set.of("submarine", "ship", "frigate", "vessel", "warship",
            "destroyer", "cruiser", "corvette", "carrier", "tanker", "boat", "newspaper", "agency", "hotel", "club",
            "team", "university", "company", "airline", "operation", "hurricane", "storm", "typhoon", "cyclone",
            "brigade", "battalion", "regiment", "mr.", "mrs.", "ms.", "dr.", "street", "avenue", "road", "mosque",
            "church", "school", "hospital", "stadium", "square", "restaurant", "bank", "fc", "virus", "ebolavirus", "fever", "flu",
            "disease", "strain");
    private static final Set<String> PLACE_CUES = Set.of("city", "town", "village", "province", "governorate",
            "region", "district", "area", "state", "county", "capital", "outskirts", "suburb", "neighbourhood",
            "neighborhood", "oblast", "near", "in", "at", "from", "to", "outside", "around", "east", "west", "north",
            "south", "into", "towards", "toward", "across", "through");
    private static final Set<String> COUNTY_WORDS = Set.of("county", "parish", "borough");
    private static final Set<String> ADMIN_WORDS = Set.of("province", "governorate", "region", "state", "oblast",
            "county", "district");

    private final Gazetteer gazetteer;

    public Geoparser(Gazetteer gazetteer) {
        this.gazetteer = gazetteer;
    }

    /** A toponym before resolution. */
    private record Toponym(int sentence, int first, int last, int start, int end, String text,
                           List<GazetteerEntry> candidates, boolean adminCue, boolean cityCue, String qualifierCountry,
                           String qualifierAdmin1, List<GazetteerEntry> qualifies) {
    }

    public GeoResult geoparse(AnnotatedText doc) {
        String text = doc.text();
        List<Toponym> toponyms = new ArrayList<>();
        List<PlaceMention> demonymMentions = new ArrayList<>();
        Map<String, Double> countryWeight = new HashMap<>();
        Set<List<GazetteerEntry>> voted = Collections.newSetFromMap(new IdentityHashMap<>());
        // Indices i of toponyms listed together with toponym i + 1 ("Ontario, Quebec and Manitoba").
        Set<Integer> coordinatedWithNext = new HashSet<>();
        for (Sentence s : doc.sentences()) {
            List<PhraseIndex.Match<GazetteerEntry>> matches = withQualifierAbbreviations(s,
                    gazetteer.names().find(s, text, i -> startable(s, i)));
            List<Toponym> inSentence = new ArrayList<>();
            for (int k = 0; k < matches.size(); k++) {
                PhraseIndex.Match<GazetteerEntry> m = matches.get(k);
                if (!isPlace(s, m, matches)) continue;
                Toponym t = toponym(s, m, k > 0 ? matches.get(k - 1) : null, k + 1 < matches.size() ? matches.get(k + 1) : null);
                if (!inSentence.isEmpty() && coordinated(s, inSentence.get(inSentence.size() - 1), t)) {
                    coordinatedWithNext.add(toponyms.size() + inSentence.size() - 1);
                }
                inSentence.add(t);
                // Each name votes once: a local paper's tenth "Paris" says no more about France than its first.
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
            toponyms.addAll(inSentence);
            for (PhraseIndex.Match<Country> m : gazetteer.demonyms().find(s, text, i -> s.token(i).capitalized())) {
                Country c = m.values().get(0);
                countryWeight.merge(c.iso3(), 0.5, Double::sum);
                if (overlapsAny(m.start(), m.end(), inSentence) || partOfPlaceName(s, m.firstToken(), m.lastToken())
                        || !demonymUse(s, m.firstToken(), m.lastToken())) continue;
                GazetteerEntry e = gazetteer.countryEntry(c.iso3());
                if (e != null) demonymMentions.add(new PlaceMention(s.index(), m.firstToken(), m.lastToken(), place(m.text(), m.start(), m.end(), e), e));
            }
        }
        Map<String, Double> admin1Weight = admin1Weights(toponyms);
        // Passes: the first resolves with the explicit country signals; the next ones add the countries of the places
        // chosen so far and their positions, so "Palmyra" follows "Deir ez-Zor" to Syria and "Huntsville" follows
        // "Walker County" and "Houston" to Texas. The last pass also gives every mention of one name in the text the
        // same sense unless a cue sets a mention apart ("Paris, Texas" then "Paris" is still Paris, Texas).
        Set<List<GazetteerEntry>> names = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Toponym t : toponyms) names.add(t.candidates());
        List<GazetteerEntry> chosen = new ArrayList<>();
        for (Toponym t : toponyms) chosen.add(pick(t, scores(t, countryWeight, admin1Weight, List.of(), names, List.of())));
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
                scores.add(scores(toponyms.get(i), refined, admin1Weight, others, names, listed(chosen, coordinatedWithNext, i)));
            }
            List<GazetteerEntry> next = new ArrayList<>();
            for (int i = 0; i < toponyms.size(); i++) {
                next.add(pick(toponyms.get(i), pass == 0 ? scores.get(i) : sharedScores(toponyms, scores, chosen, i)));
            }
            chosen = next;
        }
        List<PlaceMention> out = new ArrayList<>();
        for (int i = 0; i < toponyms.size(); i++) {
            Toponym t = toponyms.get(i);
            GazetteerEntry e = chosen.get(i);
            Place p = e == null ? Place.unresolved(t.text(), t.start(), t.end()) : place(t.text(), t.start(), t.end(), e);
            out.add(new PlaceMention(t.sentence(), t.first(), t.last(), p, e));
        }
        String focus = refined.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(null);
        return new GeoResult(out, demonymMentions, focus);
    }

    private static Place place(String text, int start, int end, GazetteerEntry e) {
        return new Place(text, start, end, e.name(), e.geonameid() > 0 ? e.geonameid() : null, round(e.lat()), round(e.lon()),
                e.country(), e.isCountry() ? null : e.admin1(), e.featureCode(), e.precision());
    }

    private static boolean overlapsAny(int start, int end, List<Toponym> toponyms) {
        for (Toponym t : toponyms) if (start < t.end() && t.start() < end) return true;
        return false;
    }

    /**
     * Whether a demonym match speaks of a country's people or things: not a surname ("Monica French") nor part of a
     * hyphenated compound ("African-American"). In an organisation's name it still says where the organisation is
     * from ("American Electric Power").
     */
    private static boolean demonymUse(Sentence s, int first, int last) {
        for (int i = first; i <= last; i++) {
            String ner = s.token(i).ner();
            if (ner.equals("PERSON")) return false;
        }
        int before = first - 1;
        return before < 0 || s.token(before).end() < s.token(first).start() || !s.token(before).word().endsWith("-");
    }

    /** "Russian" in "Russian Black Sea Fleet" is a demonym; "American" in "American Samoa" would be part of a place. */
    private boolean partOfPlaceName(Sentence s, int first, int last) {
        return last + 1 < s.size() && s.token(last + 1).ner().equals("LOCATION") && s.token(first).ner().equals("LOCATION")
                && !gazetteer.lookup(s.token(first).word() + " " + s.token(last + 1).word()).isEmpty();
    }

    /**
     * Whether two toponyms of a sentence are items of one list: only commas, "and", "or" or "&" stand between them
     * ("Georgia, Oklahoma and Pennsylvania"). The comma of "Town, Region" makes a qualifier, not a list.
     */
    private static boolean coordinated(Sentence s, Toponym a, Toponym b) {
        if (b.first() <= a.last() + 1) return false;
        if (qualified(a) && b.qualifies() != null) return false;
        for (int i = a.last() + 1; i < b.first(); i++) {
            String w = s.token(i).word().toLowerCase(Locale.ROOT);
            if (!w.equals(",") && !w.equals("and") && !w.equals("or") && !w.equals("&")) return false;
        }
        return true;
    }

    /** The senses chosen for the other items of the list toponym i is in, or an empty list. */
    private static List<GazetteerEntry> listed(List<GazetteerEntry> chosen, Set<Integer> coordinatedWithNext, int i) {
        List<GazetteerEntry> out = new ArrayList<>();
        for (int j = i - 1; j >= 0 && coordinatedWithNext.contains(j); j--) if (chosen.get(j) != null) out.add(chosen.get(j));
        for (int j = i; coordinatedWithNext.contains(j) && j + 1 < chosen.size(); j++) if (chosen.get(j + 1) != null) out.add(chosen.get(j + 1));
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
            if (!seen.add(t.candidates()) && !qualified(t)) continue;
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

    /**
     * Adds the abbreviations that are places only after "Place," ("Alexandria, La.", "Portland, OR") to the name
     * matches, replacing a name match on the same token: in that position "La." is Louisiana.
     */
    private List<PhraseIndex.Match<GazetteerEntry>> withQualifierAbbreviations(Sentence s, List<PhraseIndex.Match<GazetteerEntry>> matches) {
        List<PhraseIndex.Match<GazetteerEntry>> out = new ArrayList<>(matches);
        boolean changed = false;
        for (int i = 2; i < s.size(); i++) {
            GazetteerEntry division = gazetteer.qualifierAbbreviation(s.token(i).word());
            if (division == null || !s.token(i - 1).word().equals(",")) continue;
            int prevEnd = i - 2;
            boolean afterPlace = false;
            for (PhraseIndex.Match<GazetteerEntry> m : out) afterPlace |= m.lastToken() == prevEnd;
            if (!afterPlace) continue;
            final int at = i;
            out.removeIf(m -> m.firstToken() <= at && at <= m.lastToken());
            Token t = s.token(i);
            out.add(new PhraseIndex.Match<>(i, i, t.start(), t.end(), t.word(), List.of(division)));
            changed = true;
        }
        if (changed) out.sort(Comparator.comparingInt(PhraseIndex.Match::firstToken));
        return out;
    }

    private static Double round(double v) {
        return Double.isNaN(v) ? null : Math.round(v * 10000.0) / 10000.0;
    }

    /** NER classes that are never places ("August" is a month here, not the town in California). */
    private static final Set<String> NOT_PLACE_NER = Set.of("DATE", "TIME", "DURATION", "SET", "NUMBER", "ORDINAL",
            "MONEY", "PERCENT");

    private static boolean startable(Sentence s, int i) {
        Token t = s.token(i);
        return t.capitalized() && !NOT_PLACE_NER.contains(t.ner()) && (t.isProperNoun() || t.ner().equals("LOCATION"));
    }

    /** Whether a gazetteer match is used as a place here, judged from NER and the words around it. */
    private boolean isPlace(Sentence s, PhraseIndex.Match<GazetteerEntry> m, List<PhraseIndex.Match<GazetteerEntry>> all) {
        Token last = s.token(m.lastToken());
        if (!last.capitalized() && !Character.isDigit(last.word().charAt(0))) return false;
        int before = m.firstToken() - 1, after = m.lastToken() + 1;
        // A county named in an organisation's name is still the county: "Laurel County Genealogy Society".
        if (m.lastToken() > m.firstToken() && COUNTY_WORDS.contains(last.word().toLowerCase(Locale.ROOT))
                && !s.token(m.firstToken()).ner().equals("PERSON")) return true;
        // "La." after "Alexandria," was added by withQualifierAbbreviations: a place by its position.
        if (m.firstToken() == m.lastToken() && before >= 1 && s.token(before).word().equals(",")
                && gazetteer.qualifierAbbreviation(last.word()) != null && m.values().size() == 1
                && m.values().get(0) == gazetteer.qualifierAbbreviation(last.word())) return true;
        // A lone common noun ("the Detention Center", "Man booked for ...") is not the town some gazetteer names so.
        if (m.firstToken() == m.lastToken() && gazetteer.isWord("generic", last.word().toLowerCase(Locale.ROOT))) return false;
        // The tail of a longer unknown name: "Woodfield" in "Streets of Woodfield" is fine, "Road" in "Dublin Road" or
        // "Russia" in "United Russia" is not; "North Texas" and "eastern Kentucky" narrow the place instead.
        if (before >= 0 && s.token(before).capitalized() && s.token(before).isProperNoun() && !endsMatch(all, before)
                && !gazetteer.isWord("qualifier", s.token(before).word().toLowerCase(Locale.ROOT))) return false;
        // The tail of a hyphenated name: "Natal" in "KwaZulu-Natal"; but "Egypt-US" and "Egyptian-US" join two
        // places, and "D-Iowa City", "DFL-Minneapolis" give a legislator's party and home.
        if (before >= 1 && s.token(before).word().equals("-") && s.token(before).end() == s.token(m.firstToken()).start()
                && s.token(before - 1).end() == s.token(before).start() && s.token(before - 1).capitalized()
                && s.token(before - 1).word().length() > 3 && !endsMatch(all, before - 1)
                && gazetteer.demonyms().lookup(s.token(before - 1).word()).isEmpty()) return false;
        boolean location = false, person = false, other = false;
        for (int i = m.firstToken(); i <= m.lastToken(); i++) {
            String ner = s.token(i).ner();
            if (ner.equals("LOCATION")) location = true;
            else if (ner.equals("PERSON")) person = true;
            else if (ner.equals("ORGANIZATION") || ner.equals("MISC")) other = true;
        }
        // The seat of an institution is still a place: "Texas Department of Health", "Paris Police Department",
        // "Mansfield Mayor Curtis McCoy", "DeKalb police".
        if (!person && (institutionFollows(s, after) || institutionBefore(s, before))) return true;
        // A country's name is the country even where NER takes it for an organisation ("the UK said") or the parse
        // joins it to a non-place ("health agencies and the UK"), unless the name is a person's ("Chad Johnson").
        if (!person && m.values().stream().anyMatch(GazetteerEntry::isCountry)) return true;
        if (namesSomethingElse(s, m.firstToken(), m.lastToken())) return false;
        // Part of a longer name: "Washington Post", "Anatoly Tsyganok", "New York Times", "the African Union".
        if (!location && (insideEntity(s, before, m.lastToken()) || insideEntity(s, after, m.firstToken()))) return false;
        if (after < s.size() && s.token(after).isProperNoun() && s.token(after).capitalized()
                && !s.token(after).ner().equals("LOCATION") && !location) return false;
        if ((person || other) && !location) {
            if (before >= 0 && s.token(before).isProperNoun() && s.token(before).capitalized()) return false;
            if (after < s.size() && (s.token(after).ner().equals("PERSON") || s.token(after).ner().equals("ORGANIZATION"))) return false;
        }
        if (location) return true;
        boolean cue = before >= 0 && PLACE_CUES.contains(s.token(before).lemma().toLowerCase(Locale.ROOT))
                || before >= 1 && s.token(before).word().equals("of") && PLACE_CUES.contains(s.token(before - 1).lemma());
        long maxPop = 0;
        boolean major = false;
        for (GazetteerEntry e : m.values()) {
            maxPop = Math.max(maxPop, e.population());
            major |= e.isCountry() || e.isAdmin1() || e.featureCode().equals("PPLC") || e.featureCode().equals("PPLA")
                    || !e.isPopulatedPlace();
        }
        if (person || other) return cue && (major || maxPop >= 100_000);
        return cue || major || maxPop >= 50_000 || m.lastToken() > m.firstToken();
    }

    /** "University of Georgia", "Department of Texas": an institution word, "of", then the place. */
    private boolean institutionBefore(Sentence s, int before) {
        return before >= 1 && s.token(before).word().equals("of")
                && gazetteer.isWord("institution", s.token(before - 1).word().toLowerCase(Locale.ROOT));
    }

    private static boolean endsMatch(List<PhraseIndex.Match<GazetteerEntry>> all, int token) {
        for (PhraseIndex.Match<GazetteerEntry> m : all) if (m.lastToken() == token) return true;
        return false;
    }

    /**
     * Whether the words from {@code from} on make the preceding place the seat of an institution: the next word is
     * an institution word ("DeKalb police", "Columbus Council"), or one of the capitalised words of the name that
     * goes on is ("Texas Alcoholic Beverage Commission", "Ohio State University").
     */
    private boolean institutionFollows(Sentence s, int from) {
        if (from >= s.size()) return false;
        if (gazetteer.isWord("institution", s.token(from).lemma().toLowerCase(Locale.ROOT))
                || gazetteer.isWord("institution", s.token(from).word().toLowerCase(Locale.ROOT))) return true;
        for (int i = from; i < Math.min(s.size(), from + 4) && s.token(i).capitalized() && s.token(i).isProperNoun(); i++) {
            if (gazetteer.isWord("institution", s.token(i).word().toLowerCase(Locale.ROOT))) return true;
        }
        return false;
    }

    /** Whether token {@code outside} continues the same PERSON/ORGANIZATION entity as token {@code inside}. */
    private static boolean insideEntity(Sentence s, int outside, int inside) {
        if (outside < 0 || outside >= s.size()) return false;
        String ner = s.token(outside).ner();
        return (ner.equals("ORGANIZATION") || ner.equals("PERSON") || ner.equals("MISC")) && ner.equals(s.token(inside).ner());
    }

    /**
     * Whether toponym recognition reads this sentence's parse: only to tell a name that heads a ship, newspaper, street
     * and the like ("the Washington Post"), so only where such a noun stands.
     */
    public static boolean readsParse(List<sitrep.nlp.Token> tagged) {
        for (sitrep.nlp.Token t : tagged) if (NOT_PLACE_HEADS.contains(t.lemma().toLowerCase(Locale.ROOT))) return true;
        return false;
    }

    /** True when the span names a ship, a newspaper, a street...: its head or an ancestor is such a noun. */
    private static boolean namesSomethingElse(Sentence s, int first, int last) {
        int node = last;
        for (int hops = 0; hops < 4 && node >= 0; hops++) {
            for (int i = first; i <= last; i++) {
                if (i != node && NOT_PLACE_HEADS.contains(s.token(i).lemma().toLowerCase(Locale.ROOT))) return true;
            }
            if (node < first || node > last) {
                if (NOT_PLACE_HEADS.contains(s.token(node).lemma().toLowerCase(Locale.ROOT))) return true;
            }
            int parent = -1;
            for (Dependency d : s.parents(node)) {
                String rel = d.baseRelation();
                if (rel.equals("compound") || rel.equals("appos") || rel.equals("conj") || rel.equals("flat")
                        || rel.equals("nmod") && s.token(d.head()).isNoun() && hops == 0 && d.relation().equals("nmod:poss")) {
                    parent = d.head();
                    break;
                }
            }
            if (parent < 0) break;
            node = parent;
        }
        return false;
    }

    private Toponym toponym(Sentence s, PhraseIndex.Match<GazetteerEntry> m, PhraseIndex.Match<GazetteerEntry> previous,
                            PhraseIndex.Match<GazetteerEntry> next) {
        int after = m.lastToken() + 1, before = m.firstToken() - 1;
        // "Ontario province" and "the province of Ontario" both name the division.
        boolean adminCue = after < s.size() && ADMIN_WORDS.contains(s.token(after).lemma().toLowerCase(Locale.ROOT))
                || before >= 1 && s.token(before).word().equals("of")
                && ADMIN_WORDS.contains(s.token(before - 1).lemma().toLowerCase(Locale.ROOT));
        boolean cityCue = before >= 1 && s.token(before).word().equals("of")
                && Set.of("city", "town", "village", "outskirts").contains(s.token(before - 1).lemma().toLowerCase(Locale.ROOT));
        // "Alexandria, Louisiana": the next name, right after a comma, qualifies this one.
        String qCountry = null, qAdmin1 = null;
        if (next != null && after < s.size() && s.token(after).word().equals(",") && next.firstToken() == after + 1) {
            for (GazetteerEntry q : next.values()) {
                if (q.isCountry()) qCountry = q.country();
                else if (q.isAdmin1()) qAdmin1 = q.name();
            }
        }
        // "Mexico, China, Japan" and "China, Japan, and the UK" list countries, "Georgia, Oklahoma, Pennsylvania"
        // states: a name with a country or first-level-division sense that is an item of a list is not qualified by
        // the next item (it is not China the town in Japan, nor Oklahoma the town in Pennsylvania).
        Set<String> separators = Set.of(",", "and", "or");
        boolean listItem = previous != null && before >= 1 && previous.lastToken() == before - 1
                && separators.contains(s.token(before).word())
                || next != null && next.lastToken() + 1 < s.size() && separators.contains(s.token(next.lastToken() + 1).word());
        if (listItem && m.values().stream().anyMatch(e -> e.isCountry() || e.isAdmin1())) {
            qCountry = null;
            qAdmin1 = null;
        }
        // "New York" in "Buffalo, New York": right after "Place," a name qualifies that place.
        List<GazetteerEntry> qualifies = previous != null && before >= 1 && s.token(before).word().equals(",")
                && previous.lastToken() == before - 1 ? previous.values() : null;
        return new Toponym(s.index(), m.firstToken(), m.lastToken(), m.start(), m.end(), m.text(), m.values(),
                adminCue, cityCue, qCountry, qAdmin1, qualifies);
    }

    /** Whether a populated candidate lies in division {@code division} (Raqqa the city in Raqqa the province). */
    private static boolean hasSeatNamesake(Toponym t, GazetteerEntry division) {
        for (GazetteerEntry c : t.candidates()) {
            if (c.isPopulatedPlace() && division.country() != null && division.country().equals(c.country())
                    && (division.name().equalsIgnoreCase(c.admin1()) || c.distanceKm(division.lat(), division.lon()) < 150)) return true;
        }
        return false;
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
    private static double[] sharedScores(List<Toponym> toponyms, List<double[]> scores, List<GazetteerEntry> chosen, int i) {
        Toponym t = toponyms.get(i);
        if (t.adminCue() || t.cityCue() || qualified(t)) return scores.get(i);
        double[] sum = scores.get(i).clone();
        for (int j = 0; j < toponyms.size(); j++) {
            Toponym o = toponyms.get(j);
            if (j == i || o.candidates() != t.candidates()) continue;
            // "the province of Ontario" decides for "Ontario" where no town of the name lies in the province; "Raqqa
            // province" does not make "in Raqqa" the province.
            GazetteerEntry division = chosen.get(j);
            if (o.adminCue() && division != null && division.isAdmin1() && !hasSeatNamesake(o, division)) return scores.get(j);
            if (o.adminCue() || o.cityCue()) continue;
            if (qualified(o)) return scores.get(j);
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

    private static boolean qualified(Toponym t) {
        return t.qualifierAdmin1() != null || t.qualifierCountry() != null;
    }

    /** One score per candidate of {@code t}: prominence, feature class, cues, qualifiers, focus and nearby places. */
    /** A city this big is what its name means to news readers, more than a same-named division around it. */
    private static final long METROPOLIS = 1_000_000;

    private static double[] scores(Toponym t, Map<String, Double> countryWeight, Map<String, Double> admin1Weight,
                                   List<GazetteerEntry> others, Set<List<GazetteerEntry>> otherNames,
                                   List<GazetteerEntry> listedWith) {
        Set<String> countriesNamed = new HashSet<>();
        boolean divisionNamed = false;
        for (GazetteerEntry c : t.candidates()) {
            if (c.isCountry()) countriesNamed.add(c.country());
            divisionNamed |= (c.isCountry() || c.isAdmin1()) && c.name().equalsIgnoreCase(t.text());
        }
        double total = 0, admin1Total = 0;
        for (double w : countryWeight.values()) total += w;
        for (double w : admin1Weight.values()) admin1Total += w;
        double[] out = new double[t.candidates().size()];
        for (int k = 0; k < out.length; k++) {
            GazetteerEntry c = t.candidates().get(k);
            double score = Math.log10(c.population() + 10) / 2.0;
            // A division's population is spread over its area: "in Raqqa" means the city unless the text says
            // "province", so a division counts its people at a discount when a city of its name lies in it.
            if (c.isAdmin1() && hasSeatNamesake(t, c)) score *= 0.6;
            String fc = c.featureCode();
            // A name that names a country means the country unless the text's context says otherwise
            // ("Mexico" is not Mexico City; "Lebanon" in an Indiana paper may be Lebanon, Indiana). So does an ocean's
            // ("the Pacific" is not Pacific, Missouri).
            if (c.isCountry() || fc.equals("OCN")) score += 5;
            else if (fc.equals("PPLC")) score += 1.5;
            else if (fc.equals("PPLA")) score += 1.0;
            else if (c.isAdmin1()) score += t.adminCue() ? 3 : 0.8;
            else if (fc.equals("PPLA2")) score += 0.4;
            else if (!c.isPopulatedPlace()) score += 1.2;
            if (t.cityCue() && c.isPopulatedPlace()) score += 1;
            // A country's or division's name means it, not a city of it that also goes by that name ("Mexico" is not
            // Mexico City) nor a town that has the name only as an alternate one ("Illinois"), unless the text says
            // "city of". A city of millions is the exception against a division when the text is about other countries:
            // "talks in New York" in a report on Syria are in the city; a New York paper's "New York" is the state.
            else if (c.isPopulatedPlace() && !c.name().equalsIgnoreCase(t.text())
                    && (countriesNamed.contains(c.country()) || divisionNamed && (c.population() < METROPOLIS
                    || total > 0 && countryWeight.getOrDefault(c.country(), 0.0) / total >= 0.5))) score -= 2;
            // Right after "Place," a division or country that can hold the place qualifies it ("Buffalo, New York",
            // "Atlanta, Georgia").
            if (t.qualifies() != null && (c.isAdmin1() || c.isCountry()) && holdsOne(c, t.qualifies())) score += 2;
            // The items of a list are of one kind: states with states, countries with countries.
            double kin = 0, unlike = 0;
            for (GazetteerEntry o : listedWith) {
                if (o.isCountry() && c.isCountry()) kin += 1;
                else if (o.isAdmin1() && c.isAdmin1()) kin += o.country() != null && o.country().equals(c.country()) ? 1.5 : 0.5;
                else if ((o.isCountry() || o.isAdmin1()) && c.isPopulatedPlace()) unlike += 0.5;
            }
            score += Math.min(kin, 3.0) - Math.min(unlike, 1.5);
            if (t.adminCue() && c.isPopulatedPlace()) score -= 0.5;
            if (c.name().equalsIgnoreCase(t.text())) score += 0.8;
            if (c.country() != null && total > 0) score += 3.0 * countryWeight.getOrDefault(c.country(), 0.0) / total;
            // The division focus helps choose places inside a division; a division does not vote for itself.
            if (!c.isCountry() && !c.isAdmin1() && c.admin1() != null && c.country() != null && admin1Total > 0) {
                score += 2.0 * admin1Weight.getOrDefault(admin1Key(c), 0.0) / admin1Total;
            }
            if (t.qualifierCountry() != null) score += t.qualifierCountry().equals(c.country()) ? 4 : -2;
            if (t.qualifierAdmin1() != null) score += t.qualifierAdmin1().equalsIgnoreCase(c.admin1()) ? 4 : -1;
            // Other places of the text near this candidate, or, for a country, inside it ("Mexico" with "Jalisco"
            // is the country, not Mexico City).
            int near = 0;
            for (GazetteerEntry o : others) {
                if (o == null || o == c || o.isCountry() || Double.isNaN(o.lat())) continue;
                if (c.isCountry() ? c.country().equals(o.country())
                        : c.isAdmin1() && holdsOne(c, List.of(o)) || !Double.isNaN(c.lat()) && c.distanceKm(o.lat(), o.lon()) < 300) near++;
            }
            score += Math.min(near, 3) * 0.5;
            // A division that holds another place of the text, and whose name no town in it shares, is what its
            // name means there: "north Georgia" beside "Atlanta" is the state, not the country.
            if (c.isAdmin1() && !hasSeatNamesake(t, c) && holdsOne(c, others)) score += 1.5;
            // Support from the other names' possible senses, whatever was chosen for them: a Nebraska paper's
            // "Norfolk", "Meadow Grove" and "Platte County" can each be Nebraska's, which makes all three so.
            if (!c.isCountry() && !Double.isNaN(c.lat())) {
                double support = 0;
                for (List<GazetteerEntry> o : otherNames) {
                    if (o == t.candidates()) continue;
                    int close = 0;
                    for (GazetteerEntry e : o) if (e != c && !e.isCountry() && !Double.isNaN(e.lat()) && c.distanceKm(e.lat(), e.lon()) < 150) close++;
                    if (close > 0) support += 1.0 / o.size();
                }
                score += Math.min(support, 2.0) * 0.5;
            }
            out[k] = score;
        }
        return out;
    }
}
