package sitrep.coding;

import sitrep.geo.PlaceMention;
import sitrep.model.Actor;
import sitrep.model.Place;
import sitrep.model.PlaceKind;
import sitrep.nlp.Dependency;
import sitrep.nlp.Sentence;
import sitrep.nlp.Token;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import static sitrep.coding.Graph.lemma;

/**
 * Where the act happened: the place nearest the trigger in the parse, among the places the act itself is said to
 * happen at. Rule act-place keeps out places that say who someone is or where from ("Hezbollah from Lebanon", "Anna
 * Campbell, from Lewes"), resolves distance references to the site itself ("62 miles north of Bodrum" is a point 100 km
 * north of Bodrum), and gives speech acts a place only from their venue. Rule discourse-place carries the last act's
 * place to a material act whose sentence names none.
 */
final class EventPlaces {
    /** "-led", "-backed", "-based": a compound that makes a place name describe someone ("the US-led coalition"). */
    private static final Pattern MODIFIER_SUFFIX = Pattern.compile(
            "(?i)(?:.*-)?(led|backed|based|allied|funded|sponsored|brokered|aligned|affiliated|linked|registered|flagged|owned|born|trained)");
    private static final Set<String> DIRECTIONS = Set.of("north", "south", "east", "west", "northeast", "northwest",
            "southeast", "southwest", "north-east", "north-west", "south-east", "south-west");

    private final TriggerLexicon lexicon;
    private final CoderSettings settings;

    EventPlaces(TriggerLexicon lexicon, CoderSettings settings) {
        this.lexicon = lexicon;
        this.settings = settings;
    }

    void place(Candidate c, List<PlaceMention> places, List<PlaceMention> demonyms, Discourse d) {
        Sentence s = c.sentence;
        int subj = c.verb() ? Graph.subject(s, c.head()) : Graph.governingSubject(s, c.head());
        List<Integer> subjectPhrase = subj < 0 ? List.of() : s.phrase(subj, 4);
        boolean remote = c.code.startsWith("195");
        boolean actPlace = settings.on(CodingRule.ACT_PLACE);
        List<Integer> content = c.trigger.speech() ? contentTokens(s, c.head()) : List.of();
        Place best = null;
        int bestDist = Integer.MAX_VALUE;
        for (PlaceMention p : places) {
            // Only a toponym says where: "Turkey said", "Moscow warned" (metonyms) name who acted, not where.
            if (!p.place().resolved() || !p.place().toponym() || overlaps(p.place(), c.source) || inModifier(s, p)) continue;
            // "bombardment targeting Damascus": a capital named as the target of a material act is also where it hit, and
            // so is the country of a target that is ground ("struck Iran's offshore oilfields").
            if (overlaps(p.place(), c.target) && !c.placeTarget && (c.verbal() || !(groundTarget(c, s)
                    || "GOV".equals(c.target.sector()) && "city".equals(p.place().precision())))) continue;
            if (actPlace && (origin(s, p) || content.contains(p.lastToken()))) continue;
            if (actPlace && c.scope != null && !c.scope[p.lastToken()]) continue;
            int dist = Integer.MAX_VALUE;
            for (int i = p.firstToken(); i <= p.lastToken(); i++) {
                dist = Math.min(dist, Graph.pathLength(s, i, c.head(), 8));
                for (int h : c.mergedHeads) dist = Math.min(dist, Graph.pathLength(s, i, h, 8));
            }
            // A statement, appeal or threat is located only by its venue: "in Geneva", "at the UN in New York".
            if (actPlace && c.verbal() && (dist > 3 || !venue(s, p))) continue;
            if (dist == Integer.MAX_VALUE) dist = 100 + Math.abs(p.firstToken() - c.head());
            if ("country".equals(p.place().precision())) dist += 50; // a country is the fallback, a town the answer
            // "attacked the El Paraiso base in the province of Chalatenango" in a report on El Salvador: a town whose
            // country the article names nowhere else, beside places of the article's own country, is a namesake.
            if (actPlace && stray(p, places, d)) dist += 30;
            // "submarines in the Mediterranean fired at posts east of Deir ez-Zor": where the attacker is comes last.
            if (subjectPhrase.contains(p.lastToken())) {
                if (remote) continue; // aircraft and missiles strike far from where they fly or sail from
                dist += 20;
            }
            if (dist < bestDist) {
                bestDist = dist;
                best = actPlace ? distanceShifted(s, p) : p.place();
            }
        }
        // "will attend the conference": an act at a meeting is at the venue the article gives that meeting.
        if (best == null && settings.on(CodingRule.MEETING_VENUE) && d.venues != null) {
            best = d.venues.of(c, content);
            Place venue = best;
            if (venue != null && places.stream().noneMatch(p -> p.place() == venue)) c.placeInherited = true;
        }
        // "attacked Pakistani villages": the demonym of a target that is ground gives the country; so does the demonym
        // of ground that any trigger word of the act takes as its object ("attacked Pakistani villages, killing 90
        // people", where the merged act's target is the people).
        if (best == null && actPlace && !c.verbal()) {
            boolean ground = groundTarget(c, s);
            for (PlaceMention p : demonyms) {
                if (!p.place().resolved() || p.place().kind() != PlaceKind.ADJECTIVAL) continue;
                if (ground && overlaps(p.place(), c.target) || groundObject(c, s, p)) best = p.place();
            }
        }
        if (best == null && settings.on(CodingRule.DISCOURSE_PLACE) && !c.verbal() && d.lastPlace != null
                && !"country".equals(d.lastPlace.precision()) && !"region".equals(d.lastPlace.precision())
                && s.index() - d.lastPlaceSentence <= settings.maxDiscoursePlaceGap() && !namesOtherPlace(s, places)) {
            best = d.lastPlace;
            c.placeInherited = true;
        }
        // "Up to 24 civilians have been killed in northern Syria" in a report on Afrin: a material act that the sentence
        // places only in a country or province is at the town the article is about, when that town lies there.
        if (settings.on(CodingRule.DISCOURSE_PLACE) && !c.verbal() && d.focusPlace != null
                && (best == null || coarse(best) && within(d.focusPlace, best))) {
            best = d.focusPlace;
            c.placeInherited = true;
        }
        c.place = best;
    }

    /**
     * Rule country-place, once the article is coded (so that no filter or confidence feature takes the country for
     * the act's own place): "police and troops deployed at railway stations" in a report from Soweto. A material act
     * that nothing places is at least in the country of the last located act before it, else the country the article's
     * acts are in, as a country-level place.
     */
    static void countryFallback(List<Candidate> coded, Discourse d, double minConfidence) {
        String last = null;
        for (Candidate c : coded) {
            if (c.verbal()) continue;
            if (c.place != null) {
                if (!c.placeInherited && c.place.country() != null && c.confidence >= minConfidence) last = c.place.country();
                continue;
            }
            String iso = last != null ? last : d.focusCountry;
            Place country = iso == null ? null : d.countryPlaces.get(iso);
            if (country != null) {
                c.place = country;
                c.placeInherited = true;
            }
        }
    }

    /**
     * A town in a country that no other name or demonym of the article is in, while another place of the sentence lies
     * in the article's focus country: the gazetteer's only sense of a local name is a namesake abroad.
     */
    private static boolean stray(PlaceMention p, List<PlaceMention> places, Discourse d) {
        String country = p.place().country();
        if (country == null || d.focusCountry == null || country.equals(d.focusCountry) || "country".equals(p.place().precision())
                || d.countryMentions.getOrDefault(country, 0) > 1) return false;
        for (PlaceMention q : places) {
            if (q != p && q.place().resolved() && d.focusCountry.equals(q.place().country()) && !"country".equals(q.place().precision())) return true;
        }
        return false;
    }

    /** Whether the demonym modifies ground ("villages", "oilfields") that one of the act's trigger words takes as object. */
    private boolean groundObject(Candidate c, Sentence s, PlaceMention p) {
        for (Dependency amod : s.parents(p.lastToken())) {
            if (!amod.baseRelation().equals("amod") || amod.head() < 0) continue;
            int noun = amod.head();
            String lemma = Graph.lemma(s, noun);
            if (!lexicon.cues("territory-noun").contains(lemma) && !lexicon.cues("installation-noun").contains(lemma)) continue;
            for (Dependency obj : s.parents(noun)) {
                if ((obj.baseRelation().equals("obj") || obj.baseRelation().equals("dobj")) && c.heads(obj.head())) return true;
            }
        }
        return false;
    }

    static boolean coarse(Place p) {
        return "country".equals(p.precision()) || "admin1".equals(p.precision()) || "region".equals(p.precision());
    }

    /** Whether a town lies in a country or first-level division (by its codes). */
    static boolean within(Place town, Place area) {
        if (area.country() == null || !area.country().equals(town.country())) return false;
        return !"admin1".equals(area.precision()) || area.name() != null && area.name().equalsIgnoreCase(town.admin1())
                || area.admin1() != null && area.admin1().equalsIgnoreCase(town.admin1());
    }

    /** The act's target is a place or installation ("villages", "oilfields", "positions"), not people. */
    private boolean groundTarget(Candidate c, Sentence s) {
        if (c.target == null || c.targetToken < 0 || c.targetToken >= s.size()) return false;
        return lexicon.cues("territory-noun").contains(Graph.lemma(s, c.targetToken))
                || lexicon.cues("installation-noun").contains(Graph.lemma(s, c.targetToken));
    }

    /** A place introduced by "in" or "at" (or a qualifier of one): the kind of phrase that names a venue. */
    private static boolean venue(Sentence s, PlaceMention p) {
        for (int i = p.firstToken(); i <= p.lastToken(); i++) {
            for (Dependency d : s.parents(i)) {
                String r = d.relation();
                if (r.equals("obl:in") || r.equals("obl:at") || r.equals("nmod:in") || r.equals("nmod:at")) return true;
            }
        }
        return false;
    }

    /** A place name the gazetteer could not resolve, or a location the tagger saw: the act may be there, not at the last place. */
    private static boolean namesOtherPlace(Sentence s, List<PlaceMention> places) {
        for (PlaceMention p : places) if (!p.place().resolved()) return true;
        for (Token t : s.tokens()) {
            if (!"LOCATION".equals(t.ner())) continue;
            boolean known = false;
            for (PlaceMention p : places) known |= t.index() >= p.firstToken() && t.index() <= p.lastToken();
            if (!known) return true;
        }
        return false;
    }

    /** The tokens of what a speech verb reports: places there are where the reported act is, not the speech. */
    private static List<Integer> contentTokens(Sentence s, int verb) {
        List<Integer> out = new java.util.ArrayList<>();
        for (int h : Speech.contentHeads(s, verb)) out.addAll(Graph.subtree(s, h));
        return out;
    }

    /** "Hezbollah from Lebanon", "a man from Aleppo", "Anna Campbell, from Lewes": a place that says where someone is from. */
    private static boolean origin(Sentence s, PlaceMention p) {
        for (Dependency d : s.parents(p.lastToken())) {
            if (d.head() < 0) continue;
            Token head = s.token(d.head());
            if ((d.relation().equals("nmod:from") || d.relation().equals("nmod:of") && "PERSON".equals(head.ner())) && head.isNoun()) return true;
            if (d.relation().equals("obl:from") && lemma(s, d.head()).equals("hail")) return true;
        }
        // "Lewes, East Sussex": the qualifier of an origin.
        for (Dependency d : s.parents(p.firstToken())) {
            if (d.baseRelation().equals("appos") || d.relation().startsWith("conj")) {
                for (Dependency up : s.parents(d.head())) {
                    if (up.relation().equals("nmod:from") && up.head() >= 0 && s.token(up.head()).isNoun()) return true;
                }
            }
        }
        return false;
    }

    /**
     * "62 miles north of Bodrum", "30km south of Aleppo": the act was at that distance, so the point is moved there
     * (a flat-earth step is close enough at these distances); a direction without a distance ("east of Deir ez-Zor")
     * stays at the reference place, whose surroundings it names.
     */
    private static Place distanceShifted(Sentence s, PlaceMention p) {
        Place place = p.place();
        int of = -1;
        for (Dependency d : s.parents(p.lastToken())) if (d.relation().equals("nmod:of") || d.relation().equals("obl:of")) of = d.head();
        if (of < 0 || !DIRECTIONS.contains(s.token(of).word().toLowerCase(Locale.ROOT))) return place;
        double km = -1;
        for (Dependency d : s.children(of)) {
            if (!d.baseRelation().equals("obl:npmod") && !d.baseRelation().equals("nmod:npmod") && !d.baseRelation().equals("obl")
                    && !d.baseRelation().equals("nmod") && !d.baseRelation().equals("advmod")) continue;
            double found = distanceKm(s, d.dependent());
            if (found > 0) km = found;
        }
        if (km <= 0) return place;
        String dir = s.token(of).word().toLowerCase(Locale.ROOT).replace("-", "");
        double dlat = 0, dlon = 0;
        double step = dir.length() > 5 ? km / Math.sqrt(2) : km;
        if (dir.startsWith("north")) dlat = step;
        if (dir.startsWith("south")) dlat = -step;
        if (dir.endsWith("east")) dlon = step;
        if (dir.endsWith("west")) dlon = -step;
        double lat = place.lat() + dlat / 111.0;
        double lon = place.lon() + dlon / (111.0 * Math.max(0.1, Math.cos(Math.toRadians(place.lat()))));
        String name = Math.round(km) + " km " + dir + " of " + place.name();
        return new Place(place.text(), place.start(), place.end(), name, null, Math.round(lat * 1e4) / 1e4,
                Math.round(lon * 1e4) / 1e4, place.country(), place.admin1(), null, "admin2");
    }

    /** "62 miles", "30km", "10 kilometres": the distance a unit noun and its number give, in km; -1 when none. */
    private static double distanceKm(Sentence s, int unitToken) {
        String unit = s.token(unitToken).lemma().toLowerCase(Locale.ROOT);
        double factor = unit.startsWith("mile") ? 1.609 : unit.equals("km") || unit.startsWith("kilomet") ? 1 : -1;
        if (factor < 0) return -1;
        for (Dependency d : s.children(unitToken)) {
            if (!d.baseRelation().equals("nummod")) continue;
            String n = s.token(d.dependent()).normalized();
            // "about 120 miles" is normalised as "~120.0", "over 30 km" as ">30.0": the number is what locates the site.
            String number = (n == null ? s.token(d.dependent()).word().replace(",", "") : n).replaceFirst("^[~<>=]+", "");
            try {
                return Double.parseDouble(number) * factor;
            } catch (NumberFormatException e) {
                return -1;
            }
        }
        return -1;
    }

    /** "the US-led coalition said", "a London-based monitor": the place names who someone is, not where it happened. */
    private static boolean inModifier(Sentence s, PlaceMention p) {
        int last = p.lastToken();
        Token t = s.token(last);
        if (t.end() > p.place().end() && t.word().indexOf('-') > 0) return MODIFIER_SUFFIX.matcher(t.word()).matches();
        return last + 2 < s.size() && s.token(last + 1).word().equals("-") && s.token(last + 1).start() == t.end()
                && MODIFIER_SUFFIX.matcher(s.token(last + 2).word()).matches();
    }

    /** "Russia launched strikes": a place named as the actor is not where the event happened. */
    private static boolean overlaps(Place p, Actor a) {
        return a != null && p.start() < a.end() && a.start() < p.end();
    }
}
