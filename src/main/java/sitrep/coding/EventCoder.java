package sitrep.coding;

import sitrep.actors.ActorDictionary;
import sitrep.actors.ActorMention;
import sitrep.actors.ActorResolver;
import sitrep.geo.GeoResult;
import sitrep.geo.PlaceMention;
import sitrep.model.Actor;
import sitrep.model.Article;
import sitrep.model.Event;
import sitrep.model.Place;
import sitrep.nlp.AnnotatedText;
import sitrep.nlp.Dependency;
import sitrep.nlp.Sentence;
import sitrep.nlp.TimeExpression;
import sitrep.nlp.Token;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The coding stage: finds event triggers in dependency parses and fills in who did it to whom, when,
 * where, how certainly, and on whose word.
 *
 * <p>Verbs take their source from the subject (or the "by" agent of a passive) and their target from the
 * object (or the passive subject); nouns ("airstrikes", "talks") from possessives, "by"/"between" phrases,
 * national adjectives, or the subject of the verb that governs them ("carried out airstrikes"). Reported
 * speech yields a statement event for the speaker, and the events inside the quoted clause carry the
 * speaker as attribution. Every event keeps its sentence and trigger offsets as evidence.
 */
public final class EventCoder {
    private static final Pattern ISO_DATE = Pattern.compile("\\d{4}(-\\d{2}(-\\d{2})?)?");
    private static final Set<String> TERRITORY_NOUNS = Set.of("town", "city", "village", "area", "territory",
            "region", "district", "base", "airport", "airbase", "neighbourhood", "neighborhood", "position", "hill",
            "province", "control", "outpost", "checkpoint", "stronghold", "enclave", "port", "bridge", "border",
            "crossing", "governorate", "suburb", "quarter", "oilfield", "field", "dam", "palace", "headquarters",
            "building", "barracks", "camp", "compound", "garrison", "parliament", "ministry", "capital", "strip", "pocket");
    private static final Set<String> ARMED_SECTORS = Set.of("MIL", "REB", "INS", "UAF", "COP", "SPY", "RAD", "SEP");
    private static final Set<String> CIVILIAN_SECTORS = Set.of("CVL", "REF", "EDU", "MED", "JRN", "HLH", "LAB", "AGR", "BUS", "REL");
    /**
     * Material conflict that news often reports without a known doer ("a bomb exploded", "protests erupted",
     * "weapons were seized"): kept without actors. A bare fighting noun ("flanking attacks") is kept only as a
     * verb or with stated casualties, since without them it is mostly background, not an event report.
     */
    private static final List<String> ACTORLESS_CODES = List.of("14", "171", "18", "20");
    private static final Set<String> NON_DOMESTIC = Set.of("IGO", "NGO", "MNC", "IMG", "NGM", "UIS");
    private static final Set<String> LIGHT_NOUNS = Set.of("effort", "mission", "bid", "process", "drive", "campaign",
            "initiative", "attempt", "plan", "operation");
    private static final Set<String> CONTROL_WORDS = Set.of("control", "hold", "occupy", "run", "dominate", "besiege");
    private static final Set<String> SYMMETRIC = Set.of("040", "046", "190", "030", "060", "057");
    private static final Map<String, String> QUANTITY_VERBS = Map.of("kill", "killed", "die", "killed",
            "wound", "injured", "injure", "injured", "arrest", "arrested", "detain", "arrested",
            "displace", "displaced", "abduct", "abducted", "kidnap", "abducted");

    private final Codebook codebook;
    private final TriggerLexicon lexicon;
    private final ActorDictionary dictionary;
    private final ActorResolver resolver;
    /** Users' TABARI/PETRARCH dictionaries, coded by pattern alongside (or instead of) the built-in triggers; may be null. */
    private final UserDictionaries user;
    private final PatternCoder patternCoder;

    public EventCoder(Codebook codebook, TriggerLexicon lexicon, ActorDictionary dictionary) {
        this(codebook, lexicon, dictionary, null);
    }

    public EventCoder(Codebook codebook, TriggerLexicon lexicon, ActorDictionary dictionary, UserDictionaries user) {
        this.codebook = codebook;
        this.lexicon = lexicon;
        this.dictionary = dictionary;
        this.resolver = new ActorResolver(dictionary);
        this.user = user;
        this.patternCoder = user == null ? null : new PatternCoder(user.verbs(), user.actors(), user.discards(), true);
    }

    /** A trigger found in a sentence: tokens first..last (a two-word noun spans two). */
    private record Found(int first, int last, TriggerLexicon.Trigger trigger) {
        int head() {
            return last;
        }
    }

    public List<Event> code(Article article, AnnotatedText doc, GeoResult geo) {
        String text = doc.text();
        LocalDate published = article.published();
        List<Event> events = new ArrayList<>();
        Actor lastSpeaker = null;
        for (Sentence s : doc.sentences()) {
            if (patternCoder != null) {
                for (PatternCoder.Coded c : patternCoder.code(s, published)) events.add(dictionaryEvent(article, s, c));
                if (user.only()) continue;
            }
            List<ActorMention> mentions = dictionary.find(s, text, published);
            List<Found> triggers = triggers(s);
            Event.Attribution[] attribution = new Event.Attribution[s.size()];
            Map<String, Integer> quantities = quantities(s);
            List<PlaceMention> places = geo.inSentence(s.index());
            // "According to X, ...": X is the source of everything else the sentence says.
            Actor accordingTo = accordingTo(s, mentions, text);
            if (accordingTo != null) {
                lastSpeaker = accordingTo;
                java.util.Arrays.fill(attribution, new Event.Attribution(accordingTo, "according to"));
            }
            // Speech first, so the events in what was said know who said it.
            List<Found> ordered = new ArrayList<>();
            for (Found f : triggers) if (f.trigger().speech()) ordered.add(f);
            for (Found f : triggers) if (!f.trigger().speech()) ordered.add(f);
            for (Found f : ordered) {
                int head = f.head();
                Actor source, target;
                if (f.trigger().verb()) {
                    int subj = subject(s, head);
                    source = subj < 0 ? null : actor(s, mentions, subj, text, lastSpeaker);
                    // "Iraq said it would allow ...": a pronoun subject inside reported speech is the speaker.
                    if (source == null && subj >= 0 && s.token(subj).pos().startsWith("PRP") && attribution[head] != null) {
                        source = attribution[head].speaker();
                    }
                    // "fired missiles at X": the object is the weapon, the target follows "at"/"on".
                    int obj = "weapon".equals(f.trigger().condition()) ? child(s, head, "obl:at", "obl:on", "obl:against")
                            : child(s, head, "obj");
                    if (obj < 0) obj = child(s, head, "nsubj:pass");
                    if (obj < 0 && SYMMETRIC.contains(f.trigger().code())) obj = child(s, head, "obl:with");
                    if (obj < 0) obj = child(s, head, "obl:on", "obl:against");
                    if (obj < 0 && SYMMETRIC.contains(f.trigger().code())) obj = secondSubject(s, head, subj);
                    target = obj < 0 ? null : "weapon".equals(f.trigger().condition())
                            ? resolver.resolve(s, mentions, obj, text, false) : actor(s, mentions, obj, text, lastSpeaker);
                    if (target == null) target = controller(s, head, mentions, text);
                    if (!conditionHolds(f, s, obj, source, target, places)) {
                        TriggerLexicon.Trigger t = f.trigger();
                        if (t.otherwise() == null) continue;
                        f = new Found(f.first(), f.last(), new TriggerLexicon.Trigger(t.lemma(), t.verb(), t.otherwise(), null, null));
                    }
                } else {
                    Actor[] roles = nominalRoles(s, f, mentions, text, lastSpeaker);
                    source = roles[0];
                    target = roles[1];
                }
                if (f.trigger().speech()) {
                    if (source == null) continue;
                    lastSpeaker = source;
                    for (Dependency d : s.children(head)) {
                        if (d.baseRelation().equals("ccomp") || d.baseRelation().equals("parataxis")) {
                            for (int t : subtree(s, d.dependent())) attribution[t] = new Event.Attribution(source, s.token(head).word());
                        }
                    }
                } else if (source == null && target == null && !actorless(f, quantities)) {
                    continue;
                }
                if (source != null && s.token(subject(s, head) >= 0 ? subject(s, head) : head).ner().equals("PERSON")) lastSpeaker = source;
                events.add(event(article, s, f, source, target, places, attribution[head], quantities, geo.focusCountry()));
            }
        }
        return events;
    }

    private List<Found> triggers(Sentence s) {
        List<Found> out = new ArrayList<>();
        for (int i = 0; i < s.size(); i++) {
            Token t = s.token(i);
            String lemma = t.lemma().toLowerCase(Locale.ROOT);
            TriggerLexicon.Trigger trig = null;
            int first = i;
            if (t.isVerb()) {
                trig = lexicon.verb(lemma);
            } else if (t.isNoun()) {
                if (i > 0) {
                    TriggerLexicon.Trigger two = lexicon.noun(s.token(i - 1).lemma().toLowerCase(Locale.ROOT) + " " + lemma);
                    if (two != null) {
                        trig = two;
                        first = i - 1;
                    }
                }
                if (trig == null) trig = lexicon.noun(lemma);
                // A noun modifying another noun ("attack helicopter") is no event, unless the other noun only
                // frames it ("mediation effort", "peace mission"): then the pair is the trigger, headed by the frame.
                if (trig != null) {
                    for (Dependency d : s.parents(i)) {
                        if (!d.baseRelation().equals("compound")) continue;
                        if (d.head() == i + 1 && LIGHT_NOUNS.contains(s.token(d.head()).lemma().toLowerCase(Locale.ROOT))) {
                            out.add(new Found(i, i + 1, trig));
                        }
                        trig = null;
                        break;
                    }
                }
            }
            if (trig == null) continue;
            if (trig.condition() != null && trig.condition().startsWith("prt=")) {
                String prt = trig.condition().substring(4);
                int p = child(s, i, "compound:prt");
                if (p < 0 || !s.token(p).word().equalsIgnoreCase(prt)) continue;
            }
            out.add(new Found(first, i, trig));
        }
        // "struck Daesh positions, killing dozens": a participle that tells the outcome of another attack in the
        // same sentence is part of that event (its counts go to it), not a second event.
        List<Found> kept = new ArrayList<>();
        for (Found f : out) {
            boolean outcome = false;
            for (Dependency d : s.parents(f.head())) {
                String rel = d.baseRelation();
                if (!rel.equals("advcl") && !rel.equals("xcomp") && !rel.equals("dep") && !rel.equals("conj")) continue;
                for (Found g : out) {
                    if (g != f && g.head() == d.head() && g.trigger().code().substring(0, 2).equals(f.trigger().code().substring(0, 2))
                            && s.token(f.head()).pos().equals("VBG")) outcome = true;
                }
            }
            if (!outcome) kept.add(f);
        }
        return kept;
    }

    private boolean conditionHolds(Found f, Sentence s, int obj, Actor source, Actor target, List<PlaceMention> places) {
        String condition = f.trigger().condition();
        if ("territory".equals(condition)) {
            if (obj < 0) return false;
            List<Integer> phrase = s.phrase(obj, 3);
            for (PlaceMention p : places) if (phrase.contains(p.lastToken())) return true;
            for (int t : phrase) if (TERRITORY_NOUNS.contains(s.token(t).lemma().toLowerCase(Locale.ROOT))) return true;
            return false;
        }
        if ("weapon".equals(condition)) {
            int weapon = child(s, f.head(), "obj");
            if (weapon < 0) weapon = child(s, f.head(), "nsubj:pass");
            if (weapon < 0) return false;
            for (int t : s.phrase(weapon, 2)) if (lexicon.instrument(s.token(t).lemma().toLowerCase(Locale.ROOT)) != null) return true;
            return false;
        }
        if (condition != null && condition.startsWith("obj=")) {
            // "accepted demands" yields, "accepted a formula" agrees: the object's head word decides.
            return obj >= 0 && Set.of(condition.substring(4).split("\\|")).contains(s.token(obj).lemma().toLowerCase(Locale.ROOT));
        }
        if ("actor-object".equals(condition)) {
            return target != null || source != null && source.sector() != null && ARMED_SECTORS.contains(source.sector());
        }
        return true;
    }

    /** Source and target of a nominal trigger. */
    private Actor[] nominalRoles(Sentence s, Found f, List<ActorMention> mentions, String text, Actor lastSpeaker) {
        int head = f.head();
        Actor source = null, target = null;
        List<Integer> between = new ArrayList<>();
        for (Dependency d : s.children(head)) {
            String rel = d.relation();
            if (rel.equals("nmod:between") || rel.equals("nmod:among")) between.add(d.dependent());
        }
        if (between.size() >= 2) {
            source = actor(s, mentions, between.get(0), text, lastSpeaker);
            target = actor(s, mentions, between.get(1), text, lastSpeaker);
            return new Actor[]{source, target};
        }
        int src = child(s, head, "nmod:poss", "nmod:by", "nmod:from");
        if (src >= 0) source = actor(s, mentions, src, text, lastSpeaker);
        if (source == null) {
            // "Russian airstrikes", "Daesh attacks": a national adjective or name before the noun.
            for (Dependency d : s.children(head)) {
                String rel = d.baseRelation();
                if ((rel.equals("amod") || rel.equals("compound")) && d.dependent() < f.first()) {
                    // Only a country or an organisation: "cruise missile attacks" has no actor in "missile",
                    // and "the Astana talks" is a venue, not Kazakhstan's government.
                    Actor a = resolver.resolve(s, mentions, d.dependent(), text, false);
                    if (a != null && (a.country() != null || a.sector() == null)) {
                        source = a;
                        break;
                    }
                }
            }
        }
        if (source == null) {
            int subj = governingSubject(s, head);
            if (subj >= 0) source = actor(s, mentions, subj, text, lastSpeaker);
        }
        int tgt = child(s, head, "nmod:on", "nmod:against", "nmod:with", "nmod:of");
        if (tgt >= 0) target = actor(s, mentions, tgt, text, lastSpeaker);
        return new Actor[]{source, target};
    }

    private Actor accordingTo(Sentence s, List<ActorMention> mentions, String text) {
        for (int i = 0; i + 1 < s.size(); i++) {
            if (!s.token(i).lemma().equalsIgnoreCase("accord") || !s.token(i + 1).word().equalsIgnoreCase("to")) continue;
            for (Dependency d : s.parents(i)) {
                if (d.baseRelation().equals("case") && d.head() >= 0) return resolver.resolve(s, mentions, d.head(), text, false);
            }
        }
        return null;
    }

    /**
     * The actor holding the place an attack hit: "hit depots in Daesh-controlled areas", "shelled
     * rebel-held districts", "struck areas held by the militants".
     */
    private Actor controller(Sentence s, int trigger, List<ActorMention> mentions, String text) {
        for (Dependency d : s.children(trigger)) {
            if (!d.baseRelation().equals("obl") && !d.baseRelation().equals("obj")) continue;
            for (int t : s.phrase(d.dependent(), 2)) {
                if (!CONTROL_WORDS.contains(s.token(t).lemma().toLowerCase(Locale.ROOT))) continue;
                for (Dependency m : s.children(t)) {
                    String rel = m.baseRelation();
                    if (rel.equals("obl") || rel.equals("obl:agent") || rel.equals("compound") || rel.equals("nsubj")
                            || rel.equals("obl:npmod") || rel.startsWith("nmod")) {
                        Actor a = resolver.resolve(s, mentions, m.dependent(), text, false);
                        if (a != null) return a;
                    }
                }
            }
        }
        return null;
    }

    private Actor actor(Sentence s, List<ActorMention> mentions, int head, String text, Actor lastSpeaker) {
        Token t = s.token(head);
        if (t.pos().equals("PRP") && lastSpeaker != null) {
            String w = t.word().toLowerCase(Locale.ROOT);
            if (w.equals("he") || w.equals("she")) {
                return new Actor(t.word(), t.start(), t.end(), lastSpeaker.code(), lastSpeaker.name(),
                        lastSpeaker.country(), lastSpeaker.sector());
            }
        }
        return resolver.resolve(s, mentions, head, text, true);
    }

    /** The subject of a verb, looking through coordination and control ("forces ... liberated X and are moving"). */
    private static int subject(Sentence s, int verb) {
        int node = verb;
        for (int hops = 0; hops < 3 && node >= 0; hops++) {
            for (Dependency d : s.children(node)) {
                String rel = d.relation();
                if (rel.startsWith("nsubj") && !rel.startsWith("nsubj:pass")) return d.dependent();
            }
            if (hops == 0) {
                int agent = child(s, node, "obl:agent");
                if (agent >= 0) return agent;
            }
            int up = -1;
            for (Dependency d : s.parents(node)) {
                String rel = d.baseRelation();
                // "dep": the parser sometimes leaves the main verb hanging off a participle
                // ("forces, backed by X, liberated Y" parsed with "backed" as root).
                if (rel.equals("conj") || rel.equals("xcomp") || rel.equals("advcl") || rel.equals("dep")) {
                    up = d.head();
                    break;
                }
            }
            node = up;
        }
        return -1;
    }

    /**
     * "carried out airstrikes", "clearing the way ... with airstrikes": the subject of the verb a noun hangs
     * from, found by climbing through objects, obliques and modifiers (not clauses); -1 when there is none.
     */
    private static int governingSubject(Sentence s, int noun) {
        int node = noun;
        for (int hops = 0; hops < 4; hops++) {
            int up = -1;
            for (Dependency d : s.parents(node)) {
                String rel = d.baseRelation();
                if (d.head() >= 0 && (rel.equals("obj") || rel.equals("obl") || rel.equals("conj") || rel.equals("nmod"))) {
                    up = d.head();
                    break;
                }
            }
            if (up < 0) return -1;
            if (s.token(up).isVerb()) return subject(s, up);
            node = up;
        }
        return -1;
    }

    /** "X and Y clashed": the second conjoined subject is the other side of a symmetric event. */
    private static int secondSubject(Sentence s, int verb, int first) {
        if (first < 0) return -1;
        for (Dependency d : s.children(first)) if (d.relation().startsWith("conj")) return d.dependent();
        return -1;
    }

    private static int child(Sentence s, int head, String... relations) {
        for (String r : relations) {
            for (Dependency d : s.children(head)) if (d.relation().equals(r)) return d.dependent();
        }
        return -1;
    }

    private static List<Integer> subtree(Sentence s, int root) {
        List<Integer> out = new ArrayList<>();
        ArrayDeque<Integer> todo = new ArrayDeque<>();
        todo.add(root);
        while (!todo.isEmpty()) {
            int n = todo.poll();
            if (out.contains(n)) continue;
            out.add(n);
            for (Dependency d : s.children(n)) if (!d.relation().equals("ref")) todo.add(d.dependent());
        }
        return out;
    }

    private Event event(Article article, Sentence s, Found f, Actor source, Actor target, List<PlaceMention> places,
                        Event.Attribution attribution, Map<String, Integer> sentenceQuantities, String focusCountry) {
        String text = article.text();
        String code = refine(f, s);
        // Place first: it tells the country of domestic actors named only by their role ("police", "the president").
        int subj = f.trigger().verb() ? subject(s, f.head()) : governingSubject(s, f.head());
        Place where = location(s, f.head(), places, source, target, subj < 0 ? List.of() : s.phrase(subj, 4), code.startsWith("195"));
        String home = where != null && where.country() != null ? where.country() : focusCountry;
        source = domestic(source, home);
        target = domestic(target, home);
        Codebook.Entry entry = codebook.get(code);
        Event.Acled acled = null;
        // Rules (acled-rules.tsv) come first: they also place codes cameo.tsv leaves outside ACLED (surrenders, bases).
        TriggerLexicon.AcledRule rule = acledRule(code, s);
        if (rule != null) {
            // "-": the sentence tells a disaster or a claim, not political violence: outside ACLED's scope.
            acled = rule.eventType().equals("-") ? null : new Event.Acled(rule.eventType(), rule.subType());
        } else if (entry.acledType() != null) {
            String sub = entry.acledSubType();
            String type = entry.acledType();
            if (code.startsWith("192") && source != null && source.country() != null
                    && ("GOV".equals(source.sector()) || "MIL".equals(source.sector()) || "COP".equals(source.sector()))) {
                sub = "Government regains territory";
            }
            // Unarmed victims make an armed attack one on civilians (ACLED's distinction, not CAMEO's).
            if ("Armed clash".equals(sub) && target != null && target.sector() != null && CIVILIAN_SECTORS.contains(target.sector())) {
                type = "Violence against civilians";
                sub = "Attack";
            }
            acled = new Event.Acled(type, sub);
        }
        String[] date = date(s, f.head(), article.published());
        Place location = where;
        String modality = modality(s, f.head());
        Map<String, Integer> quantities = code.compareTo("18") >= 0 || code.startsWith("17") ? sentenceQuantities : Map.of();
        Token first = s.token(f.first()), last = s.token(f.last());
        Event.Span trigger = new Event.Span(text.substring(first.start(), last.end()), first.start(), last.end());
        Event.Evidence evidence = new Event.Evidence(text.substring(s.start(), s.end()), s.start(), s.end(), trigger);
        double confidence = 0.45 + (source != null ? 0.2 : 0) + (target != null ? 0.15 : 0) + (f.trigger().verb() ? 0.1 : 0)
                + ("text".equals(date[2]) ? 0.05 : 0) - ("asserted".equals(modality) ? 0 : 0.2);
        confidence = Math.round(Math.max(0.05, Math.min(0.95, confidence)) * 100) / 100.0;
        return new Event(id(article.id(), first.start(), code), date[0], date[1], date[2], source, target,
                codebook.cameo(code), attribution != null && obliged(s, f.head())
                        ? new Event.Plover("REQUEST", null, entry.ploverContext()) : plover(entry, modality, conditional(s)),
                acled, location, modality, attribution, quantities, evidence, confidence);
    }

    /**
     * An event coded with the user's dictionaries. Their codes need not be in our codebook (WEIS-era or test codes),
     * so quad class, Goldstein value and mappings come from the nearest known parent code, or stay empty.
     */
    private Event dictionaryEvent(Article article, Sentence s, PatternCoder.Coded c) {
        String text = article.text();
        Codebook.Entry entry = null;
        for (int n = c.code().length(); n >= 2 && entry == null; n--) entry = codebook.get(c.code().substring(0, n));
        String base = c.code().length() > 3 ? c.code().substring(0, 3) : c.code();
        String root = c.code().length() >= 2 ? c.code().substring(0, 2) : c.code();
        Event.Cameo cameo = new Event.Cameo(c.code(), base, root, entry == null ? 0 : entry.quadClass(),
                entry == null ? 0 : entry.goldstein(), entry == null ? null : entry.label());
        Token first = s.token(c.verbFirst()), last = s.token(c.verbLast());
        Event.Span trigger = new Event.Span(text.substring(first.start(), last.end()), first.start(), last.end());
        Event.Evidence evidence = new Event.Evidence(text.substring(s.start(), s.end()), s.start(), s.end(), trigger);
        String[] date = date(s, c.verbFirst(), article.published());
        return new Event(id(article.id(), first.start(), c.code()), date[0], date[1], date[2],
                dictionaryActor(s, text, c.source(), c.sourceToken()), dictionaryActor(s, text, c.target(), c.targetToken()),
                cameo, entry == null ? new Event.Plover(null, null, List.of()) : new Event.Plover(entry.ploverType(), entry.ploverMode(), entry.ploverContext()),
                entry == null || entry.acledType() == null ? null : new Event.Acled(entry.acledType(), entry.acledSubType()),
                null, modality(s, c.verbFirst()), null, Map.of(), evidence, 0.6);
    }

    private Actor dictionaryActor(Sentence s, String text, String code, int token) {
        if (code == null || code.startsWith("---") && code.length() == 3) return null;
        String country = code.length() >= 3 && dictionary.countryName(code.substring(0, 3)) != null ? code.substring(0, 3) : null;
        String sector = country != null && code.length() >= 6 ? code.substring(3, 6) : null;
        Token t = token >= 0 && token < s.size() ? s.token(token) : null;
        return new Actor(t == null ? null : t.word(), t == null ? -1 : t.start(), t == null ? -1 : t.end(), code,
                country == null ? code : dictionary.countryName(country), country, sector);
    }

    /**
     * PLOVER codes intentions and refusals by what is said, not by the act named: a cooperative act announced
     * for the future ("will allow", "will provide") is AGREE, a harmful one ("would blockade", "will withdraw
     * unless") THREATEN, and a negated cooperative act ("will not accept") REJECT. Hypothetical events (may,
     * could, if) keep the act's type, since nobody has committed to them.
     */
    private static Event.Plover plover(Codebook.Entry entry, String modality, String conditional) {
        int quad = entry.quadClass();
        boolean cooperative = quad == 1 || quad == 2;
        // "will withdraw its force unless ...", "may halt mediation if ...": a harmful act announced on a condition
        // the other side must meet is a threat; "unless" makes even a withdrawal one, "if" only a conflictual act.
        if (conditional != null && ("future".equals(modality) || "hypothetical".equals(modality))
                && (quad >= 3 || quad == 2 && conditional.equals("unless"))) {
            return new Event.Plover("THREATEN", null, entry.ploverContext());
        }
        if ("future".equals(modality) && cooperative && !"AGREE".equals(entry.ploverType())) return new Event.Plover("AGREE", null, entry.ploverContext());
        if ("future".equals(modality) && quad == 4) return new Event.Plover("THREATEN", null, entry.ploverContext());
        if ("negated".equals(modality) && cooperative) return new Event.Plover("REJECT", null, entry.ploverContext());
        return new Event.Plover(entry.ploverType(), entry.ploverMode(), entry.ploverContext());
    }

    private static boolean actorless(Found f, Map<String, Integer> quantities) {
        String code = f.trigger().code();
        if (ACTORLESS_CODES.stream().anyMatch(code::startsWith)) return true;
        return code.startsWith("19") && (f.trigger().verb() || !quantities.isEmpty());
    }

    /**
     * A role without a country ("police", "opposition groups", "the vice-president") is the role in the country
     * where the event happens (else the article's focus country), as ICEWS and CAMEO coders treat domestic
     * actors: "police" in a Nairobi story is KENCOP. International and unknown organisations stay as they are.
     */
    private Actor domestic(Actor a, String country) {
        if (a == null || a.country() != null || country == null || a.code() == null || a.code().length() != 3
                || NON_DOMESTIC.contains(a.code()) || dictionary.countryName(a.code()) != null) return a;
        return new Actor(a.text(), a.start(), a.end(), country + a.code(), a.name(), country, a.sector() != null ? a.sector() : a.code());
    }

    /** "Russia said Sudan must return the helicopter": what a speaker says another must do is a demand (PLOVER REQUEST). */
    private static boolean obliged(Sentence s, int trigger) {
        for (Dependency d : s.children(trigger)) {
            String lemma = s.token(d.dependent()).lemma().toLowerCase(Locale.ROOT);
            if (d.baseRelation().equals("aux") && (lemma.equals("must") || lemma.equals("should"))) return true;
        }
        return false;
    }

    /** The word by which the sentence sets a condition ("unless", else "if"), or null. */
    private static String conditional(Sentence s) {
        String found = null;
        for (Token t : s.tokens()) {
            String l = t.lemma().toLowerCase(Locale.ROOT);
            if (l.equals("unless")) return l;
            if (l.equals("if")) found = l;
        }
        return found;
    }

    /** The first ACLED rule whose code prefix fits and one of whose cues the sentence holds, or null. */
    private TriggerLexicon.AcledRule acledRule(String code, Sentence s) {
        List<String> lemmas = new ArrayList<>();
        for (Token t : s.tokens()) lemmas.add(t.lemma().toLowerCase(Locale.ROOT));
        for (TriggerLexicon.AcledRule r : lexicon.acledRules()) {
            boolean fits = false;
            for (String c : r.codes()) if (c.equals("*") || code.startsWith(c)) fits = true;
            if (!fits) continue;
            for (String cue : r.cues()) {
                String[] w = cue.trim().split(" ");
                for (int i = 0; i + w.length <= lemmas.size(); i++) {
                    boolean all = true;
                    for (int k = 0; k < w.length && all; k++) all = lemmas.get(i + k).equals(w[k]);
                    if (all) return r;
                }
            }
        }
        return null;
    }

    /** Attacks get a finer code from the weapons named around them ("cruise missile attacks" -> 195). */
    private String refine(Found f, Sentence s) {
        String code = f.trigger().code();
        if (!code.startsWith("18") && !code.startsWith("19") && !code.startsWith("20")) return code;
        List<Integer> around = new ArrayList<>(s.phrase(f.head(), 1));
        for (Dependency d : s.children(f.head())) {
            String rel = d.relation();
            if (rel.startsWith("nsubj") || rel.equals("obj") || rel.equals("obl:with") || rel.equals("obl:agent")) {
                around.addAll(s.phrase(d.dependent(), 2));
            }
        }
        for (int i : around) {
            String refined = lexicon.instrument(s.token(i).lemma().toLowerCase(Locale.ROOT), code);
            if (refined != null && codebook.contains(refined)) return refined;
        }
        return code;
    }

    /**
     * The event's date: a time expression attached to the trigger (or its clause), else the sentence's only
     * absolute date, else the publication date. Returns {date, precision, source}.
     */
    private static String[] date(Sentence s, int trigger, LocalDate published) {
        TimeExpression chosen = null;
        int bestDist = Integer.MAX_VALUE;
        for (TimeExpression t : s.times()) {
            if (!ISO_DATE.matcher(t.value()).matches()) continue;
            if (t.firstToken() > 0 && s.token(t.firstToken() - 1).lemma().equals("since")) continue;
            int dist = Integer.MAX_VALUE;
            for (int i = t.firstToken(); i <= t.lastToken(); i++) dist = Math.min(dist, pathLength(s, i, trigger, 4));
            if (dist < bestDist) {
                bestDist = dist;
                chosen = t;
            }
        }
        if (chosen != null) {
            String v = chosen.value();
            return new String[]{v, v.length() == 10 ? "day" : v.length() == 7 ? "month" : "year", "text"};
        }
        if (published != null) return new String[]{published.toString(), "day", "published"};
        return new String[]{null, null, null};
    }

    /** The place nearest the trigger in the dependency graph; places outside the clause count as far. */
    private static Place location(Sentence s, int trigger, List<PlaceMention> places, Actor source, Actor target,
                                  List<Integer> subjectPhrase, boolean remote) {
        Place best = null;
        int bestDist = Integer.MAX_VALUE;
        for (PlaceMention p : places) {
            if (!p.place().resolved() || overlaps(p.place(), source) || overlaps(p.place(), target) || inModifier(s, p)) continue;
            int dist = Integer.MAX_VALUE;
            for (int i = p.firstToken(); i <= p.lastToken(); i++) dist = Math.min(dist, pathLength(s, i, trigger, 8));
            if (dist == Integer.MAX_VALUE) dist = 100 + Math.abs(p.firstToken() - trigger);
            if ("country".equals(p.place().precision())) dist += 50; // a country is the fallback, a town the answer
            // "submarines in the Mediterranean fired at posts east of Deir ez-Zor": where the attacker is comes last.
            if (subjectPhrase.contains(p.lastToken())) {
                if (remote) continue; // aircraft and missiles strike far from where they fly or sail from
                dist += 20;
            }
            if (dist < bestDist) {
                bestDist = dist;
                best = p.place();
            }
        }
        return best;
    }

    /** "-led", "-backed", "-based": a compound that makes a place name describe someone ("the US-led coalition"). */
    private static final java.util.regex.Pattern MODIFIER_SUFFIX = java.util.regex.Pattern.compile(
            "(?i)(?:.*-)?(led|backed|based|allied|funded|sponsored|brokered|aligned|affiliated|linked|registered|flagged|owned|born|trained)");

    /**
     * "the US-led coalition said", "a London-based monitor": the place names who someone is or where they are
     * from, not where the event happened.
     */
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

    /** Undirected path length between two tokens in the dependency graph, or MAX_VALUE beyond {@code limit}. */
    private static int pathLength(Sentence s, int from, int to, int limit) {
        if (from == to) return 0;
        int[] dist = new int[s.size()];
        java.util.Arrays.fill(dist, -1);
        ArrayDeque<Integer> queue = new ArrayDeque<>();
        dist[from] = 0;
        queue.add(from);
        while (!queue.isEmpty()) {
            int n = queue.poll();
            if (dist[n] >= limit) continue;
            for (Dependency d : s.dependencies()) {
                int next = d.head() == n ? d.dependent() : d.dependent() == n ? d.head() : -1;
                if (next < 0 || dist[next] >= 0) continue;
                dist[next] = dist[n] + 1;
                if (next == to) return dist[next];
                queue.add(next);
            }
        }
        return Integer.MAX_VALUE;
    }

    /** asserted unless a negation, future or hypothetical cue governs the trigger. */
    private String modality(Sentence s, int trigger) {
        int node = trigger;
        for (int hops = 0; hops <= 3 && node >= 0; hops++) {
            if (hops > 0) {
                String m = lexicon.modality(s.token(node).lemma().toLowerCase(Locale.ROOT));
                if (m != null) return m;
            }
            // "will not accept": a negation outranks the future or hypothetical cue beside it.
            String found = null;
            for (Dependency d : s.children(node)) {
                String rel = d.baseRelation();
                if (rel.equals("neg") || rel.equals("aux") || rel.equals("mark") || rel.equals("advmod")
                        || rel.equals("det") && hops == 0) {
                    String m = lexicon.modality(s.token(d.dependent()).lemma().toLowerCase(Locale.ROOT));
                    if ("negated".equals(m)) return m;
                    if (found == null) found = m;
                }
            }
            if (found != null) return found;
            // "not" on a passive or copular event hangs off the auxiliary's head: checked above via advmod.
            int up = s.head(node);
            if (up >= 0) {
                String rel = relation(s, up, node);
                if (rel.equals("ccomp") && lexicon.modality(s.token(up).lemma().toLowerCase(Locale.ROOT)) == null
                        && hops > 0) break;
            }
            node = up;
        }
        return "asserted";
    }

    private static String relation(Sentence s, int head, int dependent) {
        for (Dependency d : s.children(head)) if (d.dependent() == dependent) return d.baseRelation();
        return "";
    }

    /** Casualty and arrest counts the sentence states ("killed 6 civilians", "10 were wounded"). */
    private static Map<String, Integer> quantities(Sentence s) {
        Map<String, Integer> out = new LinkedHashMap<>();
        for (int i = 0; i < s.size(); i++) {
            String kind = QUANTITY_VERBS.get(s.token(i).lemma().toLowerCase(Locale.ROOT));
            if (kind == null || !s.token(i).isVerb()) continue;
            // A number standing as the verb's own argument ("and 64 injured") beats one on a shared subject.
            Integer direct = null;
            for (Dependency d : s.children(i)) {
                Token arg = s.token(d.dependent());
                String rel = d.baseRelation();
                if (arg.pos().equals("CD") && (rel.startsWith("nsubj") || rel.equals("obj") || rel.equals("dep"))) direct = number(s, d.dependent());
            }
            if (direct != null) {
                out.merge(kind, direct, Integer::sum);
                continue;
            }
            for (Dependency d : s.children(i)) {
                String rel = d.relation();
                boolean countAsSubject = rel.equals("nsubj") && (s.token(i).lemma().equals("die") || s.token(d.dependent()).pos().equals("CD"));
                if (!(rel.equals("obj") || rel.startsWith("nsubj:pass") || countAsSubject)) continue;
                Integer n = number(s, d.dependent());
                if (n != null) out.merge(kind, n, Integer::sum);
            }
        }
        return out;
    }

    private static Integer number(Sentence s, int noun) {
        List<Integer> candidates = new ArrayList<>();
        candidates.add(noun);
        for (Dependency d : s.children(noun)) if (d.baseRelation().equals("nummod")) candidates.add(0, d.dependent());
        for (int c : candidates) {
            Token t = s.token(c);
            if (!t.pos().equals("CD") || t.normalized() == null) continue;
            try {
                double v = Double.parseDouble(t.normalized().replace("~", "").replace(">", "").replace("<", "").replace("=", ""));
                if (v >= 0 && v < 10_000_000) return (int) v;
            } catch (NumberFormatException ignored) {
                // a range or a non-number: not a stated count
            }
        }
        return null;
    }

    private static String id(String articleId, int triggerStart, String code) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-1");
            byte[] h = sha.digest((articleId + ":" + triggerStart + ":" + code).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(h, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
