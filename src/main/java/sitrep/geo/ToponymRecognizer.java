package sitrep.geo;

import sitrep.model.PlaceKind;
import sitrep.nlp.AnnotatedText;
import sitrep.nlp.Dependency;
import sitrep.nlp.PhraseIndex;
import sitrep.nlp.Sentence;
import sitrep.nlp.TextKeys;
import sitrep.nlp.Token;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The first half of the geo stage: finds the toponyms and demonyms of an annotated article.
 *
 * <p>Recognition does not rely on CoreNLP's NER alone, which misses transliterated names such as
 * "Deir ez-Zor": any capitalised proper-noun span the gazetteer knows is a candidate, and NER and
 * the words around it decide whether it is a place (rejecting "Washington Post", or ships named after
 * towns). Each toponym keeps the cues resolution reads: "province", "city of", a "Town, Region" qualifier,
 * membership of a list.
 */
public final class ToponymRecognizer {
    private static final Set<String> NOT_PLACE_HEADS = Set.of("submarine", "ship", "frigate", "vessel", "warship",
            "destroyer", "cruiser", "corvette", "carrier", "tanker", "boat", "newspaper", "agency", "hotel", "club",
            "team", "university", "company", "airline", "operation", "hurricane", "storm", "typhoon", "cyclone",
            "brigade", "battalion", "regiment", "mr.", "mrs.", "ms.", "dr.", "street", "avenue", "road", "mosque",
            "church", "school", "hospital", "stadium", "square", "restaurant", "bank", "fc", "virus", "ebolavirus", "fever", "flu",
            "disease", "strain");
    /**
     * The heads of {@link #NOT_PLACE_HEADS} whose names hold a place name as a part of theirs (the place is then
     * {@link PlaceKind#EMBEDDED}: "the Washington Post newspaper", "Aleppo University", "Baghdad Street"); the others
     * (ships, storms, diseases, titles) merely share a place's name.
     */
    private static final Set<String> NAME_HEADS = Set.of("newspaper", "agency", "hotel", "club", "team", "university",
            "company", "airline", "brigade", "battalion", "regiment", "street", "avenue", "road", "mosque", "church", "school",
            "hospital", "stadium", "square", "restaurant", "bank", "fc");
    /** Prepositions after which a name is a location ("in", "near", "into"), not an organisation. */
    private static final Set<String> LOCATIVE = Set.of("in", "at", "near", "into", "outside", "around", "towards", "toward",
            "across", "through", "inside");
    /** The least population at which a town after a locative preposition wins over NER's organisation reading. */
    private static final long LOCATIVE_MIN_POPULATION = 10_000;
    private static final Set<String> PLACE_CUES = Set.of("city", "town", "village", "province", "governorate",
            "region", "district", "area", "state", "county", "capital", "outskirts", "suburb", "neighbourhood",
            "neighborhood", "oblast", "near", "in", "at", "from", "to", "outside", "around", "east", "west", "north",
            "south", "into", "towards", "toward", "across", "through");
    private static final Set<String> COUNTY_WORDS = Set.of("county", "parish", "borough");
    private static final Set<String> ADMIN_WORDS = Set.of("province", "governorate", "region", "state", "oblast",
            "county", "district");

    private final Gazetteer gazetteer;
    private final PlaceUses uses;

    public ToponymRecognizer(Gazetteer gazetteer) {
        this.gazetteer = gazetteer;
        this.uses = new PlaceUses(gazetteer);
    }

    public Recognition recognize(AnnotatedText doc) {
        // One sense per discourse for recognition too: a name the text uses as a place somewhere is a place at its other
        // mentions, where the tagger alone took it for an organisation ("pushed the YPG out of Afrin" after "fighting in
        // Afrin"). The second pass runs only where such a mention was left out for want of evidence.
        Set<String> places = new HashSet<>(), unsure = new HashSet<>();
        Recognition first = recognize(doc, Set.of(), places, unsure);
        unsure.retainAll(places);
        return unsure.isEmpty() ? first : recognize(doc, places, new HashSet<>(), new HashSet<>());
    }

    /**
     * One pass of recognition. {@code known}: names used as places elsewhere in the text; {@code places} gets the
     * names this pass takes as places, {@code unsure} those it left out only for want of a cue.
     */
    private Recognition recognize(AnnotatedText doc, Set<String> known, Set<String> places, Set<String> unsure) {
        String text = doc.text();
        List<Toponym> toponyms = new ArrayList<>();
        List<Demonym> demonyms = new ArrayList<>();
        for (Sentence s : doc.sentences()) {
            List<PhraseIndex.Match<GazetteerEntry>> matches = withQualifierAbbreviations(s,
                    gazetteer.names().find(s, text, i -> startable(s, i)));
            List<Toponym> inSentence = new ArrayList<>();
            for (int k = 0; k < matches.size(); k++) {
                PhraseIndex.Match<GazetteerEntry> m = matches.get(k);
                PlaceKind kind = use(s, m, matches, known);
                String key = TextKeys.key(m.text());
                if (kind == null) {
                    if (!s.token(m.firstToken()).ner().equals("PERSON")) unsure.add(key);
                    continue;
                }
                if (kind == PlaceKind.TOPONYM && saidToBePlace(s, m)) places.add(key);
                if (kind == PlaceKind.TOPONYM && uses.metonym(s, m)) kind = PlaceKind.METONYM;
                Toponym t = toponym(s, m, k > 0 ? matches.get(k - 1) : null, k + 1 < matches.size() ? matches.get(k + 1) : null)
                        .withKind(kind);
                int previous = inSentence.size() - 1;
                if (previous >= 0 && coordinated(s, inSentence.get(previous), t)) {
                    inSentence.set(previous, inSentence.get(previous).withListedWithNext());
                }
                inSentence.add(t);
            }
            toponyms.addAll(inSentence);
            for (PhraseIndex.Match<Country> m : gazetteer.demonyms().find(s, text, i -> s.token(i).capitalized())) {
                Country c = m.values().get(0);
                PlaceMention mention = null;
                GazetteerEntry e = gazetteer.countryEntry(c.iso3());
                if (e != null && !overlapsAny(m.start(), m.end(), inSentence) && !partOfPlaceName(s, m.firstToken(), m.lastToken())
                        && demonymUse(s, m.firstToken(), m.lastToken())) {
                    PlaceKind kind = PlaceUses.inOrganisationName(s, m.firstToken(), m.lastToken()) ? PlaceKind.EMBEDDED : PlaceKind.ADJECTIVAL;
                    mention = new PlaceMention(s.index(), m.firstToken(), m.lastToken(),
                            ToponymResolver.place(m.text(), m.start(), m.end(), e).withKind(kind), e);
                }
                demonyms.add(new Demonym(s.index(), c.iso3(), mention));
            }
        }
        return new Recognition(toponyms, demonyms);
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
        if (b.first() <= a.last() + 1 || a.embedded() || b.embedded()) return false;
        if (a.qualified() && b.qualifies() != null) return false;
        for (int i = a.last() + 1; i < b.first(); i++) {
            String w = s.token(i).word().toLowerCase(Locale.ROOT);
            if (!w.equals(",") && !w.equals("and") && !w.equals("or") && !w.equals("&")) return false;
        }
        return true;
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

    /** NER classes that are never places ("August" is a month here, not the town in California). */
    private static final Set<String> NOT_PLACE_NER = Set.of("DATE", "TIME", "DURATION", "SET", "NUMBER", "ORDINAL",
            "MONEY", "PERCENT");

    private static boolean startable(Sentence s, int i) {
        Token t = s.token(i);
        return t.capitalized() && !NOT_PLACE_NER.contains(t.ner()) && (t.isProperNoun() || t.ner().equals("LOCATION"))
                || ROUTE_NUMBER.matcher(t.word()).matches();
    }

    /** A route's number: "M4", "M-5", "A1", "E40", "I-95". */
    private static final java.util.regex.Pattern ROUTE_NUMBER = java.util.regex.Pattern.compile("[A-Z]{1,2}-?[0-9]{1,3}");

    /**
     * "Hmeimim airbase", "the Bab al-Hawa crossing", "the M4 highway": a gazetteer name of a facility or route that
     * news writes with its last word, a facility word, in lower case, after a capitalised name or a route number.
     */
    private boolean facilityName(Sentence s, int first, int last) {
        Token head = s.token(first);
        return last > first && !s.token(last).capitalized() && gazetteer.isWord("facility", s.token(last).word().toLowerCase(Locale.ROOT))
                && (head.capitalized() && !head.ner().equals("PERSON") || ROUTE_NUMBER.matcher(head.word()).matches());
    }

    /**
     * How a gazetteer match is used here, judged from NER and the words around it: as a place ({@link
     * PlaceKind#TOPONYM}; metonymy is told apart later), as part of an organisation's, newspaper's, street's or
     * building's name ({@link PlaceKind#EMBEDDED}: "Washington Post", "United Russia", "Aleppo University"), or null
     * where it is no place word at all (a person's name, a common noun, a ship, a storm, a disease).
     */
    private PlaceKind use(Sentence s, PhraseIndex.Match<GazetteerEntry> m, List<PhraseIndex.Match<GazetteerEntry>> all, Set<String> known) {
        Boolean place = isPlace(s, m, all, known);
        if (place == null) {
            return PlaceUses.embeddable(s, m, namesSomethingElse(s, m.firstToken(), m.lastToken(), NAME_HEADS)) ? PlaceKind.EMBEDDED : null;
        }
        return place ? PlaceKind.TOPONYM : null;
    }

    /**
     * Whether a match is used as a place: TRUE, FALSE where it is not a place word here, or null where it is a place
     * name used inside a larger name (what {@link #use} tells apart from other uses).
     */
    private Boolean isPlace(Sentence s, PhraseIndex.Match<GazetteerEntry> m, List<PhraseIndex.Match<GazetteerEntry>> all, Set<String> known) {
        Token last = s.token(m.lastToken());
        if (facilityName(s, m.firstToken(), m.lastToken())) return true;
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
        // A "Town, State" qualifier still makes it the town: "Independence, Mo.", "Liberty, Texas".
        if (m.firstToken() == m.lastToken() && gazetteer.isWord("generic", last.word().toLowerCase(Locale.ROOT))
                && !qualifiedAsTown(s, m, all)) return false;
        // The tail of a longer unknown name: "Woodfield" in "Streets of Woodfield" is fine, "Road" in "Dublin Road" or
        // "Russia" in "United Russia" is not; "North Texas" and "eastern Kentucky" narrow the place instead.
        if (before >= 0 && s.token(before).capitalized() && s.token(before).isProperNoun() && !endsMatch(all, before)
                && !gazetteer.isWord("qualifier", s.token(before).word().toLowerCase(Locale.ROOT))) return null;
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
        if (namesSomethingElse(s, m.firstToken(), m.lastToken(), NOT_PLACE_HEADS)) {
            return namesSomethingElse(s, m.firstToken(), m.lastToken(), NAME_HEADS) ? null : false;
        }
        // Part of a longer name: "Washington Post", "Anatoly Tsyganok", "New York Times", "the African Union".
        if (!location && (insideEntity(s, before, m.lastToken()) || insideEntity(s, after, m.firstToken()))) return null;
        if (after < s.size() && s.token(after).isProperNoun() && s.token(after).capitalized()
                && !s.token(after).ner().equals("LOCATION") && !location) return null;
        if ((person || other) && !location) {
            if (before >= 0 && s.token(before).isProperNoun() && s.token(before).capitalized()) return null;
            if (after < s.size() && (s.token(after).ner().equals("PERSON") || s.token(after).ner().equals("ORGANIZATION"))) return null;
        }
        if (location) return true;
        boolean cue = before >= 0 && PLACE_CUES.contains(s.token(before).lemma().toLowerCase(Locale.ROOT))
                || before >= 1 && s.token(before).word().equals("of") && PLACE_CUES.contains(s.token(before - 1).lemma());
        long maxPop = 0, maxPopOwnName = 0;
        boolean major = false;
        String key = TextKeys.key(m.text()), keyVariant = TextKeys.variant(key);
        for (GazetteerEntry e : m.values()) {
            maxPop = Math.max(maxPop, e.population());
            // A town matched by one of its foreign alternate names ("Hamas" is one of Hamm's) is no reason alone to
            // read a word with no place cue as that town; its own name is.
            String own = TextKeys.key(e.name());
            if (own.equals(key) || TextKeys.variant(own).equals(keyVariant)) maxPopOwnName = Math.max(maxPopOwnName, e.population());
            major |= e.isCountry() || e.isAdmin1() || e.featureCode().equals("PPLC") || e.featureCode().equals("PPLA")
                    || !e.isPopulatedPlace();
        }
        // "a military campaign in Afrin": after a locative preposition a town NER took for an organisation is the town,
        // when the gazetteer knows it as a town of some size; a person's name needs a city.
        if (other && !person && before >= 0 && LOCATIVE.contains(s.token(before).word().toLowerCase(Locale.ROOT))
                && maxPop >= LOCATIVE_MIN_POPULATION) return true;
        // "the enclave of Afrin", "the village of Kabajib": a settlement or territory noun and "of" make the name a place.
        if (!person && before >= 1 && s.token(before).word().equals("of")
                && gazetteer.isWord("frame", s.token(before - 1).word().toLowerCase(Locale.ROOT))) return true;
        if (!person && known.contains(key) && (major || maxPop >= LOCATIVE_MIN_POPULATION)) return true;
        if (person || other) return cue && (major || maxPop >= 100_000);
        return cue || major || maxPopOwnName >= 50_000 || m.lastToken() > m.firstToken();
    }

    /**
     * Whether the tagger or the words before it say that a match is a place ("in Afrin", "the town of Afrin", a
     * LOCATION tag): only such a mention lends its reading to the name's other mentions, so a town named after a word
     * ("Hope", "Passover") does not spread.
     */
    private boolean saidToBePlace(Sentence s, PhraseIndex.Match<GazetteerEntry> m) {
        for (int i = m.firstToken(); i <= m.lastToken(); i++) if (s.token(i).ner().equals("LOCATION")) return true;
        int before = m.firstToken() - 1;
        if (before < 0) return false;
        String w = s.token(before).word().toLowerCase(Locale.ROOT);
        return LOCATIVE.contains(w) || w.equals("of") && before >= 1 && gazetteer.isWord("frame", s.token(before - 1).word().toLowerCase(Locale.ROOT));
    }

    /**
     * Whether a comma and a country or first-level division that holds one of the match's senses follow the match
     * ("Independence, Mo.": Missouri has an Independence).
     */
    private static boolean qualifiedAsTown(Sentence s, PhraseIndex.Match<GazetteerEntry> m, List<PhraseIndex.Match<GazetteerEntry>> all) {
        int comma = m.lastToken() + 1;
        if (comma >= s.size() || !s.token(comma).word().equals(",")) return false;
        for (PhraseIndex.Match<GazetteerEntry> q : all) {
            if (q.firstToken() != comma + 1) continue;
            for (GazetteerEntry division : q.values()) {
                if (!division.isAdmin1() && !division.isCountry() || division.country() == null) continue;
                for (GazetteerEntry town : m.values()) {
                    if (town.isPopulatedPlace() && division.country().equals(town.country())
                            && (division.isCountry() || division.name().equalsIgnoreCase(town.admin1()))) return true;
                }
            }
        }
        return false;
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
        // A noun only: "Paris Fire Department" names an institution, "Hamas fired rockets" does not.
        if (!s.token(from).isNoun()) return false;
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
    private static boolean namesSomethingElse(Sentence s, int first, int last, Set<String> heads) {
        int node = last;
        for (int hops = 0; hops < 4 && node >= 0; hops++) {
            for (int i = first; i <= last; i++) {
                if (i != node && heads.contains(s.token(i).lemma().toLowerCase(Locale.ROOT))) return true;
            }
            if (node < first || node > last) {
                if (heads.contains(s.token(node).lemma().toLowerCase(Locale.ROOT))) return true;
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
                adminCue, cityCue, qCountry, qAdmin1, qualifies, false);
    }
}
